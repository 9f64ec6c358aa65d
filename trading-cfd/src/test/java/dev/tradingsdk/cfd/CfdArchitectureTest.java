package dev.tradingsdk.cfd;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The architecture rules of /work/shared/ARCHITECTURE.md as they apply to trading-cfd's production code. */
class CfdArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tradingsdk.cfd");

    @Test
    void dependsOnlyOnCoreItselfTheJdkAndSlf4j() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.tradingsdk.cfd..",
                "dev.tradingsdk.core..", "java..", "org.slf4j..").check(CLASSES);
    }

    @Test
    void usesNoInternalPackageOfCore() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.tradingsdk.core..internal..")
                .check(CLASSES);
    }

    @Test
    void neverPrintsToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }
}
