package dev.tradingsdk.core.http;

/** {@link TimeSource#system()}: this JVM's clocks and {@link Thread#sleep}. */
enum SystemTimeSource implements TimeSource {
    INSTANCE;

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        }
    }

    @Override
    public String toString() {
        return "TimeSource.system()";
    }
}
