package dev.tradingsdk.core.risk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The risk package builds on the core domain only, never on the journal or HTTP layers. */
@AnalyzeClasses(packages = "dev.tradingsdk.core", importOptions = ImportOption.DoNotIncludeTests.class)
class RiskArchitectureTest {

    @ArchTest
    static final ArchRule riskUsesOnlyTheCoreDomain = classes().that().resideInAPackage("..core.risk..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..core.risk..", "..core.num..",
                    "..core.instrument..", "..core.order..", "..core.portfolio..", "..core.gateway..",
                    "..core.time..", "..core.market..", "..core.book..", "java..", "org.slf4j..");

    @ArchTest
    static final ArchRule riskInternalsStayInRisk = noClasses().that().resideOutsideOfPackage("..core.risk..")
            .should().dependOnClassesThat().resideInAPackage("..core.risk.internal..");
}
