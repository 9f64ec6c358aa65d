package dev.tradingsdk.core.http;

/** Life cycle of a {@link ReconnectingWebSocket}. */
public enum ConnectionState {
    /** Built, {@code connect()} not yet called. */
    IDLE,
    /** A handshake is in progress. */
    CONNECTING,
    /** Connected; subscriptions have been sent. */
    OPEN,
    /** The connection was lost; waiting out the backoff before the next attempt. */
    RECONNECTING,
    /** Closed by the caller; terminal. */
    CLOSED
}
