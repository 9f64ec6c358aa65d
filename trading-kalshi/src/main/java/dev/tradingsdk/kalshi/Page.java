package dev.tradingsdk.kalshi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a cursor-paginated list. An empty, null or absent cursor means this was the last page; the last
 * page may still hold items.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
        nextCursor = nextCursor.filter(cursor -> !cursor.isEmpty());
    }

    public static <T> Page<T> of(List<T> items, String cursor) {
        return new Page<>(items, Optional.ofNullable(cursor));
    }
}
