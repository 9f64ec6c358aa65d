package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.examples.Launcher;
import dev.tradingsdk.examples.cli.ExampleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's contract: list, --help on every app, one-line errors with exit codes. */
class LauncherTest {

    @TempDir
    Path dir;

    @Test
    void withoutArgumentsItListsEveryApp() {
        AppRun run = AppRun.of();
        assertThat(run.code()).isZero();
        for (ExampleApp app : Launcher.apps()) {
            assertThat(run.out()).contains("  " + app.name() + " ").contains(app.summary());
        }
        assertThat(run.out()).contains("java -jar trading-examples/target/trading-examples.jar <app>");
    }

    @Test
    void everyAppPrintsItsHelpAndExitsWithoutRunning() {
        for (ExampleApp app : Launcher.apps()) {
            AppRun run = AppRun.of(app.name(), "--help", "--out", dir.resolve(app.name()).toString());
            assertThat(run.code()).as(app.name()).isZero();
            assertThat(run.out()).as(app.name()).startsWith("usage: java -jar trading-examples.jar " + app.name())
                .contains("--help").contains(app.description().lines().findFirst().orElseThrow().strip());
            app.options().forEach(o -> assertThat(run.out()).as(app.name()).contains("--" + o.name()));
            assertThat(run.err()).isEmpty();
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anUnknownAppOrOptionIsOneLineAndExitCodeTwo() {
        AppRun app = AppRun.of("no-such-app");
        assertThat(app.code()).isEqualTo(Launcher.USAGE);
        assertThat(app.err().lines()).singleElement().asString().startsWith("error: unknown app 'no-such-app'")
            .contains("competition");
        AppRun option = AppRun.of("sweep", "--bogus");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).isEqualTo("error: sweep: unknown option --bogus (see sweep --help)" + System.lineSeparator());
        AppRun positional = AppRun.of("competition", "prices.csv");
        assertThat(positional.code()).isEqualTo(2);
        assertThat(positional.err().lines()).singleElement().asString().contains("unexpected argument 'prices.csv'");
        AppRun value = AppRun.of("sweep", "--top", "lots");
        assertThat(value.err().lines()).singleElement().asString()
                .isEqualTo("error: sweep: --top must be a whole number, was 'lots'");
        AppRun missing = AppRun.of("sweep", "--out");
        assertThat(missing.err().lines()).singleElement().asString().isEqualTo("error: sweep: --out needs a value DIR");
        assertThat(AppRun.of("competition", "--from", "2019-01-01").err())
            .startsWith("error: competition: --from must be in 2023-03-01 .. 2024-05-24, was 2019-01-01");
    }

    @Test
    void aMissingOrMalformedInputFileIsOneLineNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.csv");
        AppRun none = AppRun.of("sweep", "--bars", missing.toString(), "--out", dir.toString());
        assertThat(none.code()).isEqualTo(Launcher.FAILED);
        assertThat(none.err().lines()).singleElement().asString().isEqualTo("error: sweep: " + missing + ": no such file");

        Path bad = Files.writeString(dir.resolve("bad.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n"
            + "2024-01-02,42000,43000,41000,not-a-price,42500,10\n");
        AppRun malformed = AppRun.of("sweep", "--bars", bad.toString(), "--out", dir.toString());
        assertThat(malformed.code()).isEqualTo(1);
        assertThat(malformed.err().lines()).singleElement().asString().startsWith("error: sweep: " + bad
                + ": not a valid bar file: ")
            .contains("not-a-price");
        assertThat(dir.resolve("sweep-results.csv")).doesNotExist();
    }
}
