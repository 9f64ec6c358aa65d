package dev.tradingsdk.core.strategy;

import java.time.Duration;
import java.time.Instant;

/**
 * A strategy's timers. They fire from the engine's clock: in {@link EngineMode#REPLAY} from simulated time (a
 * timer due at or before a replayed event fires before that event), live from real time. A firing is an input
 * like a market event: queued in time order, journaled, delivered through {@link Strategy#onTimer}.
 */
public interface Timers {

    /**
     * Fires once at {@code at} (immediately after the current callback when {@code at} is not in the future).
     *
     * @param name what the timer is for, handed back in {@link TimerEvent}; not blank
     */
    TimerId scheduleOnce(String name, Instant at);

    /**
     * Fires every {@code period}, the first time one period from now; firings do not drift (the n-th is due at
     * start + n × period), and firings missed while the loop was busy are delivered once, not caught up.
     *
     * @param period positive
     */
    TimerId scheduleEvery(String name, Duration period);

    /** Cancels a pending timer; false when it already fired (one-shot), was canceled, or is not this strategy's. */
    boolean cancel(TimerId timer);
}
