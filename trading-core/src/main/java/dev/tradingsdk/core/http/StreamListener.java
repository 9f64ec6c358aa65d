package dev.tradingsdk.core.http;

import java.time.Duration;

/**
 * Callbacks of a {@link ReconnectingWebSocket}, delivered one at a time on the socket's own event thread in the
 * order the events happened; a slow callback delays later ones but never the connection. An exception thrown by a
 * callback is logged and does not affect the connection.
 */
public interface StreamListener {

    /** A text frame arrived. */
    void onMessage(String text);

    /** A connection opened and the subscription messages were sent on it. */
    default void onOpen() {
    }

    default void onStateChange(ConnectionState from, ConnectionState to) {
    }

    /** The connection was lost ({@code cause} may be null for a close by the server); attempt {@code attempt} follows. */
    default void onReconnect(int attempt, Duration delay, Throwable cause) {
    }
}
