package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.examples.Launcher;
import dev.tradingsdk.examples.cli.ExampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The top-level README's main command runs the flagship; the module README lists every app the launcher has. */
class ReadmeCommandsTest {

    @Test
    void theMainCommandRunsTheFlagship() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String main = readme.substring(readme.indexOf("Run the main example"));
        main = main.substring(main.indexOf("```\n") + 4, main.indexOf("\n```", main.indexOf("```\n") + 4));
        assertThat(main).isEqualTo("mvn -B -ntp -q -pl trading-examples -am package -DskipTests && java -jar "
            + "trading-examples/target/trading-examples.jar competition");
        assertThat(Launcher.apps()).extracting(ExampleApp::name).contains("competition");
    }

    @Test
    void theModuleReadmeListsEveryApp() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (ExampleApp app : Launcher.apps()) {
            assertThat(readme).contains("| `" + app.name() + "` |");
        }
    }
}
