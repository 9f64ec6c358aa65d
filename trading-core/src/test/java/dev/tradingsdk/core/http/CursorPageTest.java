package dev.tradingsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CursorPageTest {

    /** Pages keyed by the cursor that asks for them; null is the first page. */
    private final List<String> asked = new ArrayList<>();

    private Stream<String> walk(Map<String, CursorPage<String>> pages, int maxPages) {
        return CursorPage.stream("venue", "GET /things", maxPages, cursor -> {
            asked.add(String.valueOf(cursor));
            return pages.get(cursor == null ? "" : cursor);
        });
    }

    @Test
    void anEmptyOrAbsentCursorEndsTheListingAndThePageIsImmutable() {
        List<String> items = new ArrayList<>(List.of("a"));
        CursorPage<String> page = CursorPage.of(items, "");
        items.add("b");

        assertThat(page.items()).containsExactly("a");
        assertThat(page.nextCursor()).isEmpty();
        assertThat(page.hasMore()).isFalse();
        assertThat(CursorPage.of(List.of(), null).hasMore()).isFalse();
        assertThat(CursorPage.last(List.of("x"))).isEqualTo(new CursorPage<>(List.of("x"), Optional.empty()));
        assertThat(CursorPage.of(List.of(), "c2").nextCursor()).contains("c2");
        assertThatThrownBy(() -> new CursorPage<>(List.of(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("nextCursor");
    }

    @Test
    void walksEveryPageInOrderFetchingOnlyWhatTheStreamNeeds() {
        Map<String, CursorPage<String>> pages = Map.of(
                "", CursorPage.of(List.of("a", "b"), "c2"),
                "c2", CursorPage.of(List.of(), "c3"),
                "c3", CursorPage.of(List.of("c"), null));

        assertThat(walk(pages, 10).toList()).containsExactly("a", "b", "c");
        assertThat(asked).containsExactly("null", "c2", "c3");

        asked.clear();
        assertThat(walk(pages, 10).findFirst()).contains("a");
        assertThat(asked).containsExactly("null");
    }

    @Test
    void aRepeatedCursorIsRefusedInsteadOfLoopingForever() {
        Map<String, CursorPage<String>> pages = Map.of(
                "", CursorPage.of(List.of("a"), "c2"),
                "c2", CursorPage.of(List.of("b"), "c3"),
                "c3", CursorPage.of(List.of("c"), "c2"));

        assertThatThrownBy(() -> walk(pages, 100).toList())
                .isInstanceOf(CursorPaginationException.class).isInstanceOf(ApiException.class)
                .hasMessageContaining("venue pagination (GET /things)")
                .hasMessageContaining("page 3 returned cursor \"c2\", which an earlier page already returned");
        assertThat(asked).containsExactly("null", "c2", "c3");
    }

    @Test
    void aListingLongerThanThePageCapIsRefusedBeforeTheNextRequest() {
        Map<String, CursorPage<String>> pages = Map.of(
                "", CursorPage.of(List.of("a"), "c2"),
                "c2", CursorPage.of(List.of("b"), "c3"));

        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> walk(pages, 2).forEach(seen::add))
                .isInstanceOf(CursorPaginationException.class).hasMessageContaining("more than 2 pages");
        assertThat(seen).containsExactly("a", "b");
        assertThat(asked).hasSize(2);
        assertThat(catchThrowableOfType(CursorPaginationException.class, () -> walk(pages, 1).toList()).retryable())
                .isFalse();
        assertThatThrownBy(() -> CursorPage.stream("v", "GET /x", 0, c -> CursorPage.last(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxPages must be >= 1, was 0");
    }

    @Test
    void itemsComeOutOfTheStreamUnchanged() {
        assertThat(walk(Map.of("", CursorPage.last(Arrays.asList("x", "y"))), 1)).containsExactly("x", "y");
    }
}
