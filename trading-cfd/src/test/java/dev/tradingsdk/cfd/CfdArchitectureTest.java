package dev.tradingsdk.cfd;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * trading-cfd's production code depends on trading-core, the JDK and slf4j only: no third-party library of its
 * own. {@link ArchitectureTest} holds the project-wide rules (other feature modules, core internals, streams).
 */
class CfdArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.tradingsdk.cfd");

    @Test
    void dependsOnlyOnCoreItselfTheJdkAndSlf4j() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.tradingsdk.cfd..",
                "dev.tradingsdk.core..", "java..", "org.slf4j..").check(CLASSES);
    }
}
