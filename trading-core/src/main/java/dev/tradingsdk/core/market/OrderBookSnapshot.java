package dev.tradingsdk.core.market;

import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.order.Side;
import java.util.Objects;

/**
 * An L2 {@link OrderBook} seen as a {@link MarketSnapshot}: a live view, not a copy, so the rules read the
 * book's current state with full depth. Read it under the same lock or thread that updates the book.
 */
public final class OrderBookSnapshot implements MarketSnapshot {

    private final OrderBook book;

    public OrderBookSnapshot(OrderBook book) {
        this.book = Objects.requireNonNull(book, "book");
    }

    public OrderBook book() {
        return book;
    }

    @Override
    public boolean hasBid() {
        return book.bestBidRaw() != OrderBook.NO_PRICE;
    }

    @Override
    public boolean hasAsk() {
        return book.bestAskRaw() != OrderBook.NO_PRICE;
    }

    @Override
    public long bidRaw() {
        return book.bestBidRaw();
    }

    @Override
    public long askRaw() {
        return book.bestAskRaw();
    }

    @Override
    public long availableRaw(Side takerSide, long limitRaw) {
        boolean market = takerSide == Side.BUY ? limitRaw == Long.MAX_VALUE : limitRaw == Long.MIN_VALUE;
        return market ? book.totalSizeRaw(takerSide.opposite()) : book.sizeWithinRaw(takerSide, limitRaw);
    }

    /** The book's last update time; a book never marked as updated reads as updated at the epoch (stale). */
    @Override
    public long updatedAtNanos() {
        long t = book.lastUpdateEpochNanos();
        return t == OrderBook.NONE ? 0 : t;
    }
}
