package dev.tradingsdk.brokers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;

/** ARCHITECTURE.md rules 2, 4 and 5 for trading-brokers, and the adapters' independence from each other. */
@AnalyzeClasses(packages = "dev.tradingsdk.brokers", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Rule 2: of our modules, only trading-core (and itself); never another feature module or the examples. */
    @ArchTest
    static final ArchRule onlyCoreAmongOurModules = noClasses()
            .that().resideInAPackage("dev.tradingsdk.brokers..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tradingsdk.cfd..", "dev.tradingsdk.polymarket..",
                    "dev.tradingsdk.kalshi..", "dev.tradingsdk.llm..", "dev.tradingsdk.examples..",
                    "dev.tradingsdk.benchmarks..");

    /** Rule 4: core's internal packages are core's own. */
    @ArchTest
    static final ArchRule noCoreInternals = noClasses()
            .that().resideInAPackage("dev.tradingsdk.brokers..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradingsdk.core..internal..");

    /** Rule 4 for this module's own internals. */
    @ArchTest
    static final ArchRule internalsStayInTheModule = classes()
            .that().resideInAPackage("dev.tradingsdk.brokers..internal..")
            .should().onlyBeAccessed().byAnyPackage("dev.tradingsdk.brokers..");

    /** Each adapter stands alone on the SPI, so one can be dropped or replaced without touching the others. */
    @ArchTest
    static final ArchRule alpacaStandsAlone = adapterStandsAlone("alpaca");

    @ArchTest
    static final ArchRule ibkrStandsAlone = adapterStandsAlone("ibkr");

    @ArchTest
    static final ArchRule binanceStandsAlone = adapterStandsAlone("binance");

    @ArchTest
    static final ArchRule paperStandsAlone = adapterStandsAlone("paper");

    private static ArchRule adapterStandsAlone(String adapter) {
        String[] others = Stream.of("alpaca", "ibkr", "binance", "paper", "tenant").filter(a -> !a.equals(adapter))
                .map(a -> "dev.tradingsdk.brokers." + a + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("dev.tradingsdk.brokers." + adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others);
    }

    /** Rule 5: logging only through slf4j. */
    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
