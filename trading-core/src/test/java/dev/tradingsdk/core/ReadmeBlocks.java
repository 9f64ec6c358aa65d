package dev.tradingsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Core's README examples: the first java block of a README must be, verbatim, the dedented part of a test between
 * the marker comments. (Modules other than core use the test kit's {@code ReadmeSnippets}; core cannot depend on
 * the kit.)
 */
public final class ReadmeBlocks {

    public static final String BEGIN = "// README example begins";
    public static final String END = "// README example ends";

    private ReadmeBlocks() {
    }

    /** Asserts that the first java block of {@code readme} is the marked example of {@code testSource}. */
    public static void assertFirstBlockIsTheExample(String readme, String testSource) throws IOException {
        String source = Files.readString(Path.of(testSource));
        String text = Files.readString(Path.of(readme));
        String example = dedent(between(source, BEGIN + "\n", "        " + END));
        String block = between(text, "```java\n", "```");
        assertThat(block).isEqualTo(example);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("marker %s", start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("marker %s", end).isNotNegative();
        return text.substring(from + start.length(), to);
    }

    private static String dedent(String code) {
        List<String> lines = code.lines().collect(Collectors.toList());
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n", "",
                "\n"));
    }
}
