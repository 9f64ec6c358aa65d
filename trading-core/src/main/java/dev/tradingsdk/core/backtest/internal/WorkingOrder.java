package dev.tradingsdk.core.backtest.internal;

import dev.tradingsdk.core.order.Order;

/** An order resting at the simulated venue, with when it reaches the venue and its bracket links. */
public final class WorkingOrder {

    public final Order order;
    /** Submission time plus latency: the earliest data this order may trade against. */
    public final long arrivalNanos;
    public final long expireNanos;
    /** True until the order has been matched against its first eligible event (taker vs maker). */
    public boolean firstLook = true;
    /** Close time of the last bar this order was matched against, so one bar matches it once. */
    public long lastBarNanos = Long.MIN_VALUE;
    /** A stop (or stop-limit) whose trigger price was reached. */
    public boolean triggered;
    /** For a bracket entry: its exits, submitted once it fills; for an exit: its OCO sibling. */
    public Order takeProfit;
    public Order stopLoss;
    public Order ocoSibling;

    public WorkingOrder(Order order, long arrivalNanos, long expireNanos) {
        this.order = order;
        this.arrivalNanos = arrivalNanos;
        this.expireNanos = expireNanos;
    }
}
