/**
 * Streaming technical indicators: each update is O(1) and allocates nothing, so the same object serves a
 * replay over years of bars and a live feed. Warm-up is explicit: {@link dev.tradingsdk.core.indicators.Indicator#isReady()}
 * says whether a value is defined, and reading one before that throws {@link IllegalStateException} naming how
 * many inputs are still missing; nothing ever reports a silent 0. Values are {@code double}: indicators are
 * statistics, never money. Not thread-safe; one instance per series.
 */
package dev.tradingsdk.core.indicators;
