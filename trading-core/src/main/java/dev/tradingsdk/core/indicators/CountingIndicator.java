package dev.tradingsdk.core.indicators;

/** Keeps the input count and the warm-up length every indicator reports. */
abstract class CountingIndicator implements Indicator {

    private final int warmUp;
    long updates;

    CountingIndicator(int warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public final long updates() {
        return updates;
    }

    @Override
    public final int warmUp() {
        return warmUp;
    }
}
