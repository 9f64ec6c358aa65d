package dev.tradingsdk.kalshi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.http.BackoffPolicy;
import dev.tradingsdk.core.http.ConnectionState;
import dev.tradingsdk.core.http.ReconnectingWebSocket;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.StreamListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kalshi's WebSocket ({@code /trade-api/ws/v2}) on core's {@link ReconnectingWebSocket}.
 *
 * <p><b>Handshake.</b> Every upgrade, including each reconnect, is signed afresh ({@code GET /trade-api/ws/v2}
 * with a new timestamp): Kalshi requires it even for public channels.
 *
 * <p><b>Books.</b> {@code orderbook_snapshot} and {@code orderbook_delta} keep one core {@link OrderBook} per
 * ticker in YES terms: YES bids are the bids, NO bids at {@code q} are asks at {@code 1 - q}. Deltas add to the
 * level's size; zero removes it.
 *
 * <p><b>Sequence.</b> {@code seq} runs per subscription ({@code sid}). A snapshot sets the baseline; a message
 * with {@code seq <= last} is a duplicate and dropped; {@code seq > last + 1} is a gap: the subscription's books
 * are dropped, {@link KalshiStreamListener#onGap} fires and {@code update_subscription get_snapshot} asks for
 * fresh snapshots; deltas are ignored until they arrive. {@code ok} and {@code unsubscribed} replies carry the
 * sid's seq too and advance it (no false gap). A delta that would make a size negative is treated as a gap.
 *
 * <p><b>Reconnect.</b> After a drop every book is stale ({@link KalshiStreamListener#onDisconnected}); on the new
 * connection every subscription is sent again with new command ids and gets new sids and snapshots.
 */
public final class KalshiStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiStream.class);
    private static final long PRICE_ONE = FixedMath.powerOfTen(KalshiInstruments.PRICE_PRECISION);

    private final ReconnectingWebSocket socket;
    private final KalshiStreamListener listener;
    private final ObjectMapper json = RestClient.defaultObjectMapper();
    private final Function<String, Instrument> instruments;
    private final AtomicLong commandIds = new AtomicLong();

    // Guarded by this: touched by the event thread and by callers (subscribe, book).
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<Long, Subscription> pendingCommands = new HashMap<>();
    private final Map<Long, Subscription> bySid = new HashMap<>();
    private final Map<Long, Long> lastSeq = new HashMap<>();
    private final Map<String, OrderBook> books = new HashMap<>();
    /** Set by the open event, so a subscription is sent exactly once per connection. */
    private boolean connected;

    private KalshiStream(Builder b) {
        this.listener = b.listener;
        this.instruments = b.instruments;
        KalshiSigner signer = b.signer;
        OkHttpClient base = b.okHttp == null ? new OkHttpClient() : b.okHttp;
        OkHttpClient signing = base.newBuilder().addInterceptor(chain -> {
            Request request = chain.request();
            Request.Builder signed = request.newBuilder();
            signer.headers("GET", request.url().encodedPath()).forEach(signed::header);
            return chain.proceed(signed.build());
        }).build();
        this.socket = ReconnectingWebSocket.builder(b.url).name("kalshi").okHttpClient(signing).backoff(b.backoff)
            .random(new Random(b.seed)).pingInterval(b.pingInterval).listener(new Events()).build();
    }

    public static Builder builder(KalshiSigner signer) {
        return new Builder(signer);
    }

    /** Opens the connection (asynchronously); subscriptions made before or after are sent once it is open. */
    public void connect() {
        socket.connect();
    }

    public ConnectionState state() {
        return socket.state();
    }

    /** Subscribes {@code channel} for {@code tickers} (empty = all markets, not allowed for the order book). */
    public synchronized Subscription subscribe(KalshiChannel channel, List<String> tickers) {
        Objects.requireNonNull(channel, "channel");
        if (channel == KalshiChannel.ORDERBOOK_DELTA && tickers.isEmpty()) {
            throw new IllegalArgumentException("the orderbook_delta channel needs market tickers");
        }
        Subscription subscription = new Subscription(channel, tickers);
        subscriptions.add(subscription);
        if (connected) {
            sendSubscribe(subscription);
        }
        return subscription;
    }

    /** Ends a subscription; its books are dropped. */
    public synchronized void unsubscribe(Subscription subscription) {
        if (!subscriptions.remove(subscription)) {
            return;
        }
        for (String ticker : subscription.tickers) {
            books.remove(ticker);
        }
        if (subscription.sid != null) {
            Map<String, Object> params = Map.of("sids", List.of(subscription.sid));
            send("unsubscribe", params, null);
        }
    }

    /** Adds markets to a subscription ({@code update_subscription add_markets}). */
    public synchronized void addMarkets(Subscription subscription, List<String> tickers) {
        subscription.tickers.addAll(tickers);
        if (subscription.sid != null) {
            updateSubscription(subscription, tickers, "add_markets");
        }
    }

    /** Removes markets from a subscription ({@code update_subscription delete_markets}); their books are dropped. */
    public synchronized void removeMarkets(Subscription subscription, List<String> tickers) {
        tickers.forEach(subscription.tickers::remove);
        tickers.forEach(books::remove);
        if (subscription.sid != null) {
            updateSubscription(subscription, tickers, "delete_markets");
        }
    }

    /** A copy of the current book of {@code ticker}, empty while there is none or it is stale. */
    public synchronized Optional<KalshiOrderbook> book(String ticker) {
        OrderBook book = books.get(ticker);
        return book == null ? Optional.empty() : Optional.of(toKalshi(ticker, book));
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "KalshiStream[" + socket + "]";
    }

    private void sendSubscribe(Subscription subscription) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("channels", List.of(subscription.channel.wireName()));
        if (!subscription.tickers.isEmpty()) {
            params.put("market_tickers", List.copyOf(subscription.tickers));
        }
        send("subscribe", params, subscription);
    }

    private void updateSubscription(Subscription subscription, List<String> tickers, String action) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sids", List.of(subscription.sid));
        params.put("market_tickers", List.copyOf(tickers));
        params.put("action", action);
        send("update_subscription", params, null);
    }

    private void send(String command, Map<String, Object> params, Subscription subscription) {
        long id = commandIds.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("cmd", command);
        message.put("params", params);
        if (subscription != null) {
            pendingCommands.put(id, subscription);
        }
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + command, e);
        }
        if (!socket.send(text)) {
            // Not connected: everything is sent again on open, so nothing is lost.
            LOG.debug("kalshi stream: {} deferred until connected", command);
        }
    }

    // ---------------------------------------------------------------- message handling (event thread)

    private synchronized void onOpen() {
        connected = true;
        pendingCommands.clear();
        bySid.clear();
        lastSeq.clear();
        for (Subscription subscription : subscriptions) {
            subscription.sid = null;
            sendSubscribe(subscription);
        }
    }

    private void onConnectionLost(Throwable cause) {
        synchronized (this) {
            connected = false;
            books.clear();
            bySid.clear();
            lastSeq.clear();
            for (Subscription subscription : subscriptions) {
                subscription.sid = null;
            }
        }
        listener.onDisconnected(cause == null ? "closed by the server" : cause.getClass().getSimpleName());
    }

    private void onMessage(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (IOException e) {
            LOG.warn("kalshi stream: a message that is not JSON was dropped ({} chars)", text.length());
            return;
        }
        String type = root.path("type").asText("");
        // Decoding and book updates first, the listener after: a listener's own exception is not a malformed message.
        Runnable delivery;
        try {
            delivery = switch (type) {
                case "subscribed" -> {
                    onSubscribed(root);
                    yield null;
                }
                case "ok", "unsubscribed" -> {
                    onReply(root, type);
                    yield null;
                }
                case "error" -> () -> listener.onError(root.path("id").asLong(0),
                    root.path("msg").path("code").asInt(0), root.path("msg").path("msg").asText(""));
                case "orderbook_snapshot" -> onSnapshot(root);
                case "orderbook_delta" -> onDelta(root);
                case "ticker" -> deliver(tickerUpdate(root.path("msg")), listener::onTicker);
                case "trade" -> deliver(KalshiPayloads.trade(root.path("msg"), "market_ticker"), listener::onTrade);
                case "fill" -> deliver(KalshiPayloads.fill(root.path("msg")), listener::onFill);
                case "market_lifecycle_v2" -> deliver(lifecycle(root.path("msg")), listener::onLifecycle);
                default -> {
                    LOG.debug("kalshi stream: message type '{}' ignored", type);
                    yield null;
                }
            };
        } catch (IllegalArgumentException | ArithmeticException malformed) {
            // Dropped, never fatal to the stream; a book message of the wrong shape leaves the book unknown: resync.
            LOG.warn("kalshi stream: malformed {} message: {}", type, malformed.getMessage());
            if (type.startsWith("orderbook_") && root.hasNonNull("sid")) {
                gap(root.get("sid").asLong(), lastSeq.getOrDefault(root.get("sid").asLong(), 0L) + 1,
                    root.path("seq").asLong(-1));
            }
            return;
        }
        if (delivery != null) {
            delivery.run();
        }
    }

    private static <T> Runnable deliver(T value, Consumer<T> to) {
        return () -> to.accept(value);
    }

    private synchronized void onSubscribed(JsonNode root) {
        long id = root.path("id").asLong(0);
        long sid = root.path("msg").path("sid").asLong(-1);
        Subscription subscription = pendingCommands.remove(id);
        if (subscription == null || sid < 0 || !subscriptions.contains(subscription)) {
            return;
        }
        subscription.sid = sid;
        bySid.put(sid, subscription);
    }

    private synchronized void onReply(JsonNode root, String type) {
        if (root.hasNonNull("sid") && root.hasNonNull("seq")) {
            long sid = root.get("sid").asLong();
            if (lastSeq.containsKey(sid)) {
                lastSeq.put(sid, Math.max(lastSeq.get(sid), root.get("seq").asLong()));
            }
            if ("unsubscribed".equals(type)) {
                bySid.remove(sid);
                lastSeq.remove(sid);
            }
        }
    }

    private Runnable onSnapshot(JsonNode root) {
        JsonNode msg = root.path("msg");
        String ticker = KalshiPayloads.text(msg, "market_ticker", "orderbook_snapshot");
        String p = "orderbook_snapshot " + ticker;
        List<PriceLevel> yes = present(msg, "yes_dollars_fp") ? KalshiPayloads.levels(msg, "yes_dollars_fp", false, p)
            : KalshiPayloads.legacySide(msg, "yes", p);
        List<PriceLevel> no = present(msg, "no_dollars_fp") ? KalshiPayloads.levels(msg, "no_dollars_fp", false, p)
            : KalshiPayloads.legacySide(msg, "no", p);
        KalshiOrderbook snapshot = new KalshiOrderbook(ticker, yes, no);
        OrderBook book;
        synchronized (this) {
            if (root.hasNonNull("sid") && root.hasNonNull("seq")) {
                lastSeq.put(root.get("sid").asLong(), root.get("seq").asLong());
            }
            book = books.computeIfAbsent(ticker, t -> new OrderBook(instruments.apply(t)));
            book.applySnapshot(snapshot.coreBids(), snapshot.coreAsks());
            book.markUpdate(root.path("seq").asLong(0), 0);
        }
        return () -> listener.onBook(ticker, book, true);
    }

    private Runnable onDelta(JsonNode root) {
        long sid = root.path("sid").asLong(-1);
        long seq = root.path("seq").asLong(-1);
        JsonNode msg = root.path("msg");
        String ticker = KalshiPayloads.text(msg, "market_ticker", "orderbook_delta");
        String p = "orderbook_delta " + ticker;
        Price price = KalshiPayloads.price(msg, "price_dollars", "price", p);
        boolean yes = "yes".equals(KalshiPayloads.text(msg, "side", p));
        if (!present(msg, "delta_fp") && !present(msg, "delta")) {
            throw KalshiPayloads.malformed(p, "delta_fp", "is missing");
        }
        long delta = FixedMath.fromBigDecimal(KalshiPayloads.signedCount(msg, "delta_fp", "delta", p),
            KalshiInstruments.SIZE_PRECISION, java.math.RoundingMode.UNNECESSARY);
        OrderBook book;
        synchronized (this) {
            Long last = lastSeq.get(sid);
            if (last == null) {
                return null;
            }
            if (seq <= last) {
                LOG.debug("kalshi stream: duplicate seq {} on sid {} dropped", seq, sid);
                return null;
            }
            if (seq > last + 1) {
                gapLocked(sid, last + 1, seq);
                book = null;
            } else {
                lastSeq.put(sid, seq);
                book = books.get(ticker);
                if (book == null) {
                    return null;
                }
                Side side = yes ? Side.BUY : Side.SELL;
                long priceRaw = price.raw();
                long levelPrice = yes ? priceRaw : PRICE_ONE - priceRaw;
                long size = book.sizeRawAtPrice(side, levelPrice) + delta;
                if (size < 0) {
                    LOG.warn("kalshi stream: delta seq {} on {} would leave {} at {} negative: resyncing", seq, ticker,
                        yes ? "yes" : "no", price);
                    gapLocked(sid, seq, seq);
                    book = null;
                } else {
                    book.applyDeltaRaw(side, levelPrice, size);
                    book.markUpdate(seq, msg.path("ts_ms").asLong(0) * 1_000_000L);
                }
            }
        }
        OrderBook updated = book;
        return updated == null ? null : () -> listener.onBook(ticker, updated, false);
    }

    private void gap(long sid, long expected, long received) {
        synchronized (this) {
            gapLocked(sid, expected, received);
        }
    }

    /** Drops the sid's books and asks for fresh snapshots; the listener hears of it after the lock is released. */
    private void gapLocked(long sid, long expected, long received) {
        Subscription subscription = bySid.get(sid);
        lastSeq.remove(sid);
        List<String> tickers = subscription == null ? List.of() : List.copyOf(subscription.tickers);
        tickers.forEach(books::remove);
        LOG.warn("kalshi stream: sequence gap on sid {} (expected {}, got {}); requesting snapshots of {}", sid,
            expected, received, tickers);
        if (subscription != null) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("sid", sid);
            params.put("market_tickers", tickers);
            params.put("action", "get_snapshot");
            send("update_subscription", params, null);
        }
        // Called on the event thread with the lock held (re-entrant for the listener), so events stay in order.
        listener.onGap(new SequenceGap(sid, tickers, expected, received));
    }

    private static boolean present(JsonNode node, String field) {
        return KalshiPayloads.present(node, field);
    }

    private static TickerUpdate tickerUpdate(JsonNode m) {
        String ticker = KalshiPayloads.text(m, "market_ticker", "ticker");
        String p = "ticker " + ticker;
        Instant time = present(m, "ts_ms") ? Instant.ofEpochMilli(m.get("ts_ms").asLong())
            : KalshiPayloads.optInstant(m, "ts", p).orElse(Instant.EPOCH);
        return new TickerUpdate(ticker, KalshiPayloads.optPrice(m, "price_dollars", "price", p),
            KalshiPayloads.optPrice(m, "yes_bid_dollars", "yes_bid", p),
            KalshiPayloads.optPrice(m, "yes_ask_dollars", "yes_ask", p),
            KalshiPayloads.countOrZero(m, "yes_bid_size_fp", null, p),
            KalshiPayloads.countOrZero(m, "yes_ask_size_fp", null, p),
            KalshiPayloads.countOrZero(m, "volume_fp", "volume", p),
            KalshiPayloads.countOrZero(m, "open_interest_fp", "open_interest", p), time);
    }

    private static MarketLifecycleEvent lifecycle(JsonNode m) {
        String ticker = KalshiPayloads.text(m, "market_ticker", "market_lifecycle_v2");
        String p = "market_lifecycle_v2 " + ticker;
        Optional<Instant> time = present(m, "ts_ms") ? Optional.of(Instant.ofEpochMilli(m.get("ts_ms").asLong()))
            : KalshiPayloads.optInstant(m, "determination_ts", p);
        return new MarketLifecycleEvent(ticker, KalshiPayloads.text(m, "event_type", p),
            Optional.ofNullable(KalshiPayloads.optText(m, "result")).filter(r -> !r.isEmpty()),
            KalshiPayloads.optInstant(m, "close_ts", p), time);
    }

    private static KalshiOrderbook toKalshi(String ticker, OrderBook book) {
        List<PriceLevel> yes = new ArrayList<>();
        for (int i = book.levelCount(Side.BUY) - 1; i >= 0; i--) {
            yes.add(level(book.priceRawAt(Side.BUY, i), book.sizeRawAt(Side.BUY, i)));
        }
        List<PriceLevel> no = new ArrayList<>();
        for (int i = book.levelCount(Side.SELL) - 1; i >= 0; i--) {
            no.add(level(PRICE_ONE - book.priceRawAt(Side.SELL, i), book.sizeRawAt(Side.SELL, i)));
        }
        return new KalshiOrderbook(ticker, yes, no);
    }

    private static PriceLevel level(long priceRaw, long sizeRaw) {
        return new PriceLevel(Price.ofRaw(priceRaw, KalshiInstruments.PRICE_PRECISION),
            Quantity.ofRaw(sizeRaw, KalshiInstruments.SIZE_PRECISION));
    }

    /** One subscription: a channel and its markets; its sid changes with every connection. */
    public static final class Subscription {
        private final KalshiChannel channel;
        private final Set<String> tickers;
        private Long sid;

        private Subscription(KalshiChannel channel, List<String> tickers) {
            this.channel = channel;
            this.tickers = new LinkedHashSet<>(tickers);
        }

        public KalshiChannel channel() {
            return channel;
        }

        @Override
        public String toString() {
            return "Subscription[" + channel.wireName() + " " + tickers + ", sid " + sid + "]";
        }
    }

    private final class Events implements StreamListener {
        @Override
        public void onMessage(String text) {
            KalshiStream.this.onMessage(text);
        }

        @Override
        public void onOpen() {
            KalshiStream.this.onOpen();
        }

        @Override
        public void onReconnect(int attempt, Duration delay, Throwable cause) {
            onConnectionLost(cause);
        }
    }

    /** Configures a {@link KalshiStream}. */
    public static final class Builder {
        private final KalshiSigner signer;
        private String url = KalshiEnvironment.PRODUCTION.webSocketUrl();
        private KalshiStreamListener listener = new KalshiStreamListener() { };
        private Function<String, Instrument> instruments = KalshiInstruments::yesContract;
        private OkHttpClient okHttp;
        private BackoffPolicy backoff = new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.5);
        private Duration pingInterval = Duration.ofSeconds(10);
        private long seed = 1;
        private final GivenOptions given = new GivenOptions();

        private Builder(KalshiSigner signer) {
            this.signer = Objects.requireNonNull(signer, "signer (Kalshi signs the handshake even for public channels)");
        }

        public Builder environment(KalshiEnvironment environment) {
            Objects.requireNonNull(environment, "environment");
            this.url = given.first("environment", environment).webSocketUrl();
            return this;
        }

        /** A custom endpoint, e.g. a mock server's {@code ws://127.0.0.1:1234/trade-api/ws/v2}. */
        public Builder url(String webSocketUrl) {
            this.url = given.first("url", Objects.requireNonNull(webSocketUrl, "url"));
            return this;
        }

        public Builder listener(KalshiStreamListener streamListener) {
            this.listener = given.firstOfType("listener", Objects.requireNonNull(streamListener, "listener"));
            return this;
        }

        /** The instrument of each ticker's book (default: {@link KalshiInstruments#yesContract(String)}). */
        public Builder instruments(Function<String, Instrument> byTicker) {
            this.instruments = given.firstOfType("instruments", Objects.requireNonNull(byTicker, "instruments"));
            return this;
        }

        public Builder okHttpClient(OkHttpClient client) {
            this.okHttp = given.firstOfType("okHttpClient", Objects.requireNonNull(client, "okHttpClient"));
            return this;
        }

        public Builder backoff(BackoffPolicy policy) {
            this.backoff = given.first("backoff", Objects.requireNonNull(policy, "backoff"));
            return this;
        }

        /** Client pings; Kalshi itself pings every ~10 s. */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = given.first("pingInterval", Objects.requireNonNull(interval, "pingInterval"));
            return this;
        }

        public Builder seed(long jitterSeed) {
            this.seed = given.first("seed", jitterSeed);
            return this;
        }

        /** Each option at most once; {@link #environment} and {@link #url} are exclusive. */
        public KalshiStream build() {
            if (given.has("environment") && given.has("url")) {
                throw new IllegalStateException("environment " + given.shown("environment") + " conflicts with url "
                    + given.shown("url") + ": choose one");
            }
            return new KalshiStream(this);
        }
    }
}
