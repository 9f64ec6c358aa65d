package dev.tradingsdk.core.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a run has got. {@code totalEvents} is -1 when the sources' size is unknown (plain iterators), and
 * then there is no ETA. Rates and ETA are wall-clock measurements; they never influence the results.
 */
public record Progress(long eventsProcessed, long totalEvents, double eventsPerSecond, Instant simulatedTime,
                       boolean finished) {

    /** The estimated wall-clock time left, when the total is known and a rate has been measured. */
    public Optional<Duration> eta() {
        if (totalEvents < 0 || eventsPerSecond <= 0) {
            return Optional.empty();
        }
        double seconds = (totalEvents - eventsProcessed) / eventsPerSecond;
        return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
    }

    /** Done fraction in [0, 1], or empty when the total is unknown. */
    public Optional<Double> fraction() {
        return totalEvents <= 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) eventsProcessed
                / totalEvents));
    }

    /**
     * A one-line text bar, e.g. {@code [#########...........]  45.0% 1,234,567 events 5.1M ev/s ETA 3s}, for
     * consoles (print it after a carriage return to redraw in place).
     */
    public String toBar(int width) {
        StringBuilder sb = new StringBuilder(width + 64).append('[');
        int done = (int) Math.round(fraction().orElse(0.0) * width);
        sb.append("#".repeat(done)).append(".".repeat(Math.max(0, width - done))).append(']');
        fraction().ifPresent(f -> sb.append(String.format(java.util.Locale.ROOT, " %5.1f%%", f * 100)));
        sb.append(String.format(java.util.Locale.ROOT, " %,d events %.2fM ev/s", eventsProcessed,
                eventsPerSecond / 1e6));
        eta().ifPresent(d -> sb.append(" ETA ").append(d.toSeconds()).append('s'));
        return sb.toString();
    }
}
