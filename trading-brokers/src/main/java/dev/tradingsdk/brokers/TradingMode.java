package dev.tradingsdk.brokers;

/**
 * Whether a broker trades simulated money or real money. Paper is the default everywhere; a live broker has its
 * own base URL and keys and is only built when the caller also sets the explicit live flag.
 */
public enum TradingMode {
    PAPER, LIVE
}
