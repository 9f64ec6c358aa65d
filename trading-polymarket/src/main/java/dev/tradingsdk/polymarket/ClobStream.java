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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The CLOB WebSocket: the market channel keeps an L2 book per asset (snapshot + price changes, both schemas),
 * the user channel reports order and trade events. Sends the text {@code PING} keepalive the CLOB expects,
 * reconnects with backoff, resubscribes, and treats books as stale until the fresh snapshot after a reconnect.
 */
public final class ClobStream implements AutoCloseable {
    public static final String MARKET_URL = "wss://ws-subscriptions-clob.polymarket.com/ws/market";
    public static final String USER_URL = "wss://ws-subscriptions-clob.polymarket.com/ws/user";

    private final ReconnectingWebSocket socket;
    private final ClobMessageHandler handler;
    private final ObjectMapper mapper;
    private final Duration pingInterval;
    private final ScheduledExecutorService pinger;

    private ClobStream(Builder b) {
        this.mapper = new ObjectMapper();
        this.handler = new ClobMessageHandler(mapper, b.listener);
        this.pingInterval = b.pingInterval;
        ReconnectingWebSocket.Builder sb = ReconnectingWebSocket.builder(b.url).name(b.name)
                .listener(new SocketEvents()).subscription(b.subscription(mapper)).backoff(b.backoff);
        if (b.okHttp != null) {
            sb.okHttpClient(b.okHttp);
        }
        this.socket = sb.build();
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

    /** Opens the connection (asynchronously) and starts the keepalive. */
    public void connect() {
        socket.connect();
        long millis = pingInterval.toMillis();
        pinger.scheduleAtFixedRate(() -> socket.send("PING"), millis, millis, TimeUnit.MILLISECONDS);
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
            if (from == ConnectionState.OPEN && to != ConnectionState.CLOSED) {
                handler.connectionLost();
            }
        }
    }

    /** Configures a {@link ClobStream}. */
    public static final class Builder {
        private String url;
        private final String name;
        private final List<String> ids;
        private final ApiCredentials credentials;
        private ClobStreamListener listener = new ClobStreamListener() {
        };
        private Duration pingInterval = Duration.ofSeconds(10);
        private BackoffPolicy backoff = BackoffPolicy.defaults();
        private boolean customFeatures = true;
        private OkHttpClient okHttp;

        private Builder(String url, String name, List<String> ids, ApiCredentials credentials) {
            this.url = url;
            this.name = name;
            this.ids = ids;
            this.credentials = credentials;
        }

        public Builder url(String socketUrl) {
            this.url = Objects.requireNonNull(socketUrl, "url");
            return this;
        }

        public Builder listener(ClobStreamListener streamListener) {
            this.listener = Objects.requireNonNull(streamListener, "listener");
            return this;
        }

        /** Interval of the text PING keepalive (default 10 s, as the CLOB asks). */
        public Builder pingInterval(Duration interval) {
            if (interval == null || interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("pingInterval must be positive, got " + interval);
            }
            this.pingInterval = interval;
            return this;
        }

        public Builder backoff(BackoffPolicy policy) {
            this.backoff = Objects.requireNonNull(policy, "backoff");
            return this;
        }

        /** Ask for best_bid_ask / new_market / market_resolved events (default on). */
        public Builder customFeatures(boolean enabled) {
            this.customFeatures = enabled;
            return this;
        }

        public Builder okHttpClient(OkHttpClient client) {
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
            return new ClobStream(this);
        }
    }
}
