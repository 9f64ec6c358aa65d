package dev.tradingsdk.core.backtest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps analytics usable without the engine, internals private and the library quiet. */
class BacktestArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tradingsdk.core");
    }

    @Test
    void analyticsDoesNotDependOnTheEngine() {
        noClasses().that().resideInAPackage("dev.tradingsdk.core.analytics..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradingsdk.core.backtest..")
            .check(classes);
    }

    @Test
    void internalsAreUsedOnlyByTheirOwnPackage() {
        noClasses().that().resideOutsideOfPackages("dev.tradingsdk.core.backtest..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradingsdk.core.backtest.internal..")
            .check(classes);
        noClasses().that().resideOutsideOfPackages("dev.tradingsdk.core.analytics..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradingsdk.core.analytics.internal..")
            .check(classes);
        noClasses().that().resideOutsideOfPackages("dev.tradingsdk.core.indicators..")
            .should().dependOnClassesThat().resideInAPackage("dev.tradingsdk.core.indicators.internal..")
            .check(classes);
    }

    @Test
    void indicatorsNeedNeitherTheEngineNorAnalytics() {
        noClasses().that().resideInAPackage("dev.tradingsdk.core.indicators..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tradingsdk.core.backtest..",
                "dev.tradingsdk.core.analytics..", "dev.tradingsdk.core.strategy..")
            .check(classes);
    }

    @Test
    void noStandardStreams() {
        noClasses().that().resideInAnyPackage("dev.tradingsdk.core.backtest..", "dev.tradingsdk.core.analytics..",
                "dev.tradingsdk.core.indicators..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(classes);
    }
}
