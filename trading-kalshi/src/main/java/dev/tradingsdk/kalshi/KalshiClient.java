package dev.tradingsdk.kalshi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.http.BackoffPolicy;
import dev.tradingsdk.core.http.CursorPage;
import dev.tradingsdk.core.http.RateLimitedException;
import dev.tradingsdk.core.http.RequestSigner;
import dev.tradingsdk.core.http.ResponseDecodingException;
import dev.tradingsdk.core.http.RestCall;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.http.TimeSource;
import dev.tradingsdk.core.http.TransportException;
import dev.tradingsdk.core.num.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kalshi Trade API v2 over core's {@link RestClient}: market data, portfolio and the V2 event-order writes.
 *
 * <p><b>Orders are V2 only</b> ({@code /portfolio/events/orders}); the legacy writes are refused by Kalshi. A body
 * with an {@code error.code} is a {@link KalshiOrderRejectedException} whatever the HTTP status; an answer of the
 * wrong shape is core's {@link ResponseDecodingException}. A 409 is a {@link DuplicateClientOrderIdException} and
 * is never retried. A create that times out, or whose answer cannot be read, is looked up by its client order id
 * before it is ever sent again.
 *
 * <p><b>Rate limits</b> are token buckets ({@link KalshiRateLimits}): each call takes its cost from the Read or
 * Write bucket before it is sent, waiting if needed. A 429 (Kalshi sends no Retry-After) backs off with jitter:
 * reads through the core retry policy, writes here (a 429 means the write was not executed).
 *
 * <p>Listings are lazy streams over cursor pages ({@link CursorPage#stream}). Thread-safe.
 */
public final class KalshiClient {

    private static final Logger LOG = LoggerFactory.getLogger(KalshiClient.class);
    private static final String READ = "read";
    private static final String WRITE = "write";
    private static final String ORDERS_V2 = "/portfolio/events/orders";
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final RestClient rest;
    private final KalshiRateLimits limits;
    private final BackoffPolicy writeBackoff;
    private final int writeRateLimitRetries;
    private final TimeSource time;
    private final Random random;
    private final int maxPages;
    private final boolean authenticated;

    private KalshiClient(Builder b) {
        this.limits = b.limits;
        this.writeBackoff = b.retry.backoff();
        this.writeRateLimitRetries = b.retry.maxAttempts() - 1;
        this.time = b.time;
        this.random = new Random(b.seed);
        this.maxPages = b.maxPages;
        this.authenticated = b.signer != null;
        RestClient.Builder rb = RestClient.builder("kalshi", b.baseUrl())
            .signer(b.signer == null ? RequestSigner.none() : b.signer)
            .rateLimit(READ, limits.readLimit())
            .rateLimit(WRITE, limits.writeLimit())
            .retryPolicy(b.retry)
            .timeSource(b.time)
            .random(new Random(b.seed))
            .errorMapper(new KalshiErrorMapper(RestClient.defaultObjectMapper()))
            .readTimeout(b.readTimeout)
            .callTimeout(b.callTimeout);
        if (b.okHttp != null) {
            rb.okHttpClient(b.okHttp);
        }
        this.rest = rb.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The underlying HTTP client (e.g. to share its connection pool with {@link KalshiStream}). */
    public OkHttpClient okHttpClient() {
        return rest.okHttpClient();
    }

    // ---------------------------------------------------------------- exchange and market data

    public ExchangeStatus exchangeStatus() {
        return read("getExchangeStatus", "/exchange/status").executeJson(KalshiPayloads::exchangeStatus);
    }

    public ExchangeSchedule exchangeSchedule() {
        return read("getExchangeSchedule", "/exchange/schedule").executeJson(KalshiPayloads::schedule);
    }

    /** A series with its fee type and multiplier. */
    public Series series(String seriesTicker) {
        return read("getSeries", "/series/" + segment("seriesTicker", seriesTicker)).executeJson(KalshiPayloads::series);
    }

    /** Events (without multivariate ones), with their markets nested; {@code status} may be null. */
    public Stream<KalshiEvent> events(String seriesTicker, String status) {
        return paged("GET /events", cursor -> {
            RestCall call = read("getEvents", "/events").query("limit", 200).query("with_nested_markets", true)
                .query("series_ticker", seriesTicker).query("status", status).query("cursor", cursor);
            return call.executeJson(root -> {
                List<KalshiEvent> events = new ArrayList<>();
                for (JsonNode e : KalshiPayloads.array(root, "events", "events")) {
                    events.add(KalshiPayloads.event(e, null));
                }
                return CursorPage.of(events, KalshiPayloads.optText(root, "cursor"));
            });
        });
    }

    public KalshiEvent event(String eventTicker) {
        return read("getEvent", "/events/" + segment("eventTicker", eventTicker))
            .query("with_nested_markets", true).executeJson(root -> KalshiPayloads.event(
                KalshiPayloads.object(root, "event", "event " + eventTicker), root.get("markets")));
    }

    public Stream<KalshiMarket> markets(MarketQuery query) {
        return marketListing("getMarkets", "/markets", query);
    }

    public KalshiMarket market(String ticker) {
        return read("getMarket", "/markets/" + segment("ticker", ticker))
            .executeJson(root -> KalshiPayloads.market(KalshiPayloads.object(root, "market", "market " + ticker)));
    }

    /** The book of {@code ticker}, {@code depth} levels per side (0 = all). */
    public KalshiOrderbook orderbook(String ticker, int depth) {
        if (depth < 0 || depth > 100) {
            throw new IllegalArgumentException("depth must be in 0..100, was " + depth);
        }
        return read("getMarketOrderbook", "/markets/" + segment("ticker", ticker) + "/orderbook")
            .query("depth", depth == 0 ? null : depth).executeJson(root -> KalshiPayloads.orderbook(ticker, root));
    }

    /** The books of up to 100 markets in one call. */
    public List<KalshiOrderbook> orderbooks(List<String> tickers) {
        if (tickers.isEmpty() || tickers.size() > 100) {
            throw new IllegalArgumentException("tickers must hold 1..100 markets, had " + tickers.size());
        }
        RestCall call = read("getMarketOrderbooks", "/markets/orderbooks");
        for (String ticker : tickers) {
            call.query("tickers", segment("tickers", ticker));
        }
        return call.executeJson(root -> {
            List<KalshiOrderbook> books = new ArrayList<>();
            for (JsonNode entry : KalshiPayloads.array(root, "orderbooks", "order books")) {
                books.add(KalshiPayloads.orderbook(KalshiPayloads.text(entry, "ticker", "order books"), entry));
            }
            return books;
        });
    }

    /** Public trades of {@code ticker} between {@code from} and {@code to} (either may be null). */
    public Stream<KalshiTrade> trades(String ticker, Instant from, Instant to) {
        return tradeListing("getTrades", "/markets/trades", ticker, from, to);
    }

    /** Candles of {@code ticker} in {@code series} ending between {@code start} and {@code end}. */
    public List<Candlestick> candlesticks(String seriesTicker, String ticker, Instant start, Instant end,
                                          Candlestick.Interval interval) {
        return candles("getMarketCandlesticks", "/series/" + segment("seriesTicker", seriesTicker) + "/markets/"
            + segment("ticker", ticker) + "/candlesticks", ticker, start, end, interval);
    }

    // ---------------------------------------------------------------- historical (older than the cutoff)

    /**
     * The cutoff times: data older than these lives only under {@code /historical}. Fields as sent, in Unix seconds
     * or RFC 3339.
     */
    public Map<String, Instant> historicalCutoff() {
        return read("getHistoricalCutoff", "/historical/cutoff").executeJson(root -> {
            Map<String, Instant> cutoffs = new LinkedHashMap<>();
            root.fieldNames().forEachRemaining(name -> KalshiPayloads.optInstant(root, name, "historical cutoff")
                .ifPresent(at -> cutoffs.put(name, at)));
            return cutoffs;
        });
    }

    public Stream<KalshiMarket> historicalMarkets(MarketQuery query) {
        return marketListing("getHistoricalMarkets", "/historical/markets", query);
    }

    public Stream<KalshiTrade> historicalTrades(String ticker, Instant from, Instant to) {
        return tradeListing("getHistoricalTrades", "/historical/trades", ticker, from, to);
    }

    public List<Candlestick> historicalCandlesticks(String ticker, Instant start, Instant end,
                                                    Candlestick.Interval interval) {
        return candles("getHistoricalCandlesticks", "/historical/markets/" + segment("ticker", ticker)
            + "/candlesticks", ticker, start, end, interval);
    }

    public Stream<KalshiFill> historicalFills(String ticker) {
        return fillListing("getHistoricalFills", "/historical/fills", ticker, null);
    }

    public Stream<KalshiOrder> historicalOrders(String ticker) {
        return orderListing("getHistoricalOrders", "/historical/orders", ticker, null);
    }

    // ---------------------------------------------------------------- portfolio

    public Balance balance() {
        requireAuth("balance");
        return read("getBalance", "/portfolio/balance").executeJson(KalshiPayloads::balance);
    }

    /** Open market positions (YES and NO netted), optionally of one ticker. */
    public Stream<MarketPosition> positions(String ticker) {
        requireAuth("positions");
        return paged("GET /portfolio/positions", cursor -> {
            return read("getPositions", "/portfolio/positions").query("limit", 1000).query("ticker", ticker)
                .query("cursor", cursor).executeJson(root -> {
                    List<MarketPosition> positions = new ArrayList<>();
                    for (JsonNode p : KalshiPayloads.array(root, "market_positions", "positions")) {
                        positions.add(KalshiPayloads.position(p));
                    }
                    return CursorPage.of(positions, KalshiPayloads.optText(root, "cursor"));
                });
        });
    }

    public Stream<KalshiFill> fills(String ticker) {
        requireAuth("fills");
        return fillListing("getFills", "/portfolio/fills", ticker, null);
    }

    /** Our fills of one order (the {@code order_id} filter; fills carry no client order id since 2026-03-30). */
    public Stream<KalshiFill> fillsOfOrder(String orderId) {
        requireAuth("fills");
        return fillListing("getFills", "/portfolio/fills", null, segment("orderId", orderId));
    }

    public Stream<Settlement> settlements(String ticker) {
        requireAuth("settlements");
        return paged("GET /portfolio/settlements", cursor -> {
            return read("getSettlements", "/portfolio/settlements").query("limit", 1000)
                .query("ticker", ticker).query("cursor", cursor).executeJson(root -> {
                    List<Settlement> settlements = new ArrayList<>();
                    for (JsonNode s : KalshiPayloads.array(root, "settlements", "settlements")) {
                        settlements.add(KalshiPayloads.settlement(s));
                    }
                    return CursorPage.of(settlements, KalshiPayloads.optText(root, "cursor"));
                });
        });
    }

    /** Our orders, optionally of one ticker and one status ({@code resting}, {@code canceled}, {@code executed}). */
    public Stream<KalshiOrder> orders(String ticker, String status) {
        requireAuth("orders");
        return orderListing("getOrders", "/portfolio/orders", ticker, status);
    }

    public KalshiOrder order(String orderId) {
        requireAuth("order");
        return read("getOrder", "/portfolio/orders/" + segment("orderId", orderId))
            .executeJson(root -> KalshiPayloads.order(KalshiPayloads.object(root, "order", "order " + orderId)));
    }

    /** Our order of {@code ticker} with client order id {@code clientOrderId}, if the venue has one. */
    public Optional<KalshiOrder> findOrderByClientOrderId(String ticker, String clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        try (Stream<KalshiOrder> orders = orders(ticker, null)) {
            return orders.filter(o -> o.clientOrderId().filter(clientOrderId::equals).isPresent()).findFirst();
        }
    }

    // ---------------------------------------------------------------- V2 order writes

    /**
     * Creates an order. After a timeout or dropped connection (the venue may have taken it) the order is looked
     * up by its client order id; only when that finds nothing is it sent once more, with the same id, so Kalshi
     * refuses a duplicate. The result then has {@link OrderAck#recovered()} set if the lookup found it.
     *
     * <p>An answer that cannot be read (not JSON, empty, no {@code order_id}) is just as ambiguous: the order may
     * be live. It is looked up the same way and adopted if found; it is never reported as a rejection.
     *
     * @throws DuplicateClientOrderIdException 409: the id is taken (and the lookup did not find the order)
     * @throws KalshiOrderRejectedException    the venue refused the order (an error code in the body)
     * @throws TransportException              the outcome is still unknown after the lookup and one re-send
     * @throws ResponseDecodingException       the answer was unreadable and the lookup did not find the order: the
     *                                         outcome is unknown; look the order up again before any re-send
     */
    public OrderAck createOrder(KalshiOrderRequest request) {
        requireAuth("createOrder");
        Objects.requireNonNull(request, "request");
        try {
            return postCreate(request);
        } catch (ResponseDecodingException unreadable) {
            // The venue answered, so it saw the order; a re-send would at best meet a 409. Adopt it if it is there.
            LOG.warn("kalshi createOrder {}: the answer could not be read; looking it up by client order id",
                request.clientOrderId());
            return lookupAfter(unreadable, request).map(KalshiClient::recoveredAck).orElseThrow(() -> unreadable);
        } catch (TransportException ambiguous) {
            LOG.warn("kalshi createOrder {}: {} ({}); looking it up by client order id before any re-send",
                request.clientOrderId(), ambiguous.timedOut() ? "timed out" : "connection failed",
                ambiguous.getClass().getSimpleName());
            Optional<KalshiOrder> found = lookupAfter(ambiguous, request);
            if (found.isPresent()) {
                return recoveredAck(found.get());
            }
            try {
                return postCreate(request);
            } catch (DuplicateClientOrderIdException duplicate) {
                Optional<KalshiOrder> late = lookupAfter(duplicate, request);
                if (late.isPresent()) {
                    return recoveredAck(late.get());
                }
                throw duplicate;
            }
        }
    }

    private Optional<KalshiOrder> lookupAfter(RuntimeException failure, KalshiOrderRequest request) {
        try {
            return findOrderByClientOrderId(request.ticker(), request.clientOrderId());
        } catch (RuntimeException lookupFailed) {
            failure.addSuppressed(lookupFailed);
            throw failure;
        }
    }

    private static OrderAck recoveredAck(KalshiOrder order) {
        return new OrderAck(order.orderId(), order.clientOrderId().orElse(null), order.fillCount(),
            order.remainingCount(), Optional.empty(), Optional.empty(), 0, true);
    }

    private OrderAck postCreate(KalshiOrderRequest request) {
        try {
            return write(KalshiRateLimits.CREATE_ORDER, "POST " + ORDERS_V2, () -> rest.post(ORDERS_V2)
                .operation(KalshiRateLimits.CREATE_ORDER).endpointGroup(WRITE)
                .weight(limits.cost(KalshiRateLimits.CREATE_ORDER)).jsonBody(request.toJson()),
                root -> KalshiPayloads.orderAck(root, "create order " + request.clientOrderId()));
        } catch (DuplicateClientOrderIdException e) {
            throw new DuplicateClientOrderIdException(e.error(), request.clientOrderId());
        }
    }

    /** Cancels an order; {@code ticker} routes it to the right shard (an id alone goes to shard 0). */
    public CancelAck cancelOrder(String orderId, String ticker) {
        requireAuth("cancelOrder");
        String path = ORDERS_V2 + "/" + segment("orderId", orderId);
        return write(KalshiRateLimits.CANCEL_ORDER, "DELETE " + ORDERS_V2 + "/{order_id}", () -> rest.delete(path)
            .operation(KalshiRateLimits.CANCEL_ORDER).endpointGroup(WRITE)
            .weight(limits.cost(KalshiRateLimits.CANCEL_ORDER)).query("market_ticker", ticker),
            root -> requireSameOrder(orderId, KalshiPayloads.cancelAck(root, "cancel order " + orderId), CancelAck::orderId,
                "cancel"));
    }

    public AmendAck amendOrder(String orderId, OrderAmendment amendment) {
        requireAuth("amendOrder");
        Objects.requireNonNull(amendment, "amendment");
        String path = ORDERS_V2 + "/" + segment("orderId", orderId) + "/amend";
        return write(KalshiRateLimits.AMEND_ORDER, "POST " + ORDERS_V2 + "/{order_id}/amend", () -> rest.post(path)
            .operation(KalshiRateLimits.AMEND_ORDER).endpointGroup(WRITE)
            .weight(limits.cost(KalshiRateLimits.AMEND_ORDER)).jsonBody(amendment.toJson()),
            root -> requireSameOrder(orderId, KalshiPayloads.amendAck(root, "amend order " + orderId), AmendAck::orderId,
                "amend"));
    }

    /** Takes {@code reduceBy} contracts off a resting order. */
    public AmendAck decreaseOrderBy(String orderId, String ticker, Quantity reduceBy) {
        return decrease(orderId, ticker, "reduce_by", reduceBy);
    }

    /** Leaves {@code reduceTo} contracts resting. */
    public AmendAck decreaseOrderTo(String orderId, String ticker, Quantity reduceTo) {
        return decrease(orderId, ticker, "reduce_to", reduceTo);
    }

    private AmendAck decrease(String orderId, String ticker, String field, Quantity amount) {
        requireAuth("decreaseOrder");
        Objects.requireNonNull(amount, field);
        if (field.equals("reduce_by") && amount.isZero()) {
            throw new InvalidKalshiOrderException(field, amount, "must be positive");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(field, amount.withPrecision(KalshiInstruments.SIZE_PRECISION, java.math.RoundingMode.UNNECESSARY)
            .toString());
        if (ticker != null) {
            body.put("market_ticker", ticker);
        }
        String path = ORDERS_V2 + "/" + segment("orderId", orderId) + "/decrease";
        return write(KalshiRateLimits.DECREASE_ORDER, "POST " + ORDERS_V2 + "/{order_id}/decrease", () -> rest.post(path)
            .operation(KalshiRateLimits.DECREASE_ORDER).endpointGroup(WRITE)
            .weight(limits.cost(KalshiRateLimits.DECREASE_ORDER)).jsonBody(body),
            root -> requireSameOrder(orderId, KalshiPayloads.amendAck(root, "decrease order " + orderId),
                AmendAck::orderId, "decrease"));
    }

    /**
     * Creates several orders in one call; each entry succeeds or fails on its own. The whole batch must fit the
     * Write bucket at once (Kalshi rejects it otherwise), so a batch costing more than its capacity is refused
     * before sending, as are duplicate client order ids within the batch.
     */
    public List<BatchResult<OrderAck>> batchCreateOrders(List<KalshiOrderRequest> orders) {
        requireAuth("batchCreateOrders");
        int cost = batchCost(orders.size(), KalshiRateLimits.BATCH_CREATE_PER_ORDER);
        Map<String, Integer> seen = new HashMap<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            Integer earlier = seen.put(orders.get(i).clientOrderId(), i);
            if (earlier != null) {
                throw new InvalidKalshiOrderException("orders[" + i + "].client_order_id",
                    orders.get(i).clientOrderId(), "repeats orders[" + earlier + "]");
            }
            bodies.add(orders.get(i).toJson());
        }
        return write(KalshiRateLimits.BATCH_CREATE_PER_ORDER, "POST " + ORDERS_V2 + "/batched",
            () -> rest.post(ORDERS_V2 + "/batched").operation(KalshiRateLimits.BATCH_CREATE_PER_ORDER)
                .endpointGroup(WRITE).weight(cost).jsonBody(Map.of("orders", bodies)), root -> {
                List<BatchResult<OrderAck>> results = new ArrayList<>();
                JsonNode entries = KalshiPayloads.array(root, "orders", "batch create");
                if (entries.size() != orders.size()) {
                    throw KalshiPayloads.malformed("batch create", "orders", "has " + entries.size()
                        + " entries for " + orders.size() + " orders sent");
                }
                for (int i = 0; i < entries.size(); i++) {
                    JsonNode entry = entries.get(i);
                    String key = orders.get(i).clientOrderId();
                    VenueError error = entryError(entry);
                    results.add(error != null ? new BatchResult<>(key, Optional.empty(), Optional.of(error))
                        : new BatchResult<>(key, Optional.of(KalshiPayloads.orderAck(entry, "batch create entry " + i)),
                            Optional.empty()));
                }
                return results;
            });
    }

    /** Cancels several orders; {@code orders} maps order id to ticker (null = not routed). */
    public List<BatchResult<CancelAck>> batchCancelOrders(Map<String, String> orders) {
        requireAuth("batchCancelOrders");
        int cost = batchCost(orders.size(), KalshiRateLimits.BATCH_CANCEL_PER_ORDER);
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        orders.forEach((id, ticker) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("order_id", segment("orderId", id));
            if (ticker != null) {
                entry.put("market_ticker", ticker);
            }
            bodies.add(entry);
            ids.add(id);
        });
        return write(KalshiRateLimits.BATCH_CANCEL_PER_ORDER, "DELETE " + ORDERS_V2 + "/batched",
            () -> rest.delete(ORDERS_V2 + "/batched").operation(KalshiRateLimits.BATCH_CANCEL_PER_ORDER)
                .endpointGroup(WRITE).weight(cost).jsonBody(Map.of("orders", bodies)), root -> {
                List<BatchResult<CancelAck>> results = new ArrayList<>();
                JsonNode entries = KalshiPayloads.array(root, "orders", "batch cancel");
                for (int i = 0; i < entries.size(); i++) {
                    JsonNode entry = entries.get(i);
                    String key = KalshiPayloads.optText(entry, "order_id") != null ? entry.get("order_id").asText()
                        : i < ids.size() ? ids.get(i) : null;
                    VenueError error = entryError(entry);
                    results.add(error != null ? new BatchResult<>(key, Optional.empty(), Optional.of(error))
                        : new BatchResult<>(key, Optional.of(KalshiPayloads.cancelAck(entry, "batch cancel entry " + i)),
                            Optional.empty()));
                }
                return results;
            });
    }

    /** Cancels every resting order on every shard (of one subaccount, or all when null). */
    public void cancelAllOrders(Integer subaccount) {
        requireAuth("cancelAllOrders");
        withWriteBackoff(KalshiRateLimits.CANCEL_ALL, () -> rest.delete(ORDERS_V2).operation(KalshiRateLimits.CANCEL_ALL)
            .endpointGroup(WRITE).weight(limits.cost(KalshiRateLimits.CANCEL_ALL)).query("subaccount", subaccount)
            .execute());
    }

    // ---------------------------------------------------------------- plumbing

    private int batchCost(int size, String operation) {
        if (size == 0) {
            throw new IllegalArgumentException(operation + ": the batch is empty");
        }
        long cost = (long) size * limits.cost(operation);
        if (cost > limits.writeCapacity()) {
            throw new IllegalArgumentException(operation + ": " + size + " orders cost " + cost
                + " tokens, more than the write bucket's capacity " + limits.writeCapacity()
                + "; Kalshi would reject the whole batch. Split it.");
        }
        return (int) cost;
    }

    private static VenueError entryError(JsonNode entry) {
        JsonNode error = entry.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        return new VenueError(KalshiPayloads.optText(error, "code"), KalshiPayloads.optText(error, "message"),
            KalshiPayloads.optText(error, "details"));
    }

    private static <A> A requireSameOrder(String requested, A ack, Function<A, String> orderId, String action) {
        String answered = orderId.apply(ack);
        if (!requested.equals(answered)) {
            // Kalshi's 2026-05-21 notice: such an answer may describe another order; the action itself was right.
            throw KalshiPayloads.malformed(action + " order " + requested, "order_id", "is " + answered
                + ", not the order acted on; read the order back with order(id)");
        }
        return ack;
    }

    /** A write's answer: the venue's refusal (an {@code error.code} in the body) or the decoded acknowledgement. */
    private record WriteAnswer<T>(VenueError refusal, T ack) {
    }

    /**
     * A write decoded through {@link RestCall#executeJson(Function)}: a body with an {@code error.code} is a
     * {@link KalshiOrderRejectedException} whatever the status; a body of the wrong shape, core's
     * {@code ResponseDecodingException}.
     */
    private <T> T write(String operation, String endpoint, Supplier<RestCall> call, Function<JsonNode, T> decoder) {
        WriteAnswer<T> answer = withWriteBackoff(operation, () -> call.get().executeJson(root -> {
            VenueError error = KalshiPayloads.venueError(root);
            return error != null && error.code() != null ? new WriteAnswer<T>(error, null)
                : new WriteAnswer<>(null, decoder.apply(root));
        }));
        if (answer.refusal() != null) {
            throw new KalshiOrderRejectedException(KalshiErrorMapper.rejection("kalshi", operation, endpoint, 200,
                answer.refusal()));
        }
        return answer.ack();
    }

    /** 429 backoff of a write here: RestClient never repeats a POST/DELETE, and a 429'd write was not executed. */
    private <T> T withWriteBackoff(String operation, Supplier<T> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (RateLimitedException limited) {
                if (attempt > writeRateLimitRetries) {
                    throw limited;
                }
                Duration wait;
                synchronized (random) {
                    wait = writeBackoff.delay(attempt, random);
                }
                LOG.info("kalshi {}: HTTP 429, backing off {} ms (retry {}/{})", operation, wait.toMillis(), attempt,
                    writeRateLimitRetries);
                try {
                    time.sleepNanos(wait.toNanos());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    limited.addSuppressed(e);
                    throw limited;
                }
            }
        }
    }

    private RestCall read(String operation, String path) {
        return rest.get(path).operation(operation).endpointGroup(READ).weight(limits.cost(operation));
    }

    private <T> Stream<T> paged(String listing, Function<String, CursorPage<T>> fetch) {
        return CursorPage.stream(rest.venue(), listing, maxPages, fetch);
    }

    private Stream<KalshiMarket> marketListing(String operation, String path, MarketQuery query) {
        Objects.requireNonNull(query, "query");
        return paged("GET " + path, cursor -> {
            RestCall call = read(operation, path).query("limit", query.pageSize())
                .query("event_ticker", query.eventTicker()).query("series_ticker", query.seriesTicker())
                .query("status", query.status())
                .query("tickers", query.tickers().isEmpty() ? null : String.join(",", query.tickers()))
                .query("min_close_ts", query.minCloseTime() == null ? null : query.minCloseTime().getEpochSecond())
                .query("max_close_ts", query.maxCloseTime() == null ? null : query.maxCloseTime().getEpochSecond())
                .query("cursor", cursor);
            return call.executeJson(root -> CursorPage.of(KalshiPayloads.markets(root.get("markets"), "markets"),
                KalshiPayloads.optText(root, "cursor")));
        });
    }

    private Stream<KalshiTrade> tradeListing(String operation, String path, String ticker, Instant from, Instant to) {
        return paged("GET " + path, cursor -> {
            return read(operation, path).query("limit", 1000).query("ticker", ticker)
                .query("min_ts", from == null ? null : from.getEpochSecond())
                .query("max_ts", to == null ? null : to.getEpochSecond()).query("cursor", cursor).executeJson(root -> {
                    List<KalshiTrade> trades = new ArrayList<>();
                    for (JsonNode t : KalshiPayloads.array(root, "trades", "trades")) {
                        trades.add(KalshiPayloads.trade(t, "ticker"));
                    }
                    return CursorPage.of(trades, KalshiPayloads.optText(root, "cursor"));
                });
        });
    }

    private Stream<KalshiFill> fillListing(String operation, String path, String ticker, String orderId) {
        return paged("GET " + path, cursor -> {
            return read(operation, path).query("limit", 1000).query("ticker", ticker)
                .query("order_id", orderId).query("cursor", cursor).executeJson(root -> {
                    List<KalshiFill> fills = new ArrayList<>();
                    for (JsonNode f : KalshiPayloads.array(root, "fills", "fills")) {
                        fills.add(KalshiPayloads.fill(f));
                    }
                    return CursorPage.of(fills, KalshiPayloads.optText(root, "cursor"));
                });
        });
    }

    private Stream<KalshiOrder> orderListing(String operation, String path, String ticker, String status) {
        return paged("GET " + path, cursor -> {
            return read(operation, path).query("limit", 1000).query("ticker", ticker).query("status", status)
                .query("cursor", cursor).executeJson(root -> {
                    List<KalshiOrder> orders = new ArrayList<>();
                    for (JsonNode o : KalshiPayloads.array(root, "orders", "orders")) {
                        orders.add(KalshiPayloads.order(o));
                    }
                    return CursorPage.of(orders, KalshiPayloads.optText(root, "cursor"));
                });
        });
    }

    private List<Candlestick> candles(String operation, String path, String ticker, Instant start, Instant end,
                                      Candlestick.Interval interval) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(interval, "interval");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("candlesticks: end " + end + " must be after start " + start);
        }
        return read(operation, path).query("start_ts", start.getEpochSecond())
            .query("end_ts", end.getEpochSecond()).query("period_interval", interval.minutes()).executeJson(root -> {
                List<Candlestick> candles = new ArrayList<>();
                for (JsonNode c : KalshiPayloads.array(root, "candlesticks", "candlesticks of " + ticker)) {
                    candles.add(KalshiPayloads.candlestick(c, ticker));
                }
                return candles;
            });
    }

    private void requireAuth(String operation) {
        if (!authenticated) {
            throw new IllegalStateException(operation + " needs a KalshiSigner: build the client with signer(...)");
        }
    }

    private static String segment(String field, String value) {
        Objects.requireNonNull(value, field);
        if (!PATH_SEGMENT.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1-128 letters, digits, '.', '-' or '_', was \""
                + value + "\"");
        }
        return value;
    }

    @Override
    public String toString() {
        return "KalshiClient[" + rest.venue() + ", " + (authenticated ? "signed" : "public") + ", " + limits + "]";
    }

    /**
     * Configures a {@link KalshiClient}. Each option is set at most once; {@link #environment} and {@link #baseUrl}
     * are exclusive, and a read timeout longer than the call timeout is refused.
     */
    public static final class Builder {
        private KalshiEnvironment environment;
        private String baseUrl;
        private KalshiSigner signer;
        private KalshiRateLimits limits = KalshiRateLimits.basic();
        private RetryPolicy retry = RetryPolicy.defaults();
        private TimeSource time = TimeSource.system();
        private long seed = 1;
        private int maxPages = 10_000;
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(30);
        private OkHttpClient okHttp;
        private final GivenOptions given = new GivenOptions();

        private Builder() {
        }

        public Builder environment(KalshiEnvironment env) {
            Objects.requireNonNull(env, "environment");
            if (baseUrl != null) {
                throw new IllegalStateException("environment " + env + " conflicts with baseUrl " + baseUrl
                    + ": choose one");
            }
            this.environment = given.first("environment", env);
            return this;
        }

        /** A custom REST base ending in the API root, e.g. a mock server's {@code http://127.0.0.1:1234/trade-api/v2}. */
        public Builder baseUrl(String url) {
            Objects.requireNonNull(url, "baseUrl");
            if (environment != null) {
                throw new IllegalStateException("baseUrl " + url + " conflicts with environment " + environment
                    + ": choose one");
            }
            this.baseUrl = given.first("baseUrl", url);
            return this;
        }

        public Builder signer(KalshiSigner kalshiSigner) {
            this.signer = given.firstOfType("signer", Objects.requireNonNull(kalshiSigner, "signer"));
            return this;
        }

        public Builder rateLimits(KalshiRateLimits rateLimits) {
            this.limits = given.first("rateLimits", Objects.requireNonNull(rateLimits, "rateLimits"));
            return this;
        }

        /** Retries of reads (and 429 backoff of writes: up to {@code maxAttempts - 1} retries). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retry = given.first("retryPolicy", Objects.requireNonNull(policy, "retryPolicy"));
            return this;
        }

        public Builder timeSource(TimeSource source) {
            this.time = given.firstOfType("timeSource", Objects.requireNonNull(source, "timeSource"));
            return this;
        }

        /** Seed of the backoff jitter. */
        public Builder seed(long jitterSeed) {
            this.seed = given.first("seed", jitterSeed);
            return this;
        }

        public Builder maxPages(int pages) {
            if (pages < 1) {
                throw new IllegalArgumentException("maxPages must be >= 1, was " + pages);
            }
            this.maxPages = given.first("maxPages", pages);
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = given.first("readTimeout", Objects.requireNonNull(timeout, "readTimeout"));
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = given.first("callTimeout", Objects.requireNonNull(timeout, "callTimeout"));
            return this;
        }

        public Builder okHttpClient(OkHttpClient client) {
            this.okHttp = given.firstOfType("okHttpClient", Objects.requireNonNull(client, "okHttpClient"));
            return this;
        }

        private String baseUrl() {
            return baseUrl != null ? baseUrl : (environment != null ? environment : KalshiEnvironment.PRODUCTION)
                .restUrl();
        }

        public KalshiClient build() {
            // Zero is OkHttp's "no call timeout"; otherwise a longer read timeout could never fire.
            if (!callTimeout.isZero() && readTimeout.compareTo(callTimeout) > 0) {
                throw new IllegalStateException("readTimeout " + readTimeout + " conflicts with callTimeout "
                    + callTimeout + ": a read cannot outlast the whole call");
            }
            return new KalshiClient(this);
        }
    }
}
