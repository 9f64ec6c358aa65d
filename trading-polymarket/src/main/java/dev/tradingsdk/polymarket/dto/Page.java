package dev.tradingsdk.polymarket.dto;

import java.util.List;

/** One page of a cursor-paginated CLOB listing. Start with {@link #FIRST}; stop when {@link #hasMore()} is false. */
public record Page<T>(List<T> data, String nextCursor) {
    public static final String FIRST = "MA==";
    public static final String END = "LTE=";

    public Page {
        data = List.copyOf(data);
    }

    public boolean hasMore() {
        return nextCursor != null && !nextCursor.isEmpty() && !END.equals(nextCursor);
    }
}
