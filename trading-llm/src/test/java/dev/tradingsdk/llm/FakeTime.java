package dev.tradingsdk.llm;

import dev.tradingsdk.core.http.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A time source whose sleeps only advance it, recording each wait. */
public final class FakeTime implements TimeSource {

    private long nanos;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return 1_764_547_200_000L + nanos / 1_000_000L;
    }

    @Override
    public synchronized void sleepNanos(long n) {
        sleeps.add(Duration.ofNanos(n));
        nanos += Math.max(0, n);
    }

    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
