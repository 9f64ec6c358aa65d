package dev.tradingsdk.core.instrument;

/** What an instrument is, which drives margin, leverage limits and calendars. */
public enum AssetClass {
    CRYPTO, EQUITY, FX, COMMODITY, INDEX, OPTION, FUTURE, BINARY_OUTCOME
}
