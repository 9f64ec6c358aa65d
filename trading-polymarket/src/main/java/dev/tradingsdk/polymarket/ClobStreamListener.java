package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.dto.LastTrade;
import dev.tradingsdk.polymarket.dto.UserOrderEvent;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
import dev.tradingsdk.polymarket.order.TickSize;

/**
 * Callbacks of a {@link ClobStream}, called on the stream's thread in message order; keep them short. All have
 * empty defaults.
 */
public interface ClobStreamListener {
    /** The book of an asset changed (a snapshot or a level update). */
    default void onBook(BookSnapshot book) {
    }

    /** The asset's tick size changed: re-round prices of new orders. */
    default void onTickSizeChange(String assetId, TickSize oldTick, TickSize newTick) {
    }

    default void onLastTrade(LastTrade trade) {
    }

    /** A {@code best_bid_ask} event (sent when custom features are enabled); either side may be null. */
    default void onBestBidAsk(String assetId, Price bestBid, Price bestAsk) {
    }

    default void onOrder(UserOrderEvent event) {
    }

    default void onTrade(UserTradeEvent event) {
    }

    /**
     * The connection dropped: every book is stale until the fresh snapshot the server sends after the automatic
     * resubscribe arrives (via {@link #onBook}).
     */
    default void onBooksStale() {
    }

    /**
     * One asset's book could not take a message (a malformed or unappliable snapshot or price change): it serves
     * nothing until the next snapshot.
     */
    default void onBookStale(String assetId, String reason) {
    }

    /** A message could not be understood; the stream continues. */
    default void onMalformedMessage(String text, RuntimeException error) {
    }
}
