package dev.tradingsdk.polymarket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.core.http.BackoffPolicy;
import dev.tradingsdk.core.http.ConnectionState;
import dev.tradingsdk.core.http.ReconnectingWebSocket;
import dev.tradingsdk.core.http.StreamListener;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.internal.ClobMessageHandler;
import dev.tradingsdk.polymarket.order.TickSize;
import dev.tradingsdk.polymarket.signing.ApiCredentials;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLOB WebSocket: the market channel keeps an L2 book per asset (snapshot + price changes, both schemas),
 * the user channel reports order and trade events. Sends the text {@code PING} keepalive the CLOB expects,
 * reconnects with backoff, resubscribes, and treats books as stale until the fresh snapshot after a reconnect. A
 * watchdog replaces a connection that is open but silent (not even a PONG) for longer than the silence timeout.
 */
public final class ClobStream implements AutoCloseable {
    public static final String MARKET_URL = "wss://ws-subscriptions-clob.polymarket.com/ws/market";
    public static final String USER_URL = "wss://ws-subscriptions-clob.polymarket.com/ws/user";

    private static final Logger LOG = LoggerFactory.getLogger(ClobStream.class);

    private final Builder config;
    private final ClobMessageHandler handler;
    private final ObjectMapper mapper;
    private final Duration pingInterval;
    private final Duration silenceTimeout;
    private final ScheduledExecutorService pinger;
    private final Object socketLock = new Object();
    private volatile ReconnectingWebSocket socket;
    private volatile long openedNanos;
    private volatile boolean closed;
    private int watchdogReconnects;

    private ClobStream(Builder b) {
        this.config = b;
        this.mapper = new ObjectMapper();
        ClobClient tickCache = b.tickCache;
        this.handler = new ClobMessageHandler(mapper, b.listener, (asset, tick) -> {
            if (tickCache != null) {
                tickCache.updateTickSize(asset, tick);
            }
        });
        this.pingInterval = b.pingInterval;
        this.silenceTimeout = b.silenceTimeout;
        this.socket = newSocket(List.of(b.subscription(mapper)));
        this.pinger = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "clob-ping-" + b.name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A market-channel stream for these token ids. */
    public static Builder market(Collection<String> assetIds) {
        return new Builder(MARKET_URL, "market", List.copyOf(assetIds), null);
    }

    /** A user-channel stream for these markets (condition ids; empty = all). */
    public static Builder user(ApiCredentials credentials, Collection<String> markets) {
        return new Builder(USER_URL, "user", List.copyOf(markets), Objects.requireNonNull(credentials, "credentials"));
    }

    private ReconnectingWebSocket newSocket(List<String> subscriptions) {
        ReconnectingWebSocket.Builder sb = ReconnectingWebSocket.builder(config.url).name(config.name)
                .listener(new SocketEvents()).backoff(config.backoff);
        subscriptions.forEach(sb::subscription);
        if (config.okHttp != null) {
            sb.okHttpClient(config.okHttp);
        }
        return sb.build();
    }

    /** Opens the connection (asynchronously) and starts the keepalive and the silence watchdog. */
    public void connect() {
        openedNanos = System.nanoTime();
        socket.connect();
        long millis = pingInterval.toMillis();
        pinger.scheduleAtFixedRate(() -> socket.send("PING"), millis, millis, TimeUnit.MILLISECONDS);
        long check = Math.max(1, silenceTimeout.toMillis() / 4);
        pinger.scheduleAtFixedRate(this::watchdog, check, check, TimeUnit.MILLISECONDS);
    }

    /**
     * An open socket that delivered nothing, not even a PONG, for the silence timeout is replaced by a new
     * connection with the same subscriptions; books are stale until its snapshots arrive.
     */
    private void watchdog() {
        ReconnectingWebSocket current = socket;
        if (closed || current.state() != ConnectionState.OPEN) {
            return;
        }
        long silentSince = Math.max(handler.lastMessageNanos(), openedNanos);
        long silentNanos = System.nanoTime() - silentSince;
        if (silentNanos < silenceTimeout.toNanos()) {
            return;
        }
        ReconnectingWebSocket replacement;
        synchronized (socketLock) {
            if (closed || socket != current) {
                return;
            }
            LOG.warn("{}: socket open but silent for {} ms (timeout {} ms); reconnecting", config.name,
                    TimeUnit.NANOSECONDS.toMillis(silentNanos), silenceTimeout.toMillis());
            replacement = newSocket(current.subscriptions());
            socket = replacement;
            watchdogReconnects++;
            openedNanos = System.nanoTime();
        }
        current.close();
        handler.connectionLost();
        replacement.connect();
    }

    /** How many times the watchdog replaced a silent connection. */
    public int watchdogReconnects() {
        synchronized (socketLock) {
            return watchdogReconnects;
        }
    }

    /** Adds market-channel assets on the open connection; they are also resubscribed after reconnects. */
    public void subscribe(Collection<String> assetIds) {
        ObjectNode message = mapper.createObjectNode();
        ArrayNode ids = message.putArray("assets_ids");
        assetIds.forEach(ids::add);
        message.put("operation", "subscribe");
        socket.subscribe(write(message));
    }

    /** The asset's current book; empty before its first snapshot and after a drop until the fresh one. */
    public Optional<BookSnapshot> book(String assetId) {
        return handler.book(assetId);
    }

    /** The latest tick size announced by a {@code tick_size_change} event. */
    public Optional<TickSize> tickSize(String assetId) {
        return handler.tickSize(assetId);
    }

    public ConnectionState state() {
        return socket.state();
    }

    @Override
    public void close() {
        synchronized (socketLock) {
            closed = true;
        }
        pinger.shutdownNow();
        socket.close();
    }

    private String write(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise subscription", e);
        }
    }

    @Override
    public String toString() {
        return "ClobStream[" + socket + "]";
    }

    private final class SocketEvents implements StreamListener {
        @Override
        public void onMessage(String text) {
            handler.handle(text);
        }

        @Override
        public void onStateChange(ConnectionState from, ConnectionState to) {
            if (to == ConnectionState.OPEN) {
                openedNanos = System.nanoTime();
            }
            if (from == ConnectionState.OPEN && to != ConnectionState.CLOSED) {
                handler.connectionLost();
            }
        }
    }

    /**
     * Configures a {@link ClobStream}; a second value for an option throws {@link IllegalStateException} naming both,
     * and so does {@code customFeatures} on a user stream, which has no such events.
     */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private String url;
        private final String name;
        private final List<String> ids;
        private final ApiCredentials credentials;
        private ClobStreamListener listener = new ClobStreamListener() {
        };
        private Duration pingInterval = Duration.ofSeconds(10);
        private Duration silenceTimeout = Duration.ofSeconds(30);
        private ClobClient tickCache;
        private BackoffPolicy backoff = BackoffPolicy.defaults();
        private boolean customFeatures = true;
        private OkHttpClient okHttp;

        private Builder(String url, String name, List<String> ids, ApiCredentials credentials) {
            this.url = url;
            this.name = name;
            this.ids = ids;
            this.credentials = credentials;
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        public Builder url(String socketUrl) {
            once("url", url, socketUrl);
            this.url = Objects.requireNonNull(socketUrl, "url");
            return this;
        }

        public Builder listener(ClobStreamListener streamListener) {
            once("listener", "a ClobStreamListener", "a ClobStreamListener");
            this.listener = Objects.requireNonNull(streamListener, "listener");
            return this;
        }

        /** Interval of the text PING keepalive (default 10 s, as the CLOB asks). */
        public Builder pingInterval(Duration interval) {
            if (interval == null || interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("pingInterval must be positive, got " + interval);
            }
            once("pingInterval", pingInterval, interval);
            this.pingInterval = interval;
            return this;
        }

        /**
         * How long an open connection may deliver nothing (PONG replies count) before the watchdog replaces it
         * (default 30 s, three PING intervals); must exceed the ping interval.
         */
        public Builder silenceTimeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("silenceTimeout must be positive, got " + timeout);
            }
            once("silenceTimeout", silenceTimeout, timeout);
            this.silenceTimeout = timeout;
            return this;
        }

        /** Every {@code tick_size_change} also updates this client's tick cache, so its next order uses it. */
        public Builder tickSizes(ClobClient client) {
            once("tickSizes", "a ClobClient", "a ClobClient");
            this.tickCache = Objects.requireNonNull(client, "client");
            return this;
        }

        public Builder backoff(BackoffPolicy policy) {
            once("backoff", backoff, policy);
            this.backoff = Objects.requireNonNull(policy, "backoff");
            return this;
        }

        /** Ask for best_bid_ask / new_market / market_resolved events (default on). */
        public Builder customFeatures(boolean enabled) {
            once("customFeatures", customFeatures, enabled);
            this.customFeatures = enabled;
            return this;
        }

        public Builder okHttpClient(OkHttpClient client) {
            once("okHttpClient", "an OkHttpClient", "an OkHttpClient");
            this.okHttp = Objects.requireNonNull(client, "okHttpClient");
            return this;
        }

        private String subscription(ObjectMapper mapper) {
            ObjectNode message = mapper.createObjectNode();
            if (credentials == null) {
                ArrayNode assets = message.putArray("assets_ids");
                ids.forEach(assets::add);
                message.put("type", "market");
                message.put("initial_dump", true);
                if (customFeatures) {
                    message.put("custom_feature_enabled", true);
                }
            } else {
                ObjectNode auth = message.putObject("auth");
                auth.put("apiKey", credentials.apiKey());
                auth.put("secret", credentials.secret());
                auth.put("passphrase", credentials.passphrase());
                ArrayNode markets = message.putArray("markets");
                ids.forEach(markets::add);
                message.put("type", "user");
            }
            try {
                return mapper.writeValueAsString(message);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise subscription", e);
            }
        }

        public ClobStream build() {
            if (credentials == null && ids.isEmpty()) {
                throw new IllegalArgumentException("a market stream needs at least one asset id");
            }
            if (credentials != null && given.contains("customFeatures")) {
                throw new IllegalStateException("customFeatures set on a user stream: only market streams have them");
            }
            if (silenceTimeout.compareTo(pingInterval) <= 0) {
                throw new IllegalArgumentException("silenceTimeout " + silenceTimeout + " must exceed pingInterval "
                        + pingInterval + ", or a quiet market would reconnect between PONGs");
            }
            return new ClobStream(this);
        }
    }
}
