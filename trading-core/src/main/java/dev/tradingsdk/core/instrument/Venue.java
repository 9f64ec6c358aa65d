package dev.tradingsdk.core.instrument;

import java.util.regex.Pattern;

/** Where an instrument trades, e.g. {@code POLYMARKET}, {@code KALSHI}, {@code ALPACA}, {@code SIM}. */
public record Venue(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Z0-9_]{1,32}");

    public static final Venue SIM = new Venue("SIM");

    public Venue {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("venue name must be 1-32 upper-case letters, digits or '_', was \""
                    + name + "\"");
        }
    }

    public static Venue of(String name) {
        return new Venue(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
