package dev.tradingsdk.core.time;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The time source every component reads, so the same code runs live ({@link #system()}) and in backtests and
 * tests ({@link SimulatedClock}), where time only moves when the data or the test moves it.
 */
public interface Clock {

    /** The current instant. */
    Instant now();

    /** The current time as nanoseconds since the epoch. */
    long epochNanos();

    /** Wall-clock time from the operating system. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }

    /** A {@link java.time.Clock} view of this clock in {@code zone}, for java.time APIs. */
    default java.time.Clock asJavaClock(ZoneId zone) {
        Clock self = this;
        return new java.time.Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public java.time.Clock withZone(ZoneId other) {
                return self.asJavaClock(other);
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }
}
