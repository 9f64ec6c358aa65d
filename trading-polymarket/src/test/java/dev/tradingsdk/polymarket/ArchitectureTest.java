package dev.tradingsdk.polymarket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.tradingsdk.testkit.ArchitectureRules;

/** The test kit's module rules, and the module's own layering. */
@AnalyzeClasses(packages = "dev.tradingsdk.polymarket", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void followsTheModuleRules(JavaClasses classes) {
        ArchitectureRules.featureModule("dev.tradingsdk.polymarket").check(classes);
    }

    @ArchTest
    static final ArchRule valuesDoNotDependOnClientsOrAdapters = noClasses()
            .that().resideInAnyPackage("dev.tradingsdk.polymarket.signing..", "dev.tradingsdk.polymarket.order..",
                    "dev.tradingsdk.polymarket.dto..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tradingsdk.polymarket",
                    "dev.tradingsdk.polymarket.gateway..", "dev.tradingsdk.polymarket.arb..")
            .because("signing, order amounts and DTOs are plain values the clients, adapters and strategy build on");
}
