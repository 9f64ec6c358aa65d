package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.book.OrderBook;

/**
 * Events of a {@link KalshiStream}, delivered one at a time on the stream's event thread in arrival order. A
 * callback that throws is logged and does not affect the stream.
 */
public interface KalshiStreamListener {

    /**
     * The book of {@code ticker} changed (a snapshot or a delta). The book is the stream's own: read it inside the
     * callback only, or take {@link KalshiStream#book(String)} for a copy.
     */
    default void onBook(String ticker, OrderBook book, boolean snapshot) {
    }

    default void onTicker(TickerUpdate update) {
    }

    default void onTrade(KalshiTrade trade) {
    }

    default void onFill(KalshiFill fill) {
    }

    default void onLifecycle(MarketLifecycleEvent event) {
    }

    /** A sequence gap: the affected books are stale until their next snapshot. */
    default void onGap(SequenceGap gap) {
    }

    /** The connection dropped: every book is stale until it is resubscribed and snapshotted. */
    default void onDisconnected(String reason) {
    }

    /** The venue answered a command with an error ({@code code} as in Kalshi's WebSocket error list). */
    default void onError(long commandId, int code, String message) {
    }
}
