package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.time.Clock;

/**
 * What a strategy may use, as narrow interfaces: none of them can be cast to the venue, the portfolio, the
 * account or a settable clock behind it. Valid for the strategy's lifetime; use it on the engine's loop thread
 * only (inside a callback).
 */
public interface StrategyContext {

    /** The id the strategy was registered with; it prefixes nothing and is unique within an engine. */
    String strategyId();

    /**
     * The engine's time: simulated (the replayed event's time) in {@link EngineMode#REPLAY}, the system clock
     * otherwise. It cannot be set through this reference.
     */
    Clock clock();

    /** The strategy's account, read-only: every position returned is a copy. */
    AccountView account();

    /** Submits, cancels and looks up this strategy's orders; every submission passes the risk governor first. */
    OrderEntry orders();

    /** Which instruments' market events this strategy receives. */
    MarketData marketData();

    /** One-shot and periodic timers, firing from the engine's clock. */
    Timers timers();
}
