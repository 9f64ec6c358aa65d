package dev.tradingsdk.core.order;

/** Direction of an order or fill. */
public enum Side {
    BUY, SELL;

    /** +1 for BUY, -1 for SELL: the sign a fill of this side adds to a net position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
