package dev.tradingsdk.core.strategy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One strategy in an {@link EngineStatus}: its state, when {@link StrategyState#FAILED} what it threw and when, and
 * the detail a {@link StatusDetailSource} strategy publishes about itself.
 */
public record StrategyStatus(String strategyId, String accountId, StrategyState state, Optional<String> failure,
                             Optional<Instant> failedAt, Optional<StrategyDetail> detail) {

    public StrategyStatus {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(detail, "detail");
    }
}
