package dev.tradingsdk.core.strategy;

/** Where a {@link TradingEngine}'s inputs come from and where its orders go. */
public enum EngineMode {
    /**
     * Recorded data ({@link dev.tradingsdk.core.backtest.MarketReplay} feeds), a
     * {@link dev.tradingsdk.core.time.SimulatedClock} the engine moves to each event's time, simulated execution;
     * as fast as possible, and deterministic for the same inputs and seed.
     */
    REPLAY,
    /** Live feeds and real time, with simulated execution filling against the live prices. */
    PAPER,
    /** Live feeds, real time and a venue's gateway: real orders. */
    LIVE
}
