package dev.tradingsdk.kalshi;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /exchange/status}: whether the exchange takes any state change and whether trading is open; during
 * maintenance Kalshi may say when it expects to resume.
 */
public record ExchangeStatus(boolean exchangeActive, boolean tradingActive, Optional<Instant> estimatedResumeTime) {
}
