package dev.tradingsdk.core.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
        return ChronoUnit.NANOS.between(Instant.EPOCH, now);
    }

    @Override
    public String toString() {
        return "SystemClock";
    }
}
