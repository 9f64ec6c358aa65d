package dev.tradingsdk.kalshi;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a cursor-paginated listing lazily: a page is fetched only when the stream needs its first item, so
 * {@code limit(n)} or {@code findFirst()} stops the requests. The walk ends on an empty or absent cursor and
 * throws {@link KalshiPaginationException} on a cursor seen before in the same walk, or past {@code maxPages}.
 */
public final class CursorPages {

    private CursorPages() {
    }

    /**
     * @param listing  name used in errors, e.g. {@code "GET /markets"}
     * @param fetch    loads the page for a cursor (null = first page)
     * @param maxPages cap on pages per walk
     */
    public static <T> Stream<T> stream(String listing, Function<String, Page<T>> fetch, int maxPages) {
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(fetch, "fetch");
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1, was " + maxPages);
        }
        Iterator<T> items = new Walk<>(listing, fetch, maxPages);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
            false);
    }

    private static final class Walk<T> implements Iterator<T> {
        private final String listing;
        private final Function<String, Page<T>> fetch;
        private final int maxPages;
        private final Set<String> seen = new HashSet<>();
        private Iterator<T> current;
        private String cursor;
        private boolean last;
        private int pages;

        Walk(String listing, Function<String, Page<T>> fetch, int maxPages) {
            this.listing = listing;
            this.fetch = fetch;
            this.maxPages = maxPages;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (last) {
                    return false;
                }
                if (pages == maxPages) {
                    throw new KalshiPaginationException(listing + ": more than " + maxPages
                        + " pages; narrow the filters or raise the page cap");
                }
                Page<T> page = fetch.apply(cursor);
                pages++;
                current = page.items().iterator();
                if (page.nextCursor().isEmpty()) {
                    last = true;
                } else {
                    String next = page.nextCursor().get();
                    if (!seen.add(next)) {
                        throw new KalshiPaginationException(listing + ": page " + pages + " returned cursor \"" + next
                            + "\", which an earlier page already returned; stopping instead of looping");
                    }
                    cursor = next;
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException(listing + " has no more items");
            }
            return current.next();
        }
    }
}
