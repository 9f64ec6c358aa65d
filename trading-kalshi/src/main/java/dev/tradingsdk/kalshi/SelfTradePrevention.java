package dev.tradingsdk.kalshi;

import java.util.Locale;

/** What happens when an order would trade against one of our own: cancel the taker, or cancel the resting maker. */
public enum SelfTradePrevention {
    TAKER_AT_CROSS, MAKER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
