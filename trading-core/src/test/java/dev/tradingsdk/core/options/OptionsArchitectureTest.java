package dev.tradingsdk.core.options;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The options package builds on the domain and risk's DeltaSource only; risk never depends on it. */
@AnalyzeClasses(packages = "dev.tradingsdk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class OptionsArchitectureTest {

    @ArchTest
    static final ArchRule optionsUseOnlyTheDomainAndRisk = classes().that().resideInAPackage("..core.options..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..core.options..", "..core.num..",
                    "..core.instrument..", "..core.order..", "..core.portfolio..", "..core.gateway..",
                    "..core.risk", "..core.time", "java..");

    @ArchTest
    static final ArchRule optionsInternalsStayInOptions = noClasses().that().resideOutsideOfPackage("..core.options..")
            .should().dependOnClassesThat().resideInAPackage("..core.options.internal..");

    @ArchTest
    static final ArchRule nothingBelowDependsOnOptions = noClasses().that().resideInAnyPackage("..core.risk..",
                    "..core.instrument..", "..core.num..", "..core.portfolio..")
            .should().dependOnClassesThat().resideInAPackage("..core.options..");
}
