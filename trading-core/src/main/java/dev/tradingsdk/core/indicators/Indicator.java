package dev.tradingsdk.core.indicators;

/** What every streaming indicator tells about its warm-up. */
public interface Indicator {

    /** Whether the value is defined (enough inputs seen). */
    boolean isReady();

    /** Inputs taken so far. */
    long updates();

    /** Inputs needed before the first value is defined. */
    int warmUp();

    /** Forgets every input, as if new. */
    void reset();
}
