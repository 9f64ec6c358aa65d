package dev.tradingsdk.core.strategy;

import java.time.Instant;
import java.util.Objects;

/**
 * A timer firing: which timer, when it was due, and the engine's time when it fired (equal in replay; later by
 * the loop's latency live).
 */
public record TimerEvent(TimerId timer, Instant dueAt, Instant firedAt) {

    public TimerEvent {
        Objects.requireNonNull(timer, "timer");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(firedAt, "firedAt");
    }

    /** The name the strategy gave the timer. */
    public String name() {
        return timer.name();
    }
}
