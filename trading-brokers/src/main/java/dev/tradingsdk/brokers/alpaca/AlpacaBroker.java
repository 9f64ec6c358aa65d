package dev.tradingsdk.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.brokers.BarInterval;
import dev.tradingsdk.brokers.Broker;
import dev.tradingsdk.brokers.BrokerAccount;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.BrokerPosition;
import dev.tradingsdk.brokers.ClientOrderIds;
import dev.tradingsdk.brokers.Credentials;
import dev.tradingsdk.brokers.LookupBeforeResend;
import dev.tradingsdk.brokers.OrderChange;
import dev.tradingsdk.brokers.OrderFilter;
import dev.tradingsdk.brokers.TradingMode;
import dev.tradingsdk.brokers.internal.ApiErrors;
import dev.tradingsdk.brokers.internal.Fields;
import dev.tradingsdk.brokers.internal.HttpOptions;
import dev.tradingsdk.brokers.internal.InstrumentCatalog;
import dev.tradingsdk.brokers.internal.OrderSnapshots;
import dev.tradingsdk.brokers.internal.ReduceOnly;
import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.ErrorMapper;
import dev.tradingsdk.core.http.InvalidRequestException;
import dev.tradingsdk.core.http.NotFoundException;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.InvalidOrderException;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.PositionSide;
import dev.tradingsdk.core.time.Clock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's Trading API v2 and Market Data v2 bars and latest quotes. Paper ({@value #PAPER_URL}) by default; live
 * ({@value #LIVE_URL}) needs {@link TradingMode#LIVE}, live keys and {@link Builder#liveTradingEnabled(boolean)}.
 *
 * <p>Keys go in the {@code APCA-API-KEY-ID} / {@code APCA-API-SECRET-KEY} headers;
 * {@link Builder#credentialsFromEnvironment(Map)} reads {@code APCA_API_KEY_ID} / {@code APCA_API_SECRET_KEY}
 * for paper (the names Alpaca's own SDKs read) and {@code APCA_LIVE_API_KEY_ID} / {@code APCA_LIVE_API_SECRET_KEY}
 * for live, so paper keys can never trade live by accident. {@code APCA_API_BASE_URL} and {@code APCA_API_DATA_URL}
 * override the URLs.
 *
 * <p>Orders carry the SDK's {@code client_order_id}; a submit that times out is looked up with
 * {@code GET /v2/orders:by_client_order_id} before any re-send. Brackets use {@code order_class: bracket}; Alpaca
 * names the legs itself, and this adapter reports them under the bracket's own exit ids (a mapping kept in
 * memory: after a restart the legs show Alpaca's ids). Replace is {@code PATCH}, which creates a new order.
 */
public final class AlpacaBroker implements Broker {

    public static final String PAPER_URL = "https://paper-api.alpaca.markets";
    public static final String LIVE_URL = "https://api.alpaca.markets";
    public static final String DATA_URL = "https://data.alpaca.markets";
    public static final String ENV_KEY_ID = "APCA_API_KEY_ID";
    public static final String ENV_SECRET = "APCA_API_SECRET_KEY";
    public static final String ENV_LIVE_KEY_ID = "APCA_LIVE_API_KEY_ID";
    public static final String ENV_LIVE_SECRET = "APCA_LIVE_API_SECRET_KEY";
    public static final String ENV_BASE_URL = "APCA_API_BASE_URL";
    public static final String ENV_DATA_URL = "APCA_API_DATA_URL";

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_BAR_PAGES = 100;
    private static final java.util.regex.Pattern SYMBOL = java.util.regex.Pattern.compile("[A-Za-z0-9.\\-]{1,32}");

    private final String name;
    private final TradingMode mode;
    private final RestClient trading;
    private final RestClient data;
    private final String feed;
    private final Clock clock;
    private final ClientOrderIds ids;
    private final InstrumentCatalog instruments;
    private final int maxSubmitAttempts;
    /** Our exit id to Alpaca's leg client order id, and back. */
    private final Map<ClientOrderId, String> legIds = new ConcurrentHashMap<>();
    private final Map<String, OrderRequest> legRequests = new ConcurrentHashMap<>();
    private final java.util.Set<ClientOrderId> sentIds = ConcurrentHashMap.newKeySet();
    private final FillActivityPnl sessionPnl;

    private AlpacaBroker(Builder b, String baseUrl, String dataUrl) {
        this.name = b.name;
        this.mode = b.mode;
        this.feed = b.feed;
        this.clock = b.clock;
        this.ids = ClientOrderIds.of(b.idPrefix, b.clock, new java.security.SecureRandom());
        this.instruments = new InstrumentCatalog(b.defaultInstrument);
        b.instruments.forEach(instruments::add);
        this.sessionPnl = new FillActivityPnl(instruments, new FillActivities());
        this.maxSubmitAttempts = b.maxSubmitAttempts;
        ErrorMapper errors = AlpacaBroker::mapError;
        this.trading = b.http.client(name, baseUrl, errors)
                .defaultHeader("APCA-API-KEY-ID", b.credentials.keyId())
                .defaultHeader("APCA-API-SECRET-KEY", b.credentials.secret().reveal()).build();
        this.data = b.http.client(name + "-data", dataUrl, errors)
                .okHttpClient(trading.okHttpClient())
                .defaultHeader("APCA-API-KEY-ID", b.credentials.keyId())
                .defaultHeader("APCA-API-SECRET-KEY", b.credentials.secret().reveal()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A 403 with a 4031xxxx code is a trading refusal (funds, shares, shorting), not a credentials problem. */
    private static ApiException mapError(dev.tradingsdk.core.http.ErrorResponse response) {
        ApiException e = ErrorMapper.standard().map(response);
        if (response.httpStatus() == 403 && !e.venueCode().orElse("").startsWith("401")) {
            return new InvalidRequestException(e.error());
        }
        return e;
    }

    /** US equities as Alpaca trades them by default: whole shares, cents; configure fractional ones. */
    public static Instrument usEquity(String symbol) {
        return Instrument.builder(symbol, Venue.of("ALPACA")).assetClass(AssetClass.EQUITY)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();
    }

    // ---- Broker ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public TradingMode mode() {
        return mode;
    }

    @Override
    public ClientOrderId nextClientOrderId() {
        return ids.next();
    }

    /**
     * Cash, equity, buying power and initial margin as Alpaca reports them; unrealized P&amp;L summed over the
     * positions. Alpaca reports no realized P&amp;L, so it is computed from its {@code FILL} activities since this
     * broker's first account read (see the README's Limits): the positions then are the session's start, each fill
     * listed since is booked through core's {@code PositionLedger}, and the result is reported only while the booked
     * sizes equal the positions Alpaca reports, else {@link BrokerAccount#realizedPnlUnknown()} says why not.
     */
    @Override
    public BrokerAccount account() {
        JsonNode a = call("account", () -> trading.get("/v2/account").operation("account").executeJson());
        List<BrokerPosition> positions = positions();
        BrokerAccount reported = parse("account", () -> {
            Currency currency = currency(Fields.text(a, "currency"));
            Money unrealized = Money.zero(currency);
            for (BrokerPosition p : positions) {
                unrealized = unrealized.plus(p.unrealizedPnl());
            }
            BigDecimal margin = Fields.optionalDecimal(a, "initial_margin");
            return new BrokerAccount(Fields.text(a, "account_number"), currency,
                    Money.of(Fields.decimal(a, "cash"), currency), Money.of(Fields.decimal(a, "equity"), currency),
                    Money.of(Fields.decimal(a, "buying_power"), currency),
                    Money.of(margin == null ? BigDecimal.ZERO : margin, currency), Money.zero(currency), unrealized);
        });
        FillActivityPnl.Result realized;
        try {
            synchronized (sessionPnl) {
                realized = sessionPnl.read(reported.accountId(), reported.currency(), positions, this::positions);
            }
        } catch (BrokerException e) {
            realized = FillActivityPnl.Result.unknown("the FILL activities could not be read: " + e.getMessage());
        }
        if (realized.unknownReason() != null) {
            LOG.warn("{}: realized P&L unknown: {}", name, realized.unknownReason());
        }
        return new BrokerAccount(reported.accountId(), reported.currency(), reported.cash(), reported.equity(),
                reported.buyingPower(), reported.marginUsed(),
                realized.realized() == null ? Money.zero(reported.currency()) : realized.realized(),
                reported.unrealizedPnl(), Optional.ofNullable(realized.unknownReason()));
    }

    /** Alpaca's FILL activities, read for the session's realized P&amp;L. */
    private final class FillActivities implements FillActivityPnl.Activities {
        @Override
        public String newestId() {
            JsonNode list = call("activities", () -> trading.get("/v2/account/activities/FILL")
                    .operation("activities").query("direction", "desc").query("page_size", 1).executeJson());
            return list.isArray() && !list.isEmpty() ? parse("activities", () -> Fields.text(list.get(0), "id"))
                    : null;
        }

        @Override
        public JsonNode after(String pageToken) {
            return call("activities", () -> trading.get("/v2/account/activities/FILL").operation("activities")
                    .query("direction", "asc").query("page_size", FillActivityPnl.PAGE_SIZE)
                    .query("page_token", pageToken).executeJson());
        }
    }

    private static Currency currency(String code) {
        return "USD".equals(code) ? Currency.USD : Currency.of(code);
    }

    @Override
    public List<BrokerPosition> positions() {
        JsonNode list = call("positions", () -> trading.get("/v2/positions").operation("positions").executeJson());
        return parse("positions", () -> {
            List<BrokerPosition> out = new ArrayList<>();
            for (JsonNode p : list) {
                Instrument instrument = instruments.resolve(Fields.text(p, "symbol"));
                BigDecimal qty = Fields.decimal(p, "qty");
                boolean isShort = "short".equals(Fields.optionalText(p, "side")) || qty.signum() < 0;
                Currency ccy = instrument.quoteCurrency();
                out.add(new BrokerPosition(instrument, isShort ? PositionSide.SHORT : PositionSide.LONG,
                        Fields.quantity(qty.abs(), instrument.sizePrecision()),
                        Fields.price(Fields.decimal(p, "avg_entry_price"), instrument.pricePrecision()),
                        Fields.price(Fields.decimal(p, "current_price"), instrument.pricePrecision()),
                        Money.of(Fields.decimal(p, "market_value"), ccy),
                        Money.of(Fields.decimal(p, "unrealized_pl"), ccy)));
            }
            return out;
        });
    }

    @Override
    public GatewayCapabilities capabilities() {
        return new GatewayCapabilities(EnumSet.allOf(OrderType.class), EnumSet.of(TimeInForce.DAY, TimeInForce.GTC,
                TimeInForce.IOC, TimeInForce.FOK), true, false, true, true);
    }

    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        ObjectNode body = orderBody(request);
        String refusal = request.reduceOnly() ? ReduceOnly.refusal(request, positions()) : null;
        claim(request.clientOrderId());
        instruments.add(request.instrument());
        if (refusal != null) {
            return localRejection(request, refusal);
        }
        try {
            return sendOrder("submit", request, body).get(0);
        } catch (BrokerException e) {
            release(e, List.of(request));
            throw e;
        }
    }

    /** A send that certainly placed nothing frees its ids for a retry; an unknown outcome keeps them claimed. */
    private void release(BrokerException e, List<OrderRequest> orders) {
        if (e.type() != BrokerException.Type.UNKNOWN) {
            orders.forEach(r -> sentIds.remove(r.clientOrderId()));
        }
    }

    /** Ids are claimed before sending, so an id can never go to the venue twice from this process. */
    private void claim(ClientOrderId id) {
        if (!sentIds.add(id)) {
            throw new IllegalArgumentException("clientOrderId " + id + " was already used");
        }
    }

    private Order localRejection(OrderRequest request, String reason) {
        Instant now = clock.now();
        Order order = new Order(request, now);
        order.markRejected(reason, now);
        return order;
    }

    @Override
    public List<Order> submit(BracketOrder bracket) {
        Objects.requireNonNull(bracket, "bracket");
        OrderRequest entry = bracket.entry();
        if (entry.timeInForce() != TimeInForce.DAY && entry.timeInForce() != TimeInForce.GTC) {
            throw new InvalidOrderException("timeInForce", entry.timeInForce(),
                    "must be DAY or GTC for an Alpaca bracket");
        }
        ObjectNode body = orderBody(entry);
        body.put("order_class", "bracket");
        body.putObject("take_profit").put("limit_price", bracket.takeProfit().limitPrice().orElseThrow().toString());
        ObjectNode stop = body.putObject("stop_loss");
        stop.put("stop_price", bracket.stopLoss().stopPrice().orElseThrow().toString());
        bracket.stopLoss().limitPrice().ifPresent(p -> stop.put("limit_price", p.toString()));
        for (OrderRequest r : List.of(entry, bracket.takeProfit(), bracket.stopLoss())) {
            if (sentIds.contains(r.clientOrderId())) {
                throw new IllegalArgumentException("clientOrderId " + r.clientOrderId() + " was already used");
            }
        }
        List.of(entry, bracket.takeProfit(), bracket.stopLoss()).forEach(r -> claim(r.clientOrderId()));
        instruments.add(entry.instrument());
        List<Order> orders;
        try {
            orders = sendOrder("submitBracket", entry, body);
        } catch (BrokerException e) {
            release(e, List.of(entry, bracket.takeProfit(), bracket.stopLoss()));
            throw e;
        }
        List<Order> out = new ArrayList<>(3);
        out.add(orders.get(0));
        out.add(adoptLeg(orders, bracket.takeProfit(), OrderType.LIMIT));
        out.add(adoptLeg(orders, bracket.stopLoss(), bracket.stopLoss().type()));
        return out;
    }

    /** Finds the leg of {@code type} Alpaca created for {@code exit} and reports it under the exit's id. */
    private Order adoptLeg(List<Order> orders, OrderRequest exit, OrderType type) {
        for (int i = 1; i < orders.size(); i++) {
            Order leg = orders.get(i);
            boolean matches = type == OrderType.LIMIT ? leg.request().type() == OrderType.LIMIT
                    : leg.request().type().hasStopPrice();
            if (matches) {
                String alpacaId = leg.clientOrderId().value();
                legIds.put(exit.clientOrderId(), alpacaId);
                legRequests.put(alpacaId, exit);
                return relabel(leg, exit);
            }
        }
        if (orders.get(0).status() == OrderStatus.REJECTED) {
            Order rejected = new Order(exit, clock.now());
            rejected.markRejected("bracket entry rejected: " + orders.get(0).reason(), clock.now());
            return rejected;
        }
        throw BrokerException.builder(BrokerException.Type.UNKNOWN, name, "submitBracket")
                .message("Alpaca's bracket response has no " + type + " leg").context("clientOrderId",
                        orders.get(0).clientOrderId()).build();
    }

    private static Order relabel(Order leg, OrderRequest exit) {
        return OrderSnapshots.of(exit, leg.updatedAt(), leg.updatedAt(), leg.venueOrderId().orElse(""),
                leg.status(), leg.filledQuantity().toBigDecimal(),
                leg.averageFillPrice().map(Price::toBigDecimal).orElse(null), leg.reason());
    }

    private List<Order> sendOrder(String operation, OrderRequest request, ObjectNode body) {
        ClientOrderId id = request.clientOrderId();
        Supplier<List<Order>> send = () -> {
            try {
                JsonNode o = trading.post("/v2/orders").operation(operation).jsonBody(body).executeJson();
                return parse(operation, () -> withLegs(o));
            } catch (InvalidRequestException | NotFoundException e) {
                if (e.venueMessage().orElse("").contains("client_order_id must be unique")) {
                    throw new IllegalArgumentException("clientOrderId " + id + " was already used (Alpaca: "
                            + e.venueMessage().get() + ")", e);
                }
                return List.of(rejected(request, e));
            }
        };
        Supplier<Optional<List<Order>>> lookup = () -> findByClientId(id).map(this::withLegs);
        try {
            return LookupBeforeResend.submit(name, operation, id, maxSubmitAttempts, send, lookup);
        } catch (ApiException e) {
            throw ApiErrors.builder(e, name, operation).context("clientOrderId", id).build();
        }
    }

    private Order rejected(OrderRequest request, ApiException e) {
        Instant now = clock.now();
        Order order = new Order(request, now);
        order.markSubmitted(now);
        order.markRejected(ApiErrors.typeOf(e) + " " + e.venueCode().map(c -> "(" + c + ") ").orElse("")
                + e.venueMessage().orElse("HTTP " + e.httpStatus()), now);
        LOG.info("{} refused {}: {}", name, request.clientOrderId(), order.reason());
        return order;
    }

    private ObjectNode orderBody(OrderRequest r) {
        if (r.postOnly()) {
            throw new InvalidOrderException("postOnly", true, "Alpaca has no post-only orders");
        }
        ObjectNode body = JSON.objectNode();
        body.put("symbol", r.instrument().symbol());
        body.put("qty", r.quantity().toString());
        body.put("side", r.side().name().toLowerCase(Locale.ROOT));
        body.put("type", r.type().name().toLowerCase(Locale.ROOT));
        body.put("time_in_force", tif(r.timeInForce()));
        r.limitPrice().ifPresent(p -> body.put("limit_price", p.toString()));
        r.stopPrice().ifPresent(p -> body.put("stop_price", p.toString()));
        body.put("client_order_id", r.clientOrderId().value());
        if (r.reduceOnly()) {
            body.put("position_intent", r.side() == Side.BUY ? "buy_to_close" : "sell_to_close");
        }
        return body;
    }

    private static String tif(TimeInForce tif) {
        return switch (tif) {
            case DAY -> "day";
            case GTC -> "gtc";
            case IOC -> "ioc";
            case FOK -> "fok";
            case GTD -> throw new InvalidOrderException("timeInForce", tif, "Alpaca has no GTD orders; use DAY or GTC");
        };
    }

    private Optional<JsonNode> findByClientId(ClientOrderId id) {
        String alpacaId = legIds.getOrDefault(id, id.value());
        try {
            return Optional.of(trading.get("/v2/orders:by_client_order_id").operation("orderByClientId")
                    .query("client_order_id", alpacaId).executeJson());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Order> order(ClientOrderId id) {
        Optional<JsonNode> found = call("order", () -> findByClientId(id));
        return found.map(o -> parse("order", () -> toOrder(o, false)));
    }

    @Override
    public boolean cancel(ClientOrderId id) {
        Optional<JsonNode> found = call("cancel", () -> findByClientId(id));
        if (found.isEmpty()) {
            return false;
        }
        Order order = parse("cancel", () -> toOrder(found.get(), false));
        if (order.status().isTerminal()) {
            return false;
        }
        String venueId = Fields.text(found.get(), "id");
        try {
            trading.delete("/v2/orders/" + venueId).operation("cancel").execute();
            return true;
        } catch (InvalidRequestException | NotFoundException e) {
            LOG.info("{} cannot cancel {}: {}", name, id, e.venueMessage().orElse("HTTP " + e.httpStatus()));
            return false;
        } catch (ApiException e) {
            throw ApiErrors.builder(e, name, "cancel").context("clientOrderId", id).build();
        }
    }

    @Override
    public Order replace(ClientOrderId id, OrderChange change) {
        Objects.requireNonNull(change, "change");
        if (legIds.containsKey(id)) {
            throw BrokerException.builder(BrokerException.Type.REJECTED, name, "replace")
                    .message("order " + id + " is a bracket leg; Alpaca replaces legs under their own ids")
                    .context("clientOrderId", id).build();
        }
        JsonNode found = call("replace", () -> findByClientId(id)).orElseThrow(() ->
                BrokerException.builder(BrokerException.Type.REJECTED, name, "replace")
                        .message("unknown order " + id).context("clientOrderId", id).build());
        Order old = parse("replace", () -> toOrder(found, false));
        ClientOrderId newId = change.newClientOrderId().orElseGet(ids::next);
        OrderRequest replacement = change.applyTo(old.request(), newId);
        ObjectNode body = JSON.objectNode();
        change.quantity().ifPresent(q -> body.put("qty", replacement.quantity().toString()));
        change.limitPrice().ifPresent(p -> body.put("limit_price", p.toString()));
        change.stopPrice().ifPresent(p -> body.put("stop_price", p.toString()));
        change.timeInForce().ifPresent(t -> body.put("time_in_force", tif(t)));
        body.put("client_order_id", newId.value());
        JsonNode o = call("replace", () -> trading.patch("/v2/orders/" + Fields.text(found, "id"))
                .operation("replace").jsonBody(body).executeJson());
        return parse("replace", () -> toOrder(o, false));
    }

    @Override
    public List<Order> orders(OrderFilter filter) {
        String symbols = filter.symbols().isEmpty() ? null
                : String.join(",", new java.util.TreeSet<>(filter.symbols()));
        JsonNode list = call("orders", () -> trading.get("/v2/orders").operation("orders")
                .query("status", filter.status().name().toLowerCase(Locale.ROOT)).query("limit", filter.limit())
                .query("after", filter.after()).query("until", filter.until()).query("direction", "desc")
                .query("nested", "true").query("symbols", symbols).executeJson());
        return parse("orders", () -> {
            List<Order> out = new ArrayList<>();
            for (JsonNode o : list) {
                try {
                    out.addAll(withLegs(o));
                } catch (IllegalArgumentException e) {
                    // Orders this SDK cannot represent (trailing stops, notional orders) are left out, not guessed.
                    LOG.warn("{}: skipping order {}: {}", name, Fields.optionalText(o, "client_order_id"),
                            e.getMessage());
                }
            }
            boolean open = filter.status() == OrderFilter.Status.OPEN;
            out.removeIf(o -> open && o.status().isTerminal());
            return out;
        });
    }

    /** The order and, for a bracket, its legs, each under the id the SDK knows it by. */
    private List<Order> withLegs(JsonNode o) {
        List<Order> out = new ArrayList<>();
        out.add(toOrder(o, false));
        JsonNode legs = o.get("legs");
        if (legs != null && legs.isArray()) {
            for (JsonNode leg : legs) {
                out.add(toOrder(leg, true));
            }
        }
        return out;
    }

    private Order toOrder(JsonNode o, boolean leg) {
        String clientId = Fields.text(o, "client_order_id");
        OrderRequest known = legRequests.get(clientId);
        Instrument instrument = known != null ? known.instrument() : instruments.resolve(Fields.text(o, "symbol"));
        OrderRequest request = known != null ? known : request(o, instrument, clientId, leg);
        String status = Fields.text(o, "status");
        String reason = switch (status) {
            case "replaced" -> "replaced by " + Fields.optionalText(o, "replaced_by");
            case "canceled", "done_for_day", "expired", "rejected" -> "alpaca status " + status;
            default -> "";
        };
        return OrderSnapshots.of(request, Fields.optionalInstant(o, "submitted_at"),
                Fields.optionalInstant(o, "updated_at"), Fields.text(o, "id"), status(status),
                Fields.optionalDecimal(o, "filled_qty"), Fields.optionalDecimal(o, "filled_avg_price"), reason);
    }

    private static OrderRequest request(JsonNode o, Instrument instrument, String clientId, boolean leg) {
        BigDecimal qty = Fields.optionalDecimal(o, "qty");
        if (qty == null) {
            throw new IllegalArgumentException("notional orders (no qty) are not supported");
        }
        String type = Fields.text(o, "type");
        OrderRequest.Builder b = OrderRequest.builder(instrument, Side.valueOf(Fields.text(o, "side")
                .toUpperCase(Locale.ROOT))).clientOrderId(clientId)
                .quantity(Quantity.of(qty, instrument.sizePrecision())).reduceOnly(leg);
        switch (type) {
            case "market" -> b.market();
            case "limit" -> b.limit(price(o, "limit_price", instrument));
            case "stop" -> b.stop(price(o, "stop_price", instrument));
            case "stop_limit" -> b.limit(price(o, "limit_price", instrument)).stop(price(o, "stop_price", instrument));
            default -> throw new IllegalArgumentException("order type '" + type + "' is not supported");
        }
        b.timeInForce(switch (Fields.text(o, "time_in_force")) {
            case "gtc" -> TimeInForce.GTC;
            case "ioc" -> TimeInForce.IOC;
            case "fok" -> TimeInForce.FOK;
            default -> TimeInForce.DAY;
        });
        return b.build();
    }

    private static Price price(JsonNode o, String field, Instrument instrument) {
        return Price.of(Fields.decimal(o, field), instrument.pricePrecision());
    }

    static OrderStatus status(String alpaca) {
        return switch (alpaca) {
            case "held" -> OrderStatus.NEW;
            case "pending_new", "accepted_for_bidding" -> OrderStatus.SUBMITTED;
            case "filled" -> OrderStatus.FILLED;
            case "canceled", "replaced", "done_for_day" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            case "rejected" -> OrderStatus.REJECTED;
            // new, accepted, partially_filled, pending_cancel, pending_replace, stopped, suspended, calculated
            default -> OrderStatus.ACCEPTED;
        };
    }

    // ---- market data ----

    @Override
    public boolean supportsBars() {
        return true;
    }

    @Override
    public List<Bar> bars(Instrument instrument, BarInterval interval, Instant from, Instant to) {
        Objects.requireNonNull(instrument, "instrument");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        String symbol = checkedSymbol(instrument, "bars");
        List<Bar> out = new ArrayList<>();
        String pageToken = null;
        for (int page = 0; page < MAX_BAR_PAGES; page++) {
            String token = pageToken;
            JsonNode body = call("bars", () -> data.get("/v2/stocks/" + symbol + "/bars")
                    .operation("bars").query("timeframe", timeframe(interval)).query("start", from)
                    .query("end", to).query("limit", 10_000).query("feed", feed).query("adjustment", "raw")
                    .query("page_token", token).executeJson());
            parse("bars", () -> {
                for (JsonNode bar : body.path("bars")) {
                    Instant open = Instant.parse(Fields.text(bar, "t"));
                    if (open.isBefore(to)) {
                        out.add(new Bar(instrument, open, open.plus(interval.length()),
                                Fields.price(Fields.decimal(bar, "o"), instrument.pricePrecision()),
                                Fields.price(Fields.decimal(bar, "h"), instrument.pricePrecision()),
                                Fields.price(Fields.decimal(bar, "l"), instrument.pricePrecision()),
                                Fields.price(Fields.decimal(bar, "c"), instrument.pricePrecision()),
                                Fields.quantity(Fields.decimal(bar, "v"), instrument.sizePrecision())));
                    }
                }
                return null;
            });
            pageToken = Fields.optionalText(body, "next_page_token");
            if (pageToken == null || pageToken.isEmpty()) {
                return out;
            }
        }
        throw BrokerException.builder(BrokerException.Type.UNKNOWN, name, "bars")
                .message("more than " + MAX_BAR_PAGES + " pages of bars; ask for a shorter range")
                .context("symbol", instrument.symbol()).build();
    }

    private static String checkedSymbol(Instrument instrument, String what) {
        String symbol = instrument.symbol();
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must be letters, digits, '.' or '-' for Alpaca " + what
                    + ", was \"" + symbol + "\"");
        }
        return symbol;
    }

    @Override
    public boolean supportsQuotes() {
        return true;
    }

    /**
     * The latest quote of a US equity from Market Data v2 ({@code GET /v2/stocks/quotes/latest?symbols=}, the call
     * Alpaca's own SDKs make for one symbol too), on the configured feed. Prices and sizes are exact at the
     * instrument's precisions. Empty when Alpaca has no quote for the symbol, when a side is missing or zero (no
     * two-sided market: outside hours on IEX, a halted or illiquid name) or when the quote is crossed (bid above
     * ask, which no one can trade at); a locked quote (bid equal to ask) is returned. A stale quote keeps its own
     * timestamp: its age is the caller's to judge. A price or size finer than the instrument's precision, a
     * negative one or a malformed field throws {@link BrokerException} naming the field and value.
     */
    @Override
    public Optional<Quote> quote(Instrument instrument) {
        Objects.requireNonNull(instrument, "instrument");
        if (instrument.assetClass() != AssetClass.EQUITY) {
            throw new IllegalArgumentException("instrument " + instrument.symbol() + " must be an EQUITY for Alpaca "
                    + "stock quotes, was " + instrument.assetClass());
        }
        String symbol = checkedSymbol(instrument, "quotes");
        JsonNode body = call("quote", () -> data.get("/v2/stocks/quotes/latest").operation("quote")
                .query("symbols", symbol).query("feed", feed).executeJson());
        return parse("quote", () -> {
            JsonNode quotes = body.get("quotes");
            if (quotes == null || !quotes.isObject()) {
                throw new IllegalArgumentException("field 'quotes' is missing or not an object");
            }
            JsonNode q = quotes.get(symbol);
            return q == null || q.isNull() ? Optional.empty() : twoSided(instrument, q);
        });
    }

    private Optional<Quote> twoSided(Instrument instrument, JsonNode q) {
        Instant at = Fields.optionalInstant(q, "t");
        if (at == null) {
            throw new IllegalArgumentException("field 't' is missing");
        }
        BigDecimal bp = nonNegative(q, "bp");
        BigDecimal ap = nonNegative(q, "ap");
        BigDecimal bs = nonNegative(q, "bs");
        BigDecimal as = nonNegative(q, "as");
        if (bp.signum() == 0 || ap.signum() == 0 || bs.signum() == 0 || as.signum() == 0) {
            LOG.debug("{}: no two-sided quote for {} at {}: {}", name, instrument.symbol(), at, q);
            return Optional.empty();
        }
        if (bp.compareTo(ap) > 0) {
            LOG.debug("{}: crossed quote for {} at {}: bid {} above ask {}", name, instrument.symbol(), at,
                    bp.toPlainString(), ap.toPlainString());
            return Optional.empty();
        }
        int pp = instrument.pricePrecision();
        int sp = instrument.sizePrecision();
        String symbol = instrument.symbol();
        return Optional.of(new Quote(instrument, at, Price.of(Fields.onGrid(bp, "bp", pp, symbol), pp),
                Quantity.of(Fields.onGrid(bs, "bs", sp, symbol), sp), Price.of(Fields.onGrid(ap, "ap", pp, symbol), pp),
                Quantity.of(Fields.onGrid(as, "as", sp, symbol), sp)));
    }

    /** A missing field reads as zero (Alpaca leaves out an empty side); a negative one is malformed. */
    private static BigDecimal nonNegative(JsonNode q, String field) {
        BigDecimal d = Fields.optionalDecimal(q, field);
        if (d == null) {
            return BigDecimal.ZERO;
        }
        if (d.signum() < 0) {
            throw new IllegalArgumentException("field '" + field + "' must not be negative, was " + d.toPlainString());
        }
        return d;
    }

    private static String timeframe(BarInterval interval) {
        return switch (interval) {
            case MINUTE_1 -> "1Min";
            case MINUTE_5 -> "5Min";
            case MINUTE_15 -> "15Min";
            case HOUR_1 -> "1Hour";
            case DAY_1 -> "1Day";
        };
    }

    // ---- plumbing ----

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw ApiErrors.of(e, name, operation);
        }
    }

    private <T> T parse(String operation, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw BrokerException.builder(BrokerException.Type.UNKNOWN, name, operation)
                    .message("unexpected response: " + e.getMessage()).cause(e).build();
        }
    }

    @Override
    public String toString() {
        return "AlpacaBroker[" + name + ", " + mode + "]";
    }

    /**
     * Settings; {@link #build()} refuses live without the explicit flag, mixed paper/live URLs and keys read from the
     * environment for another mode. Each option takes one value: a second throws {@link IllegalStateException} naming
     * both (credentials by type only).
     */
    public static final class Builder {
        private final HttpOptions http = new HttpOptions();
        private String name = "alpaca";
        private TradingMode mode = TradingMode.PAPER;
        private boolean liveTradingEnabled;
        private Credentials credentials;
        private TradingMode credentialsMode;
        private String baseUrl;
        private String dataUrl;
        private String feed = "iex";
        private String idPrefix = "sdk";
        private Clock clock = Clock.system();
        private int maxSubmitAttempts = 2;
        private Function<String, Instrument> defaultInstrument = AlpacaBroker::usEquity;
        private final List<Instrument> instruments = new ArrayList<>();

        private Builder() {
        }

        /** The broker's name in errors, logs and account groups; one per account, e.g. {@code alpaca-fund-a}. */
        public Builder name(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, was \"" + value + "\"");
            }
            http.once("name", name, value);
            this.name = value;
            return this;
        }

        public Builder mode(TradingMode value) {
            http.once("mode", mode, value);
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** The explicit second switch live trading needs besides {@link TradingMode#LIVE}. */
        public Builder liveTradingEnabled(boolean enabled) {
            http.once("liveTradingEnabled", liveTradingEnabled, enabled);
            this.liveTradingEnabled = enabled;
            return this;
        }

        public Builder credentials(Credentials value) {
            http.once("credentials", "a Credentials", "a Credentials");
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /**
         * Keys (paper: {@code APCA_API_KEY_ID}/{@code APCA_API_SECRET_KEY}; live: {@code APCA_LIVE_API_KEY_ID}/
         * {@code APCA_LIVE_API_SECRET_KEY}) and URL overrides ({@code APCA_API_BASE_URL}, {@code APCA_API_DATA_URL})
         * from {@code env}, for the mode set so far.
         */
        public Builder credentialsFromEnvironment(Map<String, String> env) {
            boolean live = mode == TradingMode.LIVE;
            Credentials read = Credentials.fromEnvironment(env, live ? ENV_LIVE_KEY_ID : ENV_KEY_ID,
                    live ? ENV_LIVE_SECRET : ENV_SECRET);
            http.once("credentials", "a Credentials", "a Credentials");
            this.credentials = read;
            this.credentialsMode = mode;
            if (env.get(ENV_BASE_URL) != null && !env.get(ENV_BASE_URL).isBlank()) {
                baseUrl(env.get(ENV_BASE_URL).trim());
            }
            if (env.get(ENV_DATA_URL) != null && !env.get(ENV_DATA_URL).isBlank()) {
                dataUrl(env.get(ENV_DATA_URL).trim());
            }
            return this;
        }

        /** The trading API URL; defaults to the mode's ({@value #PAPER_URL} or {@value #LIVE_URL}). */
        public Builder baseUrl(String url) {
            http.once("baseUrl", baseUrl, url);
            this.baseUrl = checkUrl("baseUrl", url);
            return this;
        }

        public Builder dataUrl(String url) {
            http.once("dataUrl", dataUrl, url);
            this.dataUrl = checkUrl("dataUrl", url);
            return this;
        }

        private static String checkUrl(String field, String url) {
            if (url == null || HttpUrl.parse(url) == null) {
                throw new IllegalArgumentException(field + " is not an http(s) URL: \"" + url + "\"");
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        /** Market data feed: {@code iex} (free plans) or {@code sip}. */
        public Builder feed(String value) {
            if (!"iex".equals(value) && !"sip".equals(value)) {
                throw new IllegalArgumentException("feed must be iex or sip, was \"" + value + "\"");
            }
            http.once("feed", feed, value);
            this.feed = value;
            return this;
        }

        /** Prefix of the client order ids {@link #nextClientOrderId()} makes (1-12 letters or digits). */
        public Builder clientOrderIdPrefix(String prefix) {
            http.once("clientOrderIdPrefix", idPrefix, prefix);
            this.idPrefix = prefix;
            return this;
        }

        public Builder clock(Clock source) {
            http.once("clock", "a Clock", "a Clock");
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /** Sends of one order in all, each after a lookup found nothing; default 2. */
        public Builder maxSubmitAttempts(int attempts) {
            if (attempts < 1 || attempts > 5) {
                throw new IllegalArgumentException("maxSubmitAttempts must be in 1..5, was " + attempts);
            }
            http.once("maxSubmitAttempts", maxSubmitAttempts, attempts);
            this.maxSubmitAttempts = attempts;
            return this;
        }

        /** An instrument to report orders and positions of {@code instrument.symbol()} in. */
        public Builder instrument(Instrument instrument) {
            this.instruments.add(Objects.requireNonNull(instrument, "instrument"));
            return this;
        }

        /** How unknown symbols become instruments; default {@link AlpacaBroker#usEquity}. */
        public Builder defaultInstrument(Function<String, Instrument> factory) {
            http.once("defaultInstrument", "a Function", "a Function");
            this.defaultInstrument = Objects.requireNonNull(factory, "defaultInstrument");
            return this;
        }

        /** Retries of idempotent calls (reads, cancels); submits are never retried blindly. */
        public Builder retryPolicy(RetryPolicy policy) {
            http.retryPolicy(policy);
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            http.timeouts(connect, read);
            return this;
        }

        public Builder okHttpClient(OkHttpClient client) {
            http.okHttpClient(client);
            return this;
        }

        public AlpacaBroker build() {
            if (credentials == null) {
                throw new IllegalStateException("credentials are required (credentials(...) or "
                        + "credentialsFromEnvironment(System.getenv()))");
            }
            if (credentialsMode != null && credentialsMode != mode) {
                throw new IllegalStateException("credentialsFromEnvironment read the " + credentialsMode
                        + " keys, which conflicts with mode " + mode + " (set the mode first)");
            }
            if (mode == TradingMode.LIVE && !liveTradingEnabled) {
                throw new IllegalStateException("mode LIVE trades real money and needs liveTradingEnabled(true) too");
            }
            if (mode == TradingMode.PAPER && liveTradingEnabled) {
                throw new IllegalStateException("liveTradingEnabled(true) conflicts with mode PAPER");
            }
            String url = baseUrl != null ? baseUrl : mode == TradingMode.LIVE ? LIVE_URL : PAPER_URL;
            if (mode == TradingMode.PAPER && url.startsWith(LIVE_URL)) {
                throw new IllegalStateException("mode PAPER conflicts with the live baseUrl " + url);
            }
            if (mode == TradingMode.LIVE && url.startsWith(PAPER_URL)) {
                throw new IllegalStateException("mode LIVE conflicts with the paper baseUrl " + url);
            }
            return new AlpacaBroker(this, url, dataUrl != null ? dataUrl : DATA_URL);
        }
    }
}
