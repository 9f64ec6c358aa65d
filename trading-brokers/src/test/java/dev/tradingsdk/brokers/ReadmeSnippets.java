package dev.tradingsdk.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that the module README shows a test's code between two marker comments exactly. */
public final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    public static void assertReadmeShows(String testClass, String marker) throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/brokers/" + testClass + ".java"),
                StandardCharsets.UTF_8);
        String start = "    // " + marker + " start\n";
        String snippet = source.substring(source.indexOf(start) + start.length(),
                source.indexOf("    // " + marker + " end"));
        assertThat(snippet).isNotBlank();
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains(snippet);
    }
}
