package dev.tradingsdk.core.strategy;

/**
 * A strategy that publishes its own state in the engine's {@link OperatorControls#status()}: the engine calls
 * {@link #statusDetail()} on its loop thread each time a status is taken and puts the answer in
 * {@link StrategyStatus#detail()}. Keep it cheap and return an immutable value; a strategy that throws here is
 * logged and shown without a detail, never stopped (taking a status is not an input the journal re-runs).
 */
public interface StatusDetailSource {

    StrategyDetail statusDetail();
}
