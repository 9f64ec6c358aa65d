package dev.tradingsdk.brokers;

import java.time.Duration;

/** Bar lengths the adapters map to their venue's own names ({@code 1Min}, {@code 1h}, ...). */
public enum BarInterval {
    MINUTE_1(Duration.ofMinutes(1)),
    MINUTE_5(Duration.ofMinutes(5)),
    MINUTE_15(Duration.ofMinutes(15)),
    HOUR_1(Duration.ofHours(1)),
    DAY_1(Duration.ofDays(1));

    private final Duration length;

    BarInterval(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }
}
