package dev.tradingsdk.core.book;

import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;

/** The book holds less size on the side a taker would walk than the size asked for. */
public final class InsufficientLiquidityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Side takerSide;
    private final Quantity requested;
    private final Quantity available;

    public InsufficientLiquidityException(Side takerSide, Quantity requested, Quantity available) {
        super("cannot " + takerSide.name().toLowerCase(java.util.Locale.ROOT) + " " + requested + ": only "
                + available + " available on the " + (takerSide == Side.BUY ? "ask" : "bid") + " side");
        this.takerSide = takerSide;
        this.requested = requested;
        this.available = available;
    }

    public Side takerSide() {
        return takerSide;
    }

    public Quantity requested() {
        return requested;
    }

    public Quantity available() {
        return available;
    }
}
