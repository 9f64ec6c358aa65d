package dev.tradingsdk.brokers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tradingsdk.testkit.ArchitectureRules;
import java.util.stream.Stream;

/** The test kit's module rules, and the adapters' independence from each other. */
@AnalyzeClasses(packages = "dev.tradingsdk.brokers", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void followsTheModuleRules(JavaClasses classes) {
        ArchitectureRules.featureModule("dev.tradingsdk.brokers").check(classes);
    }

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
}
