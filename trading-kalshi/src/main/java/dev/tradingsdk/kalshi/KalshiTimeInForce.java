package dev.tradingsdk.kalshi;

import java.util.Locale;

/** The V2 {@code time_in_force} values. V2 has no market order: send IOC or FOK at the worst acceptable price. */
public enum KalshiTimeInForce {
    GOOD_TILL_CANCELED, IMMEDIATE_OR_CANCEL, FILL_OR_KILL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
