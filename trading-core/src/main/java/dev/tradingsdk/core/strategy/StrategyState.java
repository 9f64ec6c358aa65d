package dev.tradingsdk.core.strategy;

/** The lifecycle of one strategy inside an engine. */
public enum StrategyState {
    /** Registered; {@link Strategy#onStart} not called yet. */
    CREATED,
    /** Started and receiving callbacks. */
    RUNNING,
    /** {@link Strategy#onStop} was called. */
    STOPPED,
    /** A callback threw: no more callbacks, new orders denied; the reason is in its {@link StrategyStatus}. */
    FAILED
}
