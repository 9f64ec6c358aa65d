package dev.tradingsdk.polymarket.dto;

import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.num.Price;
import java.util.List;
import java.util.Optional;

/**
 * An immutable view of one asset's L2 book, best level first on both sides. {@code crossed} is true when the best
 * bid is at or above the best ask, which the CLOB feed produces momentarily between messages; it is reported,
 * not treated as an error.
 */
public record BookSnapshot(String assetId, String market, List<BookLevel> bids, List<BookLevel> asks,
        long timestampMillis, String hash, boolean crossed) {
    public BookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    public Optional<Price> bestBid() {
        return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0).price());
    }

    public Optional<Price> bestAsk() {
        return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0).price());
    }
}
