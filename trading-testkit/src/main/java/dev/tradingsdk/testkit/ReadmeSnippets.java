package dev.tradingsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps a README's code examples true: each example is the part of a test method between
 * {@code // README example begins} and {@code // README example ends}, and the README must show it verbatim
 * (dedented) in a {@code ```java} block. The test runs the code; this check makes sure the README shows what ran.
 */
public final class ReadmeSnippets {

    public static final String BEGIN = "// README example begins";
    public static final String END = "// README example ends";

    private ReadmeSnippets() {
    }

    /**
     * Asserts that every marked example in {@code testSource} appears, dedented, as a java block of {@code readme}.
     * Paths are relative to the module directory (Maven runs tests there).
     */
    public static void assertReadmeShowsExamples(String readme, String testSource) {
        String source = read(Path.of(testSource));
        String text = read(Path.of(readme));
        int from = 0;
        int found = 0;
        while (true) {
            int begin = source.indexOf(BEGIN, from);
            if (begin < 0) {
                break;
            }
            int start = source.indexOf('\n', begin) + 1;
            int end = source.indexOf(END, start);
            assertThat(end).as("%s: '%s' after offset %d has no '%s'", testSource, BEGIN, begin, END).isPositive();
            String example = dedent(source.substring(start, source.lastIndexOf('\n', end) + 1));
            assertThat(text).as("%s must show the example of %s verbatim", readme, testSource)
                    .contains("```java\n" + example + "```");
            found++;
            from = end;
        }
        assertThat(found).as("%s has no '%s' marker", testSource, BEGIN).isPositive();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file.toAbsolutePath(), e);
        }
    }

    static String dedent(String code) {
        List<String> lines = code.lines().collect(Collectors.toList());
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
