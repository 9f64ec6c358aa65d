package dev.tradingsdk.core.indicators.internal;

/** The exception for reading an indicator before it has a value; built only on that (cold) path. */
public final class Warmup {

    private Warmup() {
    }

    public static IllegalStateException notReady(String name, long updates, int warmUp) {
        return new IllegalStateException(name + " has no value yet: " + updates + " of " + warmUp
                + " inputs seen" + (updates >= warmUp ? " (the window has no spread or no volume)" : ""));
    }

    public static int checkPeriod(String field, int period, int minimum) {
        if (period < minimum) {
            throw new IllegalArgumentException(field + " must be at least " + minimum + ", was " + period);
        }
        return period;
    }

    public static double checkFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, was " + value);
        }
        return value;
    }
}
