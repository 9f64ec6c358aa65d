package dev.tradingsdk.core.strategy;

/** The lifecycle of a {@link TradingEngine}. */
public enum EngineState {
    /** Built, not yet running. */
    CREATED,
    /** The loop is running: strategies started and events are being handled. */
    RUNNING,
    /** The loop ended: the replay's data ran out or {@link TradingEngine#stop()} was called. */
    STOPPED,
    /** The loop itself failed (a journal write failed, say): nothing more is handled; see the status's reason. */
    FAILED
}
