package dev.tradingsdk.polymarket.arb;

/**
 * How much trouble the bot is in, from its risk loop. LOW: balanced and well within limits. MEDIUM: an open
 * delta, or a quarter of the stop-loss used. HIGH: delta at its bound, books stale, half the stop-loss used, or
 * delta still open inside the settlement buffer; no new exposure. CRITICAL: the stop-loss is hit; the bot
 * liquidates and stops opening.
 */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL
}
