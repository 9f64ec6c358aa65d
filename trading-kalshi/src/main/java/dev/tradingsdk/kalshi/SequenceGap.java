package dev.tradingsdk.kalshi;

import java.util.List;

/**
 * Messages of one orderbook subscription went missing: sequence {@code expected} was due and {@code received}
 * arrived. The books of {@code tickers} were dropped and fresh snapshots requested.
 */
public record SequenceGap(long sid, List<String> tickers, long expected, long received) {

    public SequenceGap {
        tickers = List.copyOf(tickers);
    }
}
