package dev.tradingsdk.core.http;

import dev.tradingsdk.core.internal.SingleAssignment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A text WebSocket that stays connected: on any drop it reconnects with jittered backoff and re-sends its
 * subscription messages, in the order they were added, before anything else. OkHttp's ping keeps the connection
 * alive and detects a dead peer. {@link #close()} ends it cleanly (close code 1000) and stops reconnecting.
 */
public final class ReconnectingWebSocket implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingWebSocket.class);
    private static final int NORMAL_CLOSURE = 1000;

    private final String name;
    private final Request request;
    private final OkHttpClient http;
    private final StreamListener listener;
    private final BackoffPolicy backoff;
    private final long healthyAfterNanos;
    private final RandomGenerator random;
    private final List<String> subscriptions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    /** Delivers listener callbacks one at a time, in the order the events happened. */
    private final ExecutorService events;

    private final Object lock = new Object();
    private ConnectionState state = ConnectionState.IDLE;
    private WebSocket socket;
    private long generation;
    private int failedAttempts;
    private ScheduledFuture<?> pendingReconnect;

    private ReconnectingWebSocket(Builder b) {
        this.name = b.name;
        Request.Builder req = new Request.Builder().url(b.url);
        b.headers.forEach(req::header);
        this.request = req.build();
        OkHttpClient base = b.okHttp == null ? new OkHttpClient() : b.okHttp;
        // A quiet market stream is not a failure: liveness is judged by pings, not by the read timeout.
        // A redirected upgrade is not followed: it would carry the authentication headers to another host.
        this.http = base.newBuilder()
            .followRedirects(false)
            .followSslRedirects(false)
            .pingInterval(b.pingInterval.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(0, TimeUnit.MILLISECONDS)
            .build();
        this.listener = b.listener;
        this.backoff = b.backoff;
        this.healthyAfterNanos = b.healthyAfter.toNanos();
        this.random = b.random;
        this.subscriptions.addAll(b.subscriptions);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ws-reconnect-" + name);
            thread.setDaemon(true);
            return thread;
        });
        this.events = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "ws-events-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a socket to {@code url} ({@code ws://}, {@code wss://}, {@code http://} or {@code https://}). */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** Opens the first connection (asynchronously); state changes and messages arrive at the listener. */
    public void connect() {
        synchronized (lock) {
            if (state != ConnectionState.IDLE) {
                throw new IllegalStateException(name + ": connect() called in state " + state);
            }
        }
        openConnection();
    }

    /** Sends a text frame now; false if not connected (the message is not queued). */
    public boolean send(String text) {
        Objects.requireNonNull(text, "text");
        WebSocket current;
        synchronized (lock) {
            current = state == ConnectionState.OPEN ? socket : null;
        }
        return current != null && current.send(text);
    }

    /** Remembers {@code message} to send after every (re)connect, and sends it now if connected. */
    public void subscribe(String message) {
        Objects.requireNonNull(message, "message");
        subscriptions.add(message);
        send(message);
    }

    /** Stops re-sending a subscription message after reconnects; returns whether it was known. */
    public boolean removeSubscription(String message) {
        return subscriptions.remove(message);
    }

    public List<String> subscriptions() {
        return List.copyOf(subscriptions);
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Closes the connection with code 1000 and stops reconnecting. Idempotent. */
    @Override
    public void close() {
        WebSocket current;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            changeState(ConnectionState.CLOSED);
            generation++;
            current = socket;
            socket = null;
            if (pendingReconnect != null) {
                pendingReconnect.cancel(false);
            }
        }
        if (current != null) {
            current.close(NORMAL_CLOSURE, "client closing");
        }
        scheduler.shutdown();
        events.shutdown();
    }

    private void openConnection() {
        long myGeneration;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            changeState(ConnectionState.CONNECTING);
            myGeneration = ++generation;
        }
        WebSocket created = http.newWebSocket(request, new Connection(myGeneration));
        synchronized (lock) {
            if (generation == myGeneration) {
                socket = created;
                return;
            }
        }
        created.cancel();
    }

    /** @param openedAtNanos when the lost connection opened, or 0 if it never did */
    private void connectionLost(long lostGeneration, Throwable cause, long openedAtNanos) {
        int attempt;
        Duration delay;
        synchronized (lock) {
            if (generation != lostGeneration || state == ConnectionState.CLOSED) {
                return;
            }
            // Only a connection that stayed up for a while proves the server well: one that accepts and drops at
            // once must not reset the backoff, or it gets reconnected to in a tight loop.
            if (openedAtNanos != 0 && System.nanoTime() - openedAtNanos >= healthyAfterNanos) {
                failedAttempts = 0;
            }
            generation++;
            socket = null;
            changeState(ConnectionState.RECONNECTING);
            attempt = ++failedAttempts;
            delay = backoff.delay(attempt, random);
            emit(() -> listener.onReconnect(attempt, delay, cause));
            pendingReconnect = scheduler.schedule(this::openConnection, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
        LOG.info("{}: connection lost ({}), reconnect attempt {} in {} ms", name,
            cause == null ? "closed by server" : cause.getClass().getSimpleName(), attempt, delay.toMillis());
    }

    /** Call with the lock held, so listeners see state changes in the order they happened. */
    private void changeState(ConnectionState to) {
        ConnectionState from = state;
        state = to;
        if (from != to) {
            emit(() -> listener.onStateChange(from, to));
        }
    }

    private void emit(Runnable callback) {
        try {
            events.execute(() -> {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    LOG.warn("{}: listener threw", name, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: event after close dropped", name);
        }
    }

    @Override
    public String toString() {
        // The URL may carry a token in its query, so only the host and path are shown.
        return "ReconnectingWebSocket[" + name + " " + request.url().host() + request.url().encodedPath() + ", "
            + state() + ", " + subscriptions.size() + " subscriptions]";
    }

    /** Events of one physical connection; events of a superseded connection are ignored. */
    private final class Connection extends WebSocketListener {

        private final long connectionGeneration;
        private volatile long openedAtNanos;

        Connection(long connectionGeneration) {
            this.connectionGeneration = connectionGeneration;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            synchronized (lock) {
                if (generation != connectionGeneration || state == ConnectionState.CLOSED) {
                    webSocket.cancel();
                    return;
                }
                socket = webSocket;
                openedAtNanos = System.nanoTime() | 1;
                // Sent under the lock so no caller's send() can overtake the subscriptions.
                for (String subscription : subscriptions) {
                    webSocket.send(subscription);
                }
                changeState(ConnectionState.OPEN);
                emit(listener::onOpen);
            }
            LOG.debug("{}: open, {} subscriptions sent", name, subscriptions.size());
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            deliver(text);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            deliver(bytes.utf8());
        }

        private void deliver(String text) {
            synchronized (lock) {
                if (generation == connectionGeneration && state != ConnectionState.CLOSED) {
                    emit(() -> listener.onMessage(text));
                }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(NORMAL_CLOSURE, null);
            connectionLost(connectionGeneration, null, openedAtNanos);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            connectionLost(connectionGeneration, null, openedAtNanos);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            connectionLost(connectionGeneration, t, openedAtNanos);
        }
    }

    /**
     * Configures a {@link ReconnectingWebSocket}. Each option takes one value and each header name one entry: a
     * second one throws {@link IllegalStateException} naming it (header values are never printed). Subscriptions
     * are a list and may be added many times, though not the same message twice.
     */
    public static final class Builder {

        private final SingleAssignment given = new SingleAssignment();
        private final String url;
        private String name = "websocket";
        private StreamListener listener;
        private final List<String> subscriptions = new CopyOnWriteArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration pingInterval = Duration.ofSeconds(20);
        private BackoffPolicy backoff = new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.5);
        private RandomGenerator random = new Random();
        private OkHttpClient okHttp;
        private Duration healthyAfter = Duration.ofSeconds(10);

        private Builder(String url) {
            Objects.requireNonNull(url, "url");
            String lower = url.toLowerCase(java.util.Locale.ROOT);
            if (!(lower.startsWith("ws://") || lower.startsWith("wss://") || lower.startsWith("http://")
                || lower.startsWith("https://"))) {
                throw new IllegalArgumentException("url must be ws://, wss://, http:// or https://");
            }
            this.url = url;
        }

        /** Name used in logs and the reconnect thread. */
        public Builder name(String socketName) {
            this.name = given.once("name", Objects.requireNonNull(socketName, "name"));
            return this;
        }

        public Builder listener(StreamListener streamListener) {
            this.listener = given.once("listener", Objects.requireNonNull(streamListener, "listener"));
            return this;
        }

        /** A message sent after every (re)connect, in the order added. */
        public Builder subscription(String message) {
            Objects.requireNonNull(message, "subscription");
            if (subscriptions.contains(message)) {
                throw new IllegalStateException("subscription added twice: " + message);
            }
            subscriptions.add(message);
            return this;
        }

        /** A header of the upgrade request (e.g. authentication); values are never logged or printed. */
        public Builder header(String headerName, String value) {
            Objects.requireNonNull(headerName, "header name");
            Objects.requireNonNull(value, "header value");
            given.onceWithoutValues("header", headerName.toLowerCase(java.util.Locale.ROOT));
            headers.put(headerName, value);
            return this;
        }

        /** OkHttp ping interval; a missing pong fails the connection, which then reconnects. 0 disables pings. */
        public Builder pingInterval(Duration interval) {
            Objects.requireNonNull(interval, "pingInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("pingInterval must not be negative: " + interval);
            }
            this.pingInterval = given.once("pingInterval", interval);
            return this;
        }

        public Builder backoff(BackoffPolicy policy) {
            this.backoff = given.onceShown("backoff", Objects.requireNonNull(policy, "backoff"));
            return this;
        }

        /**
         * How long a connection must stay open before its loss counts as a fresh failure (backoff from the first
         * step again); a shorter-lived connection continues the backoff (default 10 s).
         */
        public Builder healthyAfter(Duration period) {
            Objects.requireNonNull(period, "healthyAfter");
            if (period.isNegative()) {
                throw new IllegalArgumentException("healthyAfter must not be negative: " + period);
            }
            this.healthyAfter = given.once("healthyAfter", period);
            return this;
        }

        public Builder random(RandomGenerator generator) {
            this.random = given.once("random", Objects.requireNonNull(generator, "random"));
            return this;
        }

        public Builder okHttpClient(OkHttpClient client) {
            this.okHttp = given.once("okHttpClient", Objects.requireNonNull(client, "okHttpClient"));
            return this;
        }

        public ReconnectingWebSocket build() {
            if (listener == null) {
                throw new IllegalStateException("listener is required");
            }
            return new ReconnectingWebSocket(this);
        }
    }
}
