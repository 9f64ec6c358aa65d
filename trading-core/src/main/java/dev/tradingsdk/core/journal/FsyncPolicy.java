package dev.tradingsdk.core.journal;

import java.time.Duration;
import java.util.Objects;

/**
 * When appended records are forced to disk. An append is durable ("acknowledged") once it is forced: at return
 * for {@link #everyRecord()}, at the end of its batch or on {@link Journal#sync()} for {@link #batched}, and
 * only on {@code sync()}, roll-over or close for {@link #os()}.
 */
public final class FsyncPolicy {

    /** How the policy decides. */
    public enum Mode { EVERY_RECORD, BATCHED, OS }

    private final Mode mode;
    private final int maxRecords;
    private final Duration maxDelay;

    private FsyncPolicy(Mode mode, int maxRecords, Duration maxDelay) {
        this.mode = mode;
        this.maxRecords = maxRecords;
        this.maxDelay = maxDelay;
    }

    /** Force after every append: slowest, nothing returned from {@code append} is ever lost. */
    public static FsyncPolicy everyRecord() {
        return new FsyncPolicy(Mode.EVERY_RECORD, 1, Duration.ZERO);
    }

    /**
     * Force once {@code maxRecords} appends are pending, or when the oldest pending append is {@code maxDelay}
     * old (checked on append and by a background timer): a crash loses at most that window.
     */
    public static FsyncPolicy batched(int maxRecords, Duration maxDelay) {
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be >= 1: " + maxRecords);
        }
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("maxDelay must be positive: " + maxDelay);
        }
        return new FsyncPolicy(Mode.BATCHED, maxRecords, maxDelay);
    }

    /** Leave flushing to the operating system: survives a process crash, not a power loss. */
    public static FsyncPolicy os() {
        return new FsyncPolicy(Mode.OS, Integer.MAX_VALUE, Duration.ZERO);
    }

    public Mode mode() {
        return mode;
    }

    public int maxRecords() {
        return maxRecords;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    @Override
    public String toString() {
        return switch (mode) {
            case EVERY_RECORD -> "FsyncPolicy.everyRecord()";
            case BATCHED -> "FsyncPolicy.batched(" + maxRecords + ", " + maxDelay + ")";
            case OS -> "FsyncPolicy.os()";
        };
    }
}
