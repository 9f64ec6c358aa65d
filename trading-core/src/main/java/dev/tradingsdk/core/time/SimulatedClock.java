package dev.tradingsdk.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A clock that moves only when told to. Time never goes backwards: {@link #setTime} to an earlier instant
 * throws. Thread-safe for one writer and many readers.
 */
public final class SimulatedClock implements Clock {

    private volatile long epochNanos;

    public SimulatedClock(Instant start) {
        this.epochNanos = toNanos(Objects.requireNonNull(start, "start"));
    }

    /** A clock starting at the epoch. */
    public SimulatedClock() {
        this(Instant.EPOCH);
    }

    private static long toNanos(Instant instant) {
        return EpochNanos.of(instant);
    }

    @Override
    public Instant now() {
        long n = epochNanos;
        return EpochNanos.toInstant(n);
    }

    @Override
    public long epochNanos() {
        return epochNanos;
    }

    /** Moves to {@code instant}; throws if that is before the current time. */
    public void setTime(Instant instant) {
        setEpochNanos(toNanos(instant));
    }

    /** Moves to {@code nanos} since the epoch; throws if that is before the current time. */
    public void setEpochNanos(long nanos) {
        if (nanos < epochNanos) {
            throw new IllegalArgumentException("simulated time cannot go backwards: " + nanos + " < " + epochNanos);
        }
        epochNanos = nanos;
    }

    /** Moves forward by {@code duration}; negative durations throw. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
        setEpochNanos(Math.addExact(epochNanos, duration.toNanos()));
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + now() + "]";
    }
}
