package dev.tradingsdk.core.strategy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One strategy in an {@link EngineStatus}: its state and, when {@link StrategyState#FAILED}, what it threw and
 * when.
 */
public record StrategyStatus(String strategyId, String accountId, StrategyState state, Optional<String> failure,
                             Optional<Instant> failedAt) {

    public StrategyStatus {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(failedAt, "failedAt");
    }
}
