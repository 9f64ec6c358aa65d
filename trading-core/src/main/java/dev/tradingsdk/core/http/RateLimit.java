package dev.tradingsdk.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * A token-bucket limit: {@code permits} per {@code period} on average, with up to {@code burst} permits usable at
 * once after a quiet spell. Callers over the limit wait; they never fail.
 *
 * <p>With {@code burst == 1} requests are evenly spaced, so no window of length {@code period} ever holds more
 * than {@code permits} of them: the safe choice for a venue that publishes a sliding-window limit. A larger burst
 * lets up to {@code burst + permits - 1} through in the first window after a quiet spell.
 */
public record RateLimit(long permits, Duration period, long burst) {

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1: " + permits);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be >= 1: " + burst);
        }
        if (period.toNanos() / permits < 1) {
            throw new IllegalArgumentException("rate too high: " + permits + " per " + period);
        }
    }

    /** {@code permits} per {@code period}, evenly spaced (burst 1). */
    public static RateLimit of(long permits, Duration period) {
        return new RateLimit(permits, period, 1);
    }

    public RateLimit withBurst(long newBurst) {
        return new RateLimit(permits, period, newBurst);
    }

    /** Nanoseconds between permits at the steady rate. */
    public long intervalNanos() {
        return period.toNanos() / permits;
    }
}
