package dev.tradingsdk.kalshi;

/** WebSocket channels {@link KalshiStream} understands. */
public enum KalshiChannel {
    /** Book snapshot then deltas, sequenced per subscription; markets must be named. */
    ORDERBOOK_DELTA("orderbook_delta"),
    TICKER("ticker"),
    TRADE("trade"),
    /** Our fills (private). */
    FILL("fill"),
    MARKET_LIFECYCLE("market_lifecycle_v2");

    private final String wireName;

    KalshiChannel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
