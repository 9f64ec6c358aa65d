package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a report is well-formed (every non-void element closed, in order) and loads nothing from outside. */
final class HtmlChecks {

    private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "input", "link", "col", "area", "base",
        "wbr", "source");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)>");
    /** The SVG namespace is a name, never fetched. */
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private HtmlChecks() {
    }

    static void assertWellFormedAndSelfContained(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
        String withoutComments = html.replaceAll("(?s)<!--.*?-->", "").replaceAll("(?s)<script>.*?</script>", "<script></script>")
            .replaceAll("(?s)<style>.*?</style>", "<style></style>");
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(withoutComments);
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            boolean selfClosed = !m.group(4).isEmpty();
            if (VOID.contains(name) || selfClosed) {
                continue;
            }
            if (closing) {
                assertThat(open).as("closing </%s> at %d", name, m.start()).isNotEmpty();
                assertThat(open.pop()).as("element closed by </%s> at offset %d", name, m.start()).isEqualTo(name);
            } else {
                open.push(name);
            }
        }
        assertThat(open).as("unclosed elements").isEmpty();
        String outside = html.replace(SVG_NS, "");
        assertThat(outside).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(https?:)?//")
            .doesNotContainPattern("(?i)url\\(\\s*['\"]?(https?:)?//").doesNotContainPattern("(?i)@import")
            .doesNotContainPattern("(?i)<link\\b").doesNotContainPattern("(?i)<script[^>]+src");
    }
}
