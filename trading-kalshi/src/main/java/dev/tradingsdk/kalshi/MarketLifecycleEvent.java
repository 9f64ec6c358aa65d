package dev.tradingsdk.kalshi;

import java.time.Instant;
import java.util.Optional;

/**
 * A {@code market_lifecycle_v2} message: a market was created, activated, deactivated, had its close time moved,
 * was determined or settled.
 *
 * @param eventType as sent, e.g. {@code determined}, {@code settled}
 * @param result    the outcome, for determination events
 */
public record MarketLifecycleEvent(String ticker, String eventType, Optional<String> result,
                                   Optional<Instant> closeTime, Optional<Instant> time) {
}
