package dev.tradingsdk.llm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** ARCHITECTURE.md rules 2, 4 and 5 for trading-llm. */
@AnalyzeClasses(packages = "dev.tradingsdk.llm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Rule 2: of our modules, only trading-core (and itself); never another feature module or the examples. */
    @ArchTest
    static final ArchRule onlyCoreAmongOurModules = noClasses()
            .that().resideInAPackage("dev.tradingsdk.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tradingsdk.cfd..", "dev.tradingsdk.polymarket..", "dev.tradingsdk.kalshi..", "dev.tradingsdk.brokers..",
                    "dev.tradingsdk.examples..", "dev.tradingsdk.benchmarks..")
            ;

    /** Rule 4: core's internal packages are core's own. */
    @ArchTest
    static final ArchRule noCoreInternals = noClasses()
            .that().resideInAPackage("dev.tradingsdk.llm..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradingsdk.core..internal..")
            ;

    /** Rule 5: logging only through slf4j. */
    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
