package dev.tradingsdk.core.market;

import dev.tradingsdk.core.order.Side;

/**
 * The market for one instrument as the risk rules read it. Prices are raw at the instrument's price
 * precision and sizes raw at its size precision. Implementations: {@link TopOfBook}, or an adapter over an
 * L2 order book.
 */
public interface MarketSnapshot {

    boolean hasBid();

    boolean hasAsk();

    /** Best bid, raw; meaningful only when {@link #hasBid()}. */
    long bidRaw();

    /** Best ask, raw; meaningful only when {@link #hasAsk()}. */
    long askRaw();

    /**
     * Size an order on {@code takerSide} could take at prices no worse than {@code limitRaw}: for a BUY the
     * asks at or below it, for a SELL the bids at or above it. Pass {@code Long.MAX_VALUE} (buy) or
     * {@code Long.MIN_VALUE} (sell) for a market order.
     */
    long availableRaw(Side takerSide, long limitRaw);

    /** When this market last changed, in nanoseconds since the epoch. */
    long updatedAtNanos();

    /** True when both sides are present. */
    default boolean isTwoSided() {
        return hasBid() && hasAsk();
    }
}
