package dev.tradingsdk.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff: the n-th wait is {@code min(max, initial * multiplier^(n-1))}, of which a random
 * fraction (up to {@code jitter}) is taken off so that many clients failing together do not retry in lockstep.
 *
 * @param initial wait before the first retry, before jitter
 * @param max     cap on any single wait, before jitter
 * @param multiplier growth factor per attempt, at least 1
 * @param jitter  fraction in [0, 1] of each wait that is randomised (0 = deterministic, 1 = "full jitter")
 */
public record BackoffPolicy(Duration initial, Duration max, double multiplier, double jitter) {

    public BackoffPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative()) {
            throw new IllegalArgumentException("initial must not be negative: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max must be >= initial: max=" + max + ", initial=" + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
        }
    }

    /** 200 ms doubling up to 10 s, with half of each wait randomised. */
    public static BackoffPolicy defaults() {
        return new BackoffPolicy(Duration.ofMillis(200), Duration.ofSeconds(10), 2.0, 0.5);
    }

    /** Doubling from {@code initial} up to {@code max} with half of each wait randomised. */
    public static BackoffPolicy exponential(Duration initial, Duration max) {
        return new BackoffPolicy(initial, max, 2.0, 0.5);
    }

    /**
     * The wait before retry number {@code retry} (1 = first retry).
     *
     * @param random source of jitter; pass a seeded generator for reproducible waits
     */
    public Duration delay(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be >= 1: " + retry);
        }
        double base = initial.toNanos() * Math.pow(multiplier, retry - 1);
        double capped = Math.min(base, (double) max.toNanos());
        double factor = 1.0 - jitter * random.nextDouble();
        return Duration.ofNanos((long) (capped * factor));
    }
}
