package dev.tradingsdk.core.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Time that only moves when someone sleeps: waits are recorded, not spent. */
final class SimulatedTimeSource implements TimeSource {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final long epochMillisAtStart;
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();

    SimulatedTimeSource(long epochMillisAtStart) {
        this.epochMillisAtStart = epochMillisAtStart;
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public long currentTimeMillis() {
        return epochMillisAtStart + (nanos.get() - 1_000_000_000L) / 1_000_000L;
    }

    @Override
    public void sleepNanos(long duration) {
        if (duration > 0) {
            sleeps.add(duration);
            nanos.addAndGet(duration);
        }
    }

    void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    /** Every wait so far, in nanoseconds. */
    List<Long> sleeps() {
        return List.copyOf(sleeps);
    }

    long elapsedMillis() {
        return (nanos.get() - 1_000_000_000L) / 1_000_000L;
    }
}
