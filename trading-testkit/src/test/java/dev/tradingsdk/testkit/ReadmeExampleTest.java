package dev.tradingsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.tradingsdk.cfd.fixture.CfdThing;
import dev.tradingsdk.core.sweep.LocalSweepExecutor;
import dev.tradingsdk.core.sweep.SweepResults;
import org.junit.jupiter.api.Test;

/** The example in trading-testkit/README.md runs here and the README shows it verbatim. */
class ReadmeExampleTest {

    @Test
    void readmeExample() {
        // README example begins
        JavaClasses classes = new ClassFileImporter().importClasses(CfdThing.class);
        ArchitectureRules.featureModule("dev.tradingsdk.cfd").check(classes);

        SweepResults rows = LocalSweepExecutor.builder().threads(2).build().execute(SweepExecutorContract.sweep());
        assertThat(rows.size()).isEqualTo(60);
        // README example ends
    }

    @Test
    void readmeShowsTheExample() {
        ReadmeSnippets.assertReadmeShowsExamples("README.md",
                "src/test/java/dev/tradingsdk/testkit/ReadmeExampleTest.java");
    }
}
