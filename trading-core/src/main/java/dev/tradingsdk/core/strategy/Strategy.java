package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;

/**
 * Trading logic run by a {@link TradingEngine}: the same object runs unchanged in {@link EngineMode#REPLAY},
 * {@link EngineMode#PAPER} and {@link EngineMode#LIVE}.
 *
 * <p>Every callback runs on the engine's loop thread, one at a time, in time order: a strategy is never called
 * concurrently, and never re-entered from inside one of its own calls (an order submitted in {@link #onEvent}
 * reports its updates in later {@link #onOrderUpdate} calls). Each callback receives the strategy's own
 * {@link StrategyContext}, the only door to the account, the clock, orders, market data and timers.
 *
 * <p>A callback that throws stops this strategy (state {@link StrategyState#FAILED}, reason in
 * {@link TradingEngine#status()} and the journal); the engine and the other strategies keep running. The
 * strategy's open orders stay open: an operator decides with {@link OperatorControls#flatten}.
 */
@FunctionalInterface
public interface Strategy {

    /**
     * Called once, before any other callback, at the engine's start time. Subscribe to market data and schedule
     * timers here; orders may be submitted too.
     */
    default void onStart(StrategyContext context) {
    }

    /**
     * A market event of an instrument this strategy subscribed to. Its timestamp is at or before
     * {@code context.clock().now()}, never later.
     */
    void onEvent(MarketEvent event, StrategyContext context);

    /** A timer scheduled through {@link StrategyContext#timers()} is due. */
    default void onTimer(TimerEvent timer, StrategyContext context) {
    }

    /**
     * One of this strategy's orders changed status: submitted, accepted, partially filled, filled, canceled,
     * expired, or rejected (by the venue, or by the engine's risk check: then
     * {@link OrderEntry#violations} lists every violated rule). {@code order} is a snapshot.
     */
    default void onOrderUpdate(Order order, StrategyContext context) {
    }

    /** An execution of one of this strategy's orders; called before the {@link #onOrderUpdate} reflecting it. */
    default void onFill(Fill fill, Order order, StrategyContext context) {
    }

    /**
     * The feed lost continuity for {@code instrument} (a sequence gap, a reconnect): what was built from its
     * earlier events is stale, and the engine denies new orders on it (code
     * {@link TradingEngine#STALE_MARKET_DATA}) until a fresh snapshot arrives, delivered as an ordinary
     * {@link #onEvent}.
     */
    default void onOutOfSync(Instrument instrument, String reason, StrategyContext context) {
    }

    /** Called once when the engine stops (the replay ended, or {@link TradingEngine#stop()}); not after a failure. */
    default void onStop(StrategyContext context) {
    }
}
