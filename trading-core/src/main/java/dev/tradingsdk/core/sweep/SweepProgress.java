package dev.tradingsdk.core.sweep;

import java.time.Duration;
import java.util.Optional;

/** Told as chunks of a sweep complete, from the executor's threads; keep it quick. */
@FunctionalInterface
public interface SweepProgress {

    SweepProgress NONE = (done, total, elapsed, remaining) -> { };

    /**
     * @param done configurations finished so far, including those restored from an earlier run
     * @param total configurations in the sweep
     * @param elapsed time since this execution started
     * @param remaining an estimate from this execution's pace, absent until a chunk has been computed
     */
    void onProgress(int done, int total, Duration elapsed, Optional<Duration> remaining);
}
