package dev.tradingsdk.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tradingsdk.cfd.fixture.CfdThing;
import dev.tradingsdk.llm.fixture.PrintsToStdout;
import dev.tradingsdk.llm.fixture.ReachesIntoCfd;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {

    @Test
    void trading_core_follows_its_rules() {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tradingsdk.core");
        ArchitectureRules.core().check(core);
    }

    @Test
    void a_feature_module_using_another_fails_naming_both_classes() {
        JavaClasses classes = new ClassFileImporter().importClasses(ReachesIntoCfd.class, CfdThing.class);
        assertThatThrownBy(() -> ArchitectureRules.featureModule("dev.tradingsdk.llm").check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ReachesIntoCfd")
                .hasMessageContaining("CfdThing");
    }

    @Test
    void library_code_printing_to_stdout_fails() {
        JavaClasses classes = new ClassFileImporter().importClasses(PrintsToStdout.class);
        assertThatThrownBy(() -> ArchitectureRules.loggingOnlyThroughSlf4j().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PrintsToStdout");
    }

    @Test
    void a_clean_module_passes() {
        JavaClasses classes = new ClassFileImporter().importClasses(CfdThing.class);
        assertThatCode(() -> ArchitectureRules.featureModule("dev.tradingsdk.cfd").check(classes))
                .doesNotThrowAnyException();
    }

    @Test
    void an_unknown_module_package_is_refused_naming_it() {
        assertThatThrownBy(() -> ArchitectureRules.featureModule("dev.tradingsdk.kalsh"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev.tradingsdk.kalsh")
                .hasMessageContaining("dev.tradingsdk.kalshi");
    }
}
