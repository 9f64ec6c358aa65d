package dev.tradingsdk.core.backtest;

/** Receives progress reports of a long run, on the run's thread; keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(Progress progress);
}
