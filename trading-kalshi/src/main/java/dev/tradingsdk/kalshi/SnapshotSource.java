package dev.tradingsdk.kalshi;

/** Where a recorded book snapshot came from. */
public enum SnapshotSource {
    /** A REST {@code GET /markets/{ticker}/orderbook} poll. */
    POLL,
    /** The WebSocket book kept by {@link KalshiStream}. */
    WEBSOCKET
}
