package dev.tradingsdk.kalshi;

import java.util.Locale;

/** The two outcomes of a binary market; a YES contract pays $1 if the market resolves yes, a NO contract if no. */
public enum Outcome {
    YES, NO;

    /** Reads a market result or side, {@code "yes"} / {@code "no"} in any case. */
    public static Outcome parse(String text) {
        Outcome outcome = parseOrNull(text);
        if (outcome == null) {
            throw new IllegalArgumentException("not a yes/no outcome: " + (text == null ? null : "\"" + text + "\""));
        }
        return outcome;
    }

    /** Reads {@code "yes"} / {@code "no"} in any case; null for anything else. */
    static Outcome parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes" -> YES;
            case "no" -> NO;
            default -> null;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
