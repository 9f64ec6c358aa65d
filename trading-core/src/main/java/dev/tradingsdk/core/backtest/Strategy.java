package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.market.MarketEvent;

/**
 * Trading logic driven by market events. It trades only through {@link StrategyContext#gateway()}, the same
 * {@link dev.tradingsdk.core.gateway.OrderGateway} interface a live venue implements, so the code runs
 * unchanged live. It is called on one thread, in event order; {@link StrategyContext#clock()} reads the
 * event's time.
 */
@FunctionalInterface
public interface Strategy {

    /** Called once before the first event; register order listeners here. */
    default void onStart(StrategyContext context) {
    }

    /** A market event, at or before the clock's current time (never later). */
    void onEvent(MarketEvent event, StrategyContext context);

    /** Called once after the last event. */
    default void onFinish(StrategyContext context) {
    }
}
