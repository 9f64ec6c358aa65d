package dev.tradingsdk.cfd;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.tradingsdk.testkit.ArchitectureRules;

/** ARCHITECTURE.md rules 2, 4 and 5 for trading-cfd, from the test kit's shared rules. */
@AnalyzeClasses(packages = "dev.tradingsdk.cfd", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static void followsTheModuleRules(JavaClasses classes) {
        ArchitectureRules.featureModule("dev.tradingsdk.cfd").check(classes);
    }
}
