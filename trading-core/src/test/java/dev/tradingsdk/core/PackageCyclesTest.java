package dev.tradingsdk.core;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Core's packages (each with its sub-packages) depend on each other in one direction only. One known exception:
 * {@code backtest.Backtest} is a configuration of the engine in {@code strategy}, which itself runs
 * {@code backtest}'s simulated venue and replay; splitting the venue simulation out of {@code backtest} would
 * remove it.
 */
@AnalyzeClasses(packages = "dev.tradingsdk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule noCyclesBetweenCorePackages = slices().matching("dev.tradingsdk.core.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(describe("Backtest and its result", (JavaClass c) ->
                    c.getName().startsWith("dev.tradingsdk.core.backtest.Backtest")),
                    describe("the strategy runtime", (JavaClass c) ->
                            c.getPackageName().startsWith("dev.tradingsdk.core.strategy")));

    @ArchTest
    static final ArchRule noCyclesBetweenRiskAndItsRulesOrMonitors = slices()
            .matching("dev.tradingsdk.core.risk.(*)..").should().beFreeOfCycles();
}
