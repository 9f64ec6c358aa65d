package dev.tradingsdk.kalshi;

import java.util.Locale;

/**
 * The side of Kalshi's single YES book that a V2 order rests on: {@code BID} buys YES, {@code ASK} sells YES,
 * which on Kalshi's netted positions is the same as buying NO at one minus the price.
 */
public enum BookSide {
    BID, ASK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BookSide parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "bid" -> BID;
            case "ask" -> ASK;
            default -> null;
        };
    }
}
