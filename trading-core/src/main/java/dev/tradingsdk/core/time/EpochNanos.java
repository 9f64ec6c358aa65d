package dev.tradingsdk.core.time;

import java.time.Instant;
import java.util.Objects;

/**
 * The one conversion between {@link Instant} and nanoseconds since the epoch, the {@code long} timestamps the hot
 * paths (books, risk checks, the engine's queue) carry. A {@code long} of nanoseconds spans 1677-09-21 to
 * 2262-04-11; an instant outside that range throws {@link ArithmeticException} instead of wrapping. Negative
 * values (before 1970) round toward negative infinity, so {@code toInstant(of(t)) == t} for every {@code t} in
 * range.
 */
public final class EpochNanos {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNanos() {
    }

    /** {@code instant} as nanoseconds since the epoch; throws {@link ArithmeticException} out of range. */
    public static long of(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        long seconds = instant.getEpochSecond();
        int nano = instant.getNano();
        if (seconds < 0 && nano > 0) { // borrow a second so the product stays in range down to Long.MIN_VALUE
            return Math.addExact(Math.multiplyExact(seconds + 1, NANOS_PER_SECOND), nano - NANOS_PER_SECOND);
        }
        return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nano);
    }

    /** The instant {@code epochNanos} nanoseconds after the epoch (before it when negative). */
    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND));
    }
}
