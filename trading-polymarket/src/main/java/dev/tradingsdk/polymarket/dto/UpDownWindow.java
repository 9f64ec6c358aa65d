package dev.tradingsdk.polymarket.dto;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A 15-minute crypto up/down window: slug {@code <asset>-updown-15m-<start>} where start is UTC seconds, a multiple
 * of 900.
 */
public record UpDownWindow(String asset, long startEpochSecond) {
    public static final long WINDOW_SECONDS = 900;

    public UpDownWindow {
        Objects.requireNonNull(asset, "asset");
        if (!asset.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("asset must be a lowercase ticker such as btc or eth, got " + asset);
        }
        if (startEpochSecond % WINDOW_SECONDS != 0) {
            throw new IllegalArgumentException("window start must be a multiple of 900 s, got " + startEpochSecond);
        }
    }

    /** The window containing {@code now}. */
    public static UpDownWindow current(String asset, Instant now) {
        return new UpDownWindow(asset.toLowerCase(Locale.ROOT), Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS)
                * WINDOW_SECONDS);
    }

    public UpDownWindow next() {
        return new UpDownWindow(asset, Math.addExact(startEpochSecond, WINDOW_SECONDS));
    }

    public String slug() {
        return asset + "-updown-15m-" + startEpochSecond;
    }

    public Instant start() {
        return Instant.ofEpochSecond(startEpochSecond);
    }

    public Instant end() {
        return Instant.ofEpochSecond(startEpochSecond + WINDOW_SECONDS);
    }
}
