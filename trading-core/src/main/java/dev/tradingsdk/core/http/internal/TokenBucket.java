package dev.tradingsdk.core.http.internal;

import dev.tradingsdk.core.http.RateLimit;
import dev.tradingsdk.core.http.TimeSource;

/**
 * Token bucket kept as a "theoretical arrival time" (GCRA): one long instead of a token count and a refill
 * timestamp, so no floating point drift. Each caller reserves its slot under the lock and waits outside it,
 * so concurrent callers queue in arrival order without holding the lock while sleeping.
 */
public final class TokenBucket {

    private final String name;
    private final RateLimit limit;
    private final long intervalNanos;
    private final long burstNanos;
    private final TimeSource time;
    private long theoreticalArrival;
    private boolean started;

    public TokenBucket(String name, RateLimit limit, TimeSource time) {
        this.name = name;
        this.limit = limit;
        this.intervalNanos = limit.intervalNanos();
        this.burstNanos = Math.multiplyExact(intervalNanos, limit.burst());
        this.time = time;
    }

    /** Takes {@code permits} permits, waiting as long as needed. */
    public void acquire(int permits) throws InterruptedException {
        long wait = reserve(permits);
        if (wait > 0) {
            time.sleepNanos(wait);
        }
    }

    /** Reserves {@code permits} and returns how many nanoseconds the caller must wait before using them. */
    public synchronized long reserve(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1: " + permits);
        }
        long now = time.nanoTime();
        if (!started || now - theoreticalArrival > 0) {
            theoreticalArrival = now;
            started = true;
        }
        theoreticalArrival += Math.multiplyExact(intervalNanos, permits);
        long allowedAt = theoreticalArrival - burstNanos;
        return Math.max(0, allowedAt - now);
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "TokenBucket[" + name + ": " + limit.permits() + " per " + limit.period() + ", burst " + limit.burst()
            + "]";
    }
}
