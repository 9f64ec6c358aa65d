package dev.tradingsdk.core.http;

/**
 * Where the HTTP layer reads time and waits. Retry backoff and rate-limit waits go through this, so tests can
 * substitute a simulated source whose {@link #sleepNanos(long)} just advances the time.
 */
public interface TimeSource {

    /** Monotonic nanoseconds, only meaningful as differences (like {@link System#nanoTime()}). */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch; used to turn an HTTP-date {@code Retry-After} into a delay. */
    long currentTimeMillis();

    /** Blocks for the given number of nanoseconds (no-op for zero or less). */
    void sleepNanos(long nanos) throws InterruptedException;

    /** The real clock of this JVM. */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}
