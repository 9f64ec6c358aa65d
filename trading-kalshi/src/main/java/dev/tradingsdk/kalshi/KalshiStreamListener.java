package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.book.OrderBook;
import java.util.List;

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

    /** One listener calling each of {@code listeners} in order, e.g. a recorder and your own. */
    static KalshiStreamListener combine(KalshiStreamListener... listeners) {
        List<KalshiStreamListener> all = List.of(listeners);
        return new KalshiStreamListener() {
            @Override
            public void onBook(String ticker, OrderBook book, boolean snapshot) {
                all.forEach(l -> l.onBook(ticker, book, snapshot));
            }

            @Override
            public void onTicker(TickerUpdate update) {
                all.forEach(l -> l.onTicker(update));
            }

            @Override
            public void onTrade(KalshiTrade trade) {
                all.forEach(l -> l.onTrade(trade));
            }

            @Override
            public void onFill(KalshiFill fill) {
                all.forEach(l -> l.onFill(fill));
            }

            @Override
            public void onLifecycle(MarketLifecycleEvent event) {
                all.forEach(l -> l.onLifecycle(event));
            }

            @Override
            public void onGap(SequenceGap gap) {
                all.forEach(l -> l.onGap(gap));
            }

            @Override
            public void onDisconnected(String reason) {
                all.forEach(l -> l.onDisconnected(reason));
            }

            @Override
            public void onError(long commandId, int code, String message) {
                all.forEach(l -> l.onError(commandId, code, message));
            }
        };
    }
}
