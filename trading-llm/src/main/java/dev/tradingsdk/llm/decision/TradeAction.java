package dev.tradingsdk.llm.decision;

/**
 * What a decision does to one instrument: {@code BUY} opens or adds to a long, {@code SELL} reduces a long (never
 * past flat), {@code SHORT} opens or adds to a short, {@code COVER} reduces a short, {@code CLOSE} flattens
 * whatever is held, {@code HOLD} does nothing on purpose.
 */
public enum TradeAction {
    BUY, SELL, SHORT, COVER, CLOSE, HOLD;

    /** Whether the action opens or adds risk (and so needs a stop below/above the price to be sensible). */
    public boolean opens() {
        return this == BUY || this == SHORT;
    }

    /** Whether the action needs a size (a quantity or a percent of equity). */
    public boolean sized() {
        return this == BUY || this == SELL || this == SHORT || this == COVER;
    }
}
