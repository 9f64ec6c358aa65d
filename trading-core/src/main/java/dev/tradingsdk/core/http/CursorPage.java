package dev.tradingsdk.core.http;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a cursor-paginated listing: its items and the cursor of the next page. An empty or absent cursor
 * means this was the last page (which may still hold items); a venue with its own end marker maps it to
 * {@link #last(List)}. {@link #stream} walks a whole listing lazily.
 *
 * @param items      this page's items, in the venue's order
 * @param nextCursor the cursor to ask for the next page with, empty on the last page
 */
public record CursorPage<T>(List<T> items, Optional<String> nextCursor) {

    public CursorPage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
        nextCursor = nextCursor.filter(cursor -> !cursor.isEmpty());
    }

    /** A page whose next cursor is {@code nextCursor}; null or empty means it is the last page. */
    public static <T> CursorPage<T> of(List<T> items, String nextCursor) {
        return new CursorPage<>(items, Optional.ofNullable(nextCursor));
    }

    /** The last page of a listing. */
    public static <T> CursorPage<T> last(List<T> items) {
        return new CursorPage<>(items, Optional.empty());
    }

    /** Whether a page follows this one. */
    public boolean hasMore() {
        return nextCursor.isPresent();
    }

    /**
     * Walks a listing lazily: a page is fetched only when the stream needs its first item, so {@code limit(n)} or
     * {@code findFirst()} stops the requests. The walk ends on the last page. A cursor that an earlier page of the
     * same walk already returned (the venue would loop forever) or a page past {@code maxPages} throws a
     * {@link CursorPaginationException} instead of another request.
     *
     * @param venue    venue name for errors, e.g. {@code "kalshi"}
     * @param endpoint the listing's method and path for errors, e.g. {@code "GET /markets"}
     * @param maxPages cap on pages per walk, at least 1
     * @param fetch    loads the page for a cursor; null asks for the first page
     */
    public static <T> Stream<T> stream(String venue, String endpoint, int maxPages,
            Function<String, CursorPage<T>> fetch) {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(fetch, "fetch");
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1, was " + maxPages);
        }
        Iterator<T> items = new Walk<>(venue, endpoint, maxPages, fetch);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED
                | Spliterator.NONNULL), false);
    }

    private static final class Walk<T> implements Iterator<T> {
        private final String venue;
        private final String endpoint;
        private final int maxPages;
        private final Function<String, CursorPage<T>> fetch;
        private final Set<String> seen = new HashSet<>();
        private Iterator<T> current;
        private String cursor;
        private boolean last;
        private int pages;

        Walk(String venue, String endpoint, int maxPages, Function<String, CursorPage<T>> fetch) {
            this.venue = venue;
            this.endpoint = endpoint;
            this.maxPages = maxPages;
            this.fetch = fetch;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (last) {
                    return false;
                }
                if (pages == maxPages) {
                    throw new CursorPaginationException(venue, endpoint, "more than " + maxPages
                            + " pages; narrow the filters or raise the page cap");
                }
                CursorPage<T> page = Objects.requireNonNull(fetch.apply(cursor), "fetch returned no page");
                pages++;
                current = page.items().iterator();
                if (page.nextCursor().isEmpty()) {
                    last = true;
                } else {
                    String next = page.nextCursor().get();
                    if (!seen.add(next)) {
                        throw new CursorPaginationException(venue, endpoint, "page " + pages + " returned cursor \""
                                + next + "\", which an earlier page already returned; stopping instead of looping");
                    }
                    cursor = next;
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException(endpoint + " has no more items");
            }
            return current.next();
        }
    }
}
