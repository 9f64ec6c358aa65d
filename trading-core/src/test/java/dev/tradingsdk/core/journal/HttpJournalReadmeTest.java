package dev.tradingsdk.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps README-http-journal.md true: its java blocks are, in order, the snippets between the
 * {@code // README example: begin/end} markers of the http and journal {@code ReadmeExampleTest}s, which run them.
 */
class HttpJournalReadmeTest {

    private static final Pattern BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
    private static final Pattern MARKED = Pattern.compile(
            "\n( *)// README example: begin\n(.*?)\n *// README example: end\n", Pattern.DOTALL);

    @Test
    void readmeBlocksAreTheMarkedTestSnippets() throws IOException {
        List<String> readme = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(Files.readString(Path.of("README-http-journal.md")));
        while (blocks.find()) {
            readme.add(blocks.group(1));
        }
        List<String> snippets = new ArrayList<>();
        snippets.addAll(marked("src/test/java/dev/tradingsdk/core/http/ReadmeExampleTest.java"));
        snippets.addAll(marked("src/test/java/dev/tradingsdk/core/journal/ReadmeExampleTest.java"));
        assertThat(snippets).hasSize(3);
        assertThat(readme).containsExactlyElementsOf(snippets);
    }

    /** The marked snippets of {@code file}, moved left by their marker's indent, each ending in a newline. */
    private static List<String> marked(String file) throws IOException {
        List<String> snippets = new ArrayList<>();
        Matcher m = MARKED.matcher(Files.readString(Path.of(file)));
        while (m.find()) {
            snippets.add(m.group(2).replaceAll("(?m)^" + m.group(1), "") + "\n");
        }
        return snippets;
    }
}
