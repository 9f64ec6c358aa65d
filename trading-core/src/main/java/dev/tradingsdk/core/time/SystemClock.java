package dev.tradingsdk.core.time;

import java.time.Instant;

/** The operating system's clock. */
final class SystemClock implements Clock {

    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long epochNanos() {
        Instant now = Instant.now();
        return EpochNanos.of(now);
    }

    @Override
    public String toString() {
        return "SystemClock";
    }
}
