package dev.tradingsdk.core.strategy.internal;

import dev.tradingsdk.core.time.Clock;
import java.time.Instant;

/**
 * The read-only face of the engine's time handed to strategies: a distinct class implementing only
 * {@link Clock}, so a strategy cannot cast it to the settable clock behind it.
 */
final class EngineClock implements Clock {

    private final Clock time;

    EngineClock(Clock time) {
        this.time = time;
    }

    @Override
    public Instant now() {
        return time.now();
    }

    @Override
    public long epochNanos() {
        return time.epochNanos();
    }

    @Override
    public String toString() {
        return "EngineClock[" + now() + "]";
    }
}
