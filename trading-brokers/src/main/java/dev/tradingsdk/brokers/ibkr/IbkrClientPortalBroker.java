package dev.tradingsdk.brokers.ibkr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.brokers.Broker;
import dev.tradingsdk.brokers.BrokerAccount;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.BrokerPosition;
import dev.tradingsdk.brokers.ClientOrderIds;
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
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive Brokers through the Client Portal Web API of a local gateway ({@value #DEFAULT_URL} by default). The
 * user logs in to the gateway in a browser; this adapter keeps the session alive ({@link #tickle()},
 * {@link #keepAlive}), calls {@code /iserver/accounts} before anything else, and trades the selected account.
 *
 * <p><b>Confirmations.</b> IBKR answers some orders with questions ({@code [{id, message:[...], messageIds}]})
 * that must be confirmed at {@code /iserver/reply/{id}}, which may ask again. Every message is logged; the adapter
 * confirms only when all of a reply's message ids are in the configured allowlist (empty by default), declines
 * otherwise and reports the order REJECTED with IBKR's text; at most {@code maxReplies} rounds. Acknowledgements
 * come as an object or a one-element array; both are read.
 *
 * <p><b>Paper or live</b> is decided by the account the gateway is logged into; the adapter refuses to trade a
 * live account ({@code isPaper: false}) unless built with {@link TradingMode#LIVE} and the explicit live flag.
 *
 * <p><b>TLS.</b> The gateway's certificate is self-signed; it is trusted only when given to
 * {@link Builder#trustedCertificate(Path)}, and then only that certificate.
 */
public final class IbkrClientPortalBroker implements Broker {

    public static final String DEFAULT_URL = "https://localhost:5000/v1/api";

    private static final Logger LOG = LoggerFactory.getLogger(IbkrClientPortalBroker.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_POSITION_PAGES = 50;
    /** Snapshot fields: last, bid, ask size, ask, bid size. */
    private static final String SNAPSHOT_FIELDS = "31,84,85,86,88";

    private final String name;
    private final TradingMode mode;
    private final RestClient client;
    private final Clock clock;
    private final ClientOrderIds ids;
    private final InstrumentCatalog instruments;
    private final Set<String> autoConfirm;
    private final int maxReplies;
    private final int snapshotPolls;
    private final Duration snapshotPollInterval;
    private final int maxSubmitAttempts;
    private final Map<String, Long> conids = new ConcurrentHashMap<>();
    private final Map<Long, String> symbolsByConid = new ConcurrentHashMap<>();
    private final Map<ClientOrderId, String> venueIds = new ConcurrentHashMap<>();
    private final Map<ClientOrderId, OrderRequest> requests = new ConcurrentHashMap<>();
    private final Map<ClientOrderId, Instant> submittedAt = new ConcurrentHashMap<>();
    /** Bracket exits and their entry: IBKR acknowledges them at once but holds them until the entry fills. */
    private final Map<ClientOrderId, ClientOrderId> parents = new ConcurrentHashMap<>();
    /** Orders rejected before or by the confirmation loop: IBKR never lists them, so they are kept here. */
    private final Map<ClientOrderId, Order> rejected = new ConcurrentHashMap<>();
    private volatile String accountId;
    private volatile boolean portfolioAccountsRead;

    private IbkrClientPortalBroker(Builder b) {
        this.name = b.name;
        this.mode = b.mode;
        this.clock = b.clock;
        this.ids = ClientOrderIds.of(b.idPrefix, b.clock, new java.security.SecureRandom());
        this.instruments = new InstrumentCatalog(b.defaultInstrument);
        b.instruments.forEach(instruments::add);
        this.autoConfirm = Set.copyOf(b.autoConfirm);
        this.maxReplies = b.maxReplies;
        this.snapshotPolls = b.snapshotPolls;
        this.snapshotPollInterval = b.snapshotPollInterval;
        this.maxSubmitAttempts = b.maxSubmitAttempts;
        this.accountId = b.accountId;
        b.conids.forEach((symbol, conid) -> {
            conids.put(symbol, conid);
            symbolsByConid.put(conid, symbol);
        });
        if (b.trustedCertificate != null) {
            OkHttpClient base = b.http.okHttpClientOrNull() != null ? b.http.okHttpClientOrNull() : new OkHttpClient();
            b.http.okHttpClient(GatewayTls.pinned(base.newBuilder(), b.trustedCertificate).build());
        }
        this.client = b.http.client(name, b.baseUrl, ErrorMapper.standard()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** US stocks as IBKR reports them by default: cents, sizes to four decimals (fractional shares). */
    public static Instrument usStock(String symbol) {
        return Instrument.builder(symbol, Venue.of("IBKR")).assetClass(AssetClass.EQUITY).quoteCurrency(Currency.USD)
                .pricePrecision(2).sizePrecision(4).lotSize("1").minSize("1").build();
    }

    // ---- session ----

    /** {@code POST /iserver/auth/status}. */
    public SessionStatus sessionStatus() {
        JsonNode s = call("sessionStatus", () -> client.post("/iserver/auth/status").operation("sessionStatus")
                .executeJson());
        return status(s);
    }

    /** {@code POST /tickle}: keeps the session alive (IBKR wants one about every minute) and reports it. */
    public SessionStatus tickle() {
        JsonNode t = call("tickle", () -> client.post("/tickle").operation("tickle").executeJson());
        return status(t.path("iserver").path("authStatus"));
    }

    private static SessionStatus status(JsonNode s) {
        return new SessionStatus(s.path("authenticated").asBoolean(false), s.path("competing").asBoolean(false),
                s.path("connected").asBoolean(false), s.path("message").asText(""));
    }

    /**
     * Tickles every {@code period} on {@code scheduler} until the returned handle is closed; failures and lost
     * sessions are logged, not thrown, so the keepalive survives a gateway restart.
     */
    public AutoCloseable keepAlive(ScheduledExecutorService scheduler, Duration period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("keepAlive period must be positive, was " + period);
        }
        ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(() -> {
            try {
                SessionStatus s = tickle();
                if (!s.ready()) {
                    LOG.warn("{}: gateway session not ready: {}", name, s);
                }
            } catch (BrokerException e) {
                LOG.warn("{}: tickle failed: {}", name, e.getMessage());
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }

    /** The account traded: configured, or the gateway's selected account; reads /iserver/accounts once. */
    public String accountId() {
        return ensureAccounts();
    }

    private synchronized String ensureAccounts() {
        if (accountId != null && portfolioAccountsRead) {
            return accountId;
        }
        JsonNode a = call("accounts", () -> client.get("/iserver/accounts").operation("accounts").executeJson());
        boolean paper = a.path("isPaper").asBoolean(false);
        if (!paper && mode == TradingMode.PAPER) {
            throw BrokerException.builder(BrokerException.Type.AUTH, name, "accounts")
                    .message("the gateway is logged into a live account (isPaper false) but this broker is PAPER; "
                            + "log in with the paper user, or build with mode LIVE and liveTradingEnabled(true)")
                    .build();
        }
        String selected = a.path("selectedAccount").asText(null);
        if (accountId == null) {
            if (selected == null) {
                throw BrokerException.builder(BrokerException.Type.AUTH, name, "accounts")
                        .message("the gateway reports no selected account; is the session logged in?").build();
            }
            accountId = selected;
        } else {
            boolean known = false;
            for (JsonNode id : a.path("accounts")) {
                known |= id.asText().equals(accountId);
            }
            if (!known) {
                throw BrokerException.builder(BrokerException.Type.AUTH, name, "accounts")
                        .message("account " + accountId + " is not among the gateway's accounts " + a.path("accounts"))
                        .build();
            }
        }
        call("portfolioAccounts", () -> client.get("/portfolio/accounts").operation("portfolioAccounts").execute());
        portfolioAccountsRead = true;
        return accountId;
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

    @Override
    public BrokerAccount account() {
        String acct = ensureAccounts();
        JsonNode ledger = call("account", () -> client.get("/portfolio/" + acct + "/ledger").operation("ledger")
                .executeJson());
        JsonNode summary = call("account", () -> client.get("/portfolio/" + acct + "/summary").operation("summary")
                .executeJson());
        return parse("account", () -> {
            JsonNode base = ledger.has("BASE") ? ledger.get("BASE") : ledger.elements().next();
            Currency ccy = Currency.of(Fields.text(base, "currency").equals("BASE")
                    ? Fields.text(base, "secondkey") : Fields.text(base, "currency"));
            Money cash = Money.of(Fields.decimal(base, "cashbalance"), ccy);
            // IBKR's available funds are equity with loan value minus initial margin: what new positions may use.
            return new BrokerAccount(acct, ccy, cash, Money.of(Fields.decimal(base, "netliquidationvalue"), ccy),
                    summaryAmount(summary, "availablefunds", ccy), summaryAmount(summary, "initmarginreq", ccy),
                    Money.of(Fields.decimal(base, "realizedpnl"), ccy),
                    Money.of(Fields.decimal(base, "unrealizedpnl"), ccy));
        });
    }

    /** A figure of {@code /portfolio/{acct}/summary}: {@code {"amount": ..., "isNull": false, ...}} per key. */
    private static Money summaryAmount(JsonNode summary, String key, Currency currency) {
        JsonNode entry = summary.get(key);
        if (entry == null || !entry.isObject() || entry.path("isNull").asBoolean(false)) {
            throw new IllegalArgumentException("account summary field '" + key + "' is missing");
        }
        return Money.of(Fields.decimal(entry, "amount"), currency);
    }

    @Override
    public List<BrokerPosition> positions() {
        String acct = ensureAccounts();
        List<BrokerPosition> out = new ArrayList<>();
        for (int page = 0; page < MAX_POSITION_PAGES; page++) {
            int p = page;
            JsonNode list = call("positions", () -> client.get("/portfolio/" + acct + "/positions/" + p)
                    .operation("positions").executeJson());
            if (!list.isArray() || list.isEmpty()) {
                return out;
            }
            parse("positions", () -> {
                for (JsonNode pos : list) {
                    BigDecimal size = Fields.decimal(pos, "position");
                    if (size.signum() == 0) {
                        continue;
                    }
                    String symbol = Fields.optionalText(pos, "ticker") != null ? Fields.text(pos, "ticker")
                            : Fields.text(pos, "contractDesc");
                    Instrument instrument = instruments.resolve(symbol);
                    remember(symbol, pos.path("conid").asLong());
                    Currency ccy = instrument.quoteCurrency();
                    out.add(new BrokerPosition(instrument, size.signum() > 0 ? PositionSide.LONG : PositionSide.SHORT,
                            Fields.quantity(size.abs(), instrument.sizePrecision()),
                            Fields.price(Fields.decimal(pos, "avgPrice"), instrument.pricePrecision()),
                            Fields.price(Fields.decimal(pos, "mktPrice"), instrument.pricePrecision()),
                            Money.of(Fields.decimal(pos, "mktValue"), ccy),
                            Money.of(Fields.decimal(pos, "unrealizedPnl"), ccy)));
                }
                return null;
            });
        }
        return out;
    }

    private void remember(String symbol, long conid) {
        if (conid > 0) {
            conids.putIfAbsent(symbol, conid);
            symbolsByConid.putIfAbsent(conid, symbol);
        }
    }

    /** The conid of {@code symbol}: configured, seen before, or from {@code /iserver/secdef/search} (cached). */
    public long conid(String symbol) {
        Long known = conids.get(symbol);
        if (known != null) {
            return known;
        }
        JsonNode found = call("contractSearch", () -> client.get("/iserver/secdef/search").operation("contractSearch")
                .query("symbol", symbol).executeJson());
        JsonNode first = found.isArray() && !found.isEmpty() ? found.get(0) : null;
        if (first == null || first.path("conid").asLong() <= 0) {
            throw BrokerException.builder(BrokerException.Type.REJECTED, name, "contractSearch")
                    .message("no IBKR contract for symbol " + symbol).context("symbol", symbol).build();
        }
        long conid = first.path("conid").asLong();
        remember(symbol, conid);
        return conid;
    }

    @Override
    public GatewayCapabilities capabilities() {
        return new GatewayCapabilities(EnumSet.allOf(OrderType.class), EnumSet.of(TimeInForce.DAY, TimeInForce.GTC,
                TimeInForce.IOC, TimeInForce.FOK), true, false, true, true);
    }

    /** IBKR's order tickets have no reduce-only flag: it is checked against the positions before sending. */
    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        String acct = ensureAccounts();
        ArrayNode tickets = JSON.arrayNode().add(ticket(acct, request, null));
        String refusal = request.reduceOnly() ? ReduceOnly.refusal(request, positions()) : null;
        claim(request);
        instruments.add(request.instrument());
        if (refusal != null) {
            return rejectAll(tickets, refusal).get(0);
        }
        try {
            return place("submit", request, tickets).get(0);
        } catch (BrokerException e) {
            release(e, List.of(request));
            throw e;
        }
    }

    /** A send that certainly placed nothing frees its ids for a retry; an unknown outcome keeps them claimed. */
    private void release(BrokerException e, List<OrderRequest> orders) {
        if (e.type() != BrokerException.Type.UNKNOWN) {
            orders.forEach(r -> requests.remove(r.clientOrderId()));
        }
    }

    /** Ids are claimed before sending, so an id can never go to the gateway twice from this process. */
    private void claim(OrderRequest request) {
        if (requests.putIfAbsent(request.clientOrderId(), request) != null) {
            throw new IllegalArgumentException("clientOrderId " + request.clientOrderId() + " was already used");
        }
    }

    @Override
    public List<Order> submit(BracketOrder bracket) {
        Objects.requireNonNull(bracket, "bracket");
        String acct = ensureAccounts();
        String parent = bracket.entry().clientOrderId().value();
        ArrayNode tickets = JSON.arrayNode().add(ticket(acct, bracket.entry(), null))
                .add(ticket(acct, bracket.takeProfit(), parent)).add(ticket(acct, bracket.stopLoss(), parent));
        for (OrderRequest r : List.of(bracket.entry(), bracket.takeProfit(), bracket.stopLoss())) {
            if (requests.containsKey(r.clientOrderId())) {
                throw new IllegalArgumentException("clientOrderId " + r.clientOrderId() + " was already used");
            }
        }
        List.of(bracket.entry(), bracket.takeProfit(), bracket.stopLoss()).forEach(this::claim);
        parents.put(bracket.takeProfit().clientOrderId(), bracket.entry().clientOrderId());
        parents.put(bracket.stopLoss().clientOrderId(), bracket.entry().clientOrderId());
        instruments.add(bracket.entry().instrument());
        List<Order> placed;
        try {
            placed = place("submitBracket", bracket.entry(), tickets);
        } catch (BrokerException e) {
            release(e, List.of(bracket.entry(), bracket.takeProfit(), bracket.stopLoss()));
            throw e;
        }
        if (placed.get(0).status() == OrderStatus.REJECTED) {
            List<Order> out = new ArrayList<>(List.of(placed.get(0)));
            for (OrderRequest exit : List.of(bracket.takeProfit(), bracket.stopLoss())) {
                Order o = new Order(exit, clock.now());
                o.markRejected("bracket entry rejected: " + placed.get(0).reason(), clock.now());
                out.add(o);
            }
            return out;
        }
        return placed;
    }

    private ObjectNode ticket(String acct, OrderRequest r, String parentId) {
        if (r.postOnly()) {
            throw new InvalidOrderException("postOnly", true, "the IBKR adapter sends no post-only orders");
        }
        ObjectNode t = JSON.objectNode();
        t.put("acctId", acct);
        t.put("conid", conid(r.instrument().symbol()));
        t.put("cOID", r.clientOrderId().value());
        if (parentId != null) {
            t.put("parentId", parentId);
        }
        t.put("orderType", switch (r.type()) {
            case MARKET -> "MKT";
            case LIMIT -> "LMT";
            case STOP -> "STP";
            case STOP_LIMIT -> "STOP_LIMIT";
        });
        t.put("side", r.side().name());
        t.put("quantity", r.quantity().toBigDecimal());
        // IBKR puts a stop order's trigger in "price" and a stop-limit's trigger in "auxPrice".
        if (r.type() == OrderType.STOP) {
            t.put("price", r.stopPrice().orElseThrow().toBigDecimal());
        } else {
            r.limitPrice().ifPresent(p -> t.put("price", p.toBigDecimal()));
            if (r.type() == OrderType.STOP_LIMIT) {
                t.put("auxPrice", r.stopPrice().orElseThrow().toBigDecimal());
            }
        }
        t.put("tif", switch (r.timeInForce()) {
            case DAY -> "DAY";
            case GTC -> "GTC";
            case IOC -> "IOC";
            case FOK -> "FOK";
            case GTD -> throw new InvalidOrderException("timeInForce", TimeInForce.GTD,
                    "the IBKR adapter sends no GTD orders; use DAY or GTC");
        });
        t.put("outsideRTH", false);
        return t;
    }

    private List<Order> place(String operation, OrderRequest entry, ArrayNode tickets) {
        String acct = accountId;
        ObjectNode body = JSON.objectNode();
        body.set("orders", tickets);
        ClientOrderId id = entry.clientOrderId();
        Supplier<List<Order>> send = () -> {
            JsonNode response = client.post("/iserver/account/" + acct + "/orders").operation(operation)
                    .jsonBody(body).executeJson();
            return confirmLoop(operation, tickets, response);
        };
        Supplier<Optional<List<Order>>> lookup = () -> {
            Map<ClientOrderId, Order> live = liveOrders();
            if (!live.containsKey(id)) {
                return Optional.empty();
            }
            List<Order> out = new ArrayList<>();
            for (JsonNode t : tickets) {
                ClientOrderId cid = ClientOrderId.of(t.path("cOID").asText());
                out.add(live.containsKey(cid) ? live.get(cid) : accepted(requests.get(cid), null));
            }
            return Optional.of(out);
        };
        try {
            return LookupBeforeResend.submit(name, operation, id, maxSubmitAttempts, send, lookup);
        } catch (ApiException e) {
            if (e.httpStatus() == 400 || e.httpStatus() == 422) {
                return rejectAll(tickets, "IBKR refused the order: " + e.venueMessage().orElse("HTTP "
                        + e.httpStatus()));
            }
            throw ApiErrors.builder(e, name, operation).context("clientOrderId", id).context("accountId", acct)
                    .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // An answer this adapter cannot read: the order may or may not stand.
            throw BrokerException.builder(BrokerException.Type.UNKNOWN, name, operation)
                    .message("unexpected answer; look the order up before re-sending: " + e.getMessage())
                    .retryable(true).context("clientOrderId", id).context("accountId", acct).cause(e).build();
        }
    }

    /** Answers IBKR's questions until the orders are acknowledged, declined, or the round limit is reached. */
    private List<Order> confirmLoop(String operation, ArrayNode tickets, JsonNode response) {
        JsonNode current = response;
        for (int round = 0; round <= maxReplies; round++) {
            JsonNode first = current.isArray() ? (current.isEmpty() ? null : current.get(0)) : current;
            if (first == null) {
                throw new IllegalStateException("IBKR answered " + operation + " with an empty array");
            }
            if (first.has("order_id")) {
                return acknowledged(tickets, current.isArray() ? current : JSON.arrayNode().add(current));
            }
            if (first.has("error")) {
                return rejectAll(tickets, "IBKR refused the order: " + first.path("error").asText());
            }
            String replyId = Fields.text(first, "id");
            List<String> messageIds = new ArrayList<>();
            first.path("messageIds").forEach(m -> messageIds.add(m.asText()));
            StringBuilder text = new StringBuilder();
            first.path("message").forEach(m -> text.append(text.length() == 0 ? "" : " | ")
                    .append(m.asText().replaceAll("\\s+", " ").trim()));
            boolean confirm = !messageIds.isEmpty() && autoConfirm.containsAll(messageIds);
            LOG.info("{} {}: IBKR asks {} (message ids {}): {} -> {}", name, operation, replyId, messageIds, text,
                    confirm ? "confirming (allowlisted)" : "declining (not allowlisted)");
            if (round == maxReplies) {
                declineQuietly(replyId);
                return rejectAll(tickets, "IBKR asked more than " + maxReplies + " questions; last " + messageIds
                        + ": " + text);
            }
            if (!confirm) {
                declineQuietly(replyId);
                return rejectAll(tickets, "IBKR asked to confirm " + messageIds + ", not in the auto-confirm "
                        + "allowlist: " + text);
            }
            current = client.post("/iserver/reply/" + replyId).operation("reply")
                    .jsonBody(JSON.objectNode().put("confirmed", true)).executeJson();
        }
        throw new IllegalStateException("unreachable: the loop returns by round " + maxReplies);
    }

    private void declineQuietly(String replyId) {
        try {
            client.post("/iserver/reply/" + replyId).operation("reply")
                    .jsonBody(JSON.objectNode().put("confirmed", false)).execute();
        } catch (ApiException e) {
            LOG.warn("{}: declining reply {} failed: {}", name, replyId, e.getMessage());
        }
    }

    private List<Order> acknowledged(ArrayNode tickets, JsonNode acks) {
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            ClientOrderId cid = ClientOrderId.of(tickets.get(i).path("cOID").asText());
            JsonNode ack = i < acks.size() ? acks.get(i) : null;
            String venueId = ack == null ? null : Fields.optionalText(ack, "order_id");
            OrderRequest r = requests.get(cid);
            submittedAt.put(cid, clock.now());
            if (venueId != null) {
                venueIds.put(cid, venueId);
            }
            String status = ack == null ? "" : ack.path("order_status").asText("");
            if (status.equals("Inactive") || status.equals("Cancelled")) {
                Order o = new Order(r, clock.now());
                o.markSubmitted(clock.now());
                o.markRejected("IBKR order status " + status, clock.now());
                out.add(o);
            } else {
                out.add(accepted(r, parents.containsKey(cid) ? null : venueId));
            }
        }
        return out;
    }

    /** An acknowledged order; a bracket child without its own ack is held until the parent fills (NEW). */
    private Order accepted(OrderRequest r, String venueId) {
        return OrderSnapshots.of(r, clock.now(), clock.now(), venueId == null ? "" : venueId,
                venueId == null ? OrderStatus.NEW : OrderStatus.ACCEPTED, null, null, "");
    }

    private List<Order> rejectAll(ArrayNode tickets, String reason) {
        List<Order> out = new ArrayList<>();
        Instant now = clock.now();
        for (JsonNode t : tickets) {
            ClientOrderId cid = ClientOrderId.of(t.path("cOID").asText());
            Order o = new Order(requests.get(cid), now);
            o.markSubmitted(now);
            o.markRejected(reason, now);
            submittedAt.put(cid, now);
            rejected.put(cid, o);
            out.add(o);
        }
        LOG.info("{}: {} rejected: {}", name, tickets.get(0).path("cOID").asText(), reason);
        return out;
    }

    /** Live orders by client order id ({@code order_ref}), from {@code /iserver/account/orders?force=true}. */
    private Map<ClientOrderId, Order> liveOrders() {
        String acct = ensureAccounts();
        JsonNode body = client.get("/iserver/account/orders").operation("orders").query("force", "true")
                .query("accountId", acct).executeJson();
        Map<ClientOrderId, Order> out = new java.util.LinkedHashMap<>();
        for (JsonNode o : body.path("orders")) {
            String ref = Fields.optionalText(o, "order_ref");
            if (ref == null || ref.isEmpty()) {
                continue;
            }
            try {
                ClientOrderId cid = ClientOrderId.of(ref);
                out.put(cid, toOrder(cid, o));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: skipping live order {}: {}", name, o.path("orderId").asText(), e.getMessage());
            }
        }
        for (Map.Entry<ClientOrderId, ClientOrderId> e : parents.entrySet()) {
            Order child = out.get(e.getKey());
            Order parent = out.get(e.getValue());
            if (child != null && child.status() == OrderStatus.ACCEPTED && child.filledQuantity().isZero()
                    && (parent == null || parent.status() != OrderStatus.FILLED)) {
                out.put(e.getKey(), accepted(child.request(), null));
            }
        }
        return out;
    }

    private Order toOrder(ClientOrderId cid, JsonNode o) {
        String venueId = Fields.text(o, "orderId");
        venueIds.putIfAbsent(cid, venueId);
        OrderRequest r = requests.get(cid);
        if (r == null) {
            r = request(cid, o);
        }
        String status = Fields.text(o, "status");
        Instant at = o.has("lastExecutionTime_r") ? Instant.ofEpochMilli(o.path("lastExecutionTime_r").asLong())
                : submittedAt.getOrDefault(cid, clock.now());
        return OrderSnapshots.of(r, submittedAt.getOrDefault(cid, at), at, venueId, status(status),
                Fields.optionalDecimal(o, "filledQuantity"), Fields.optionalDecimal(o, "avgPrice"),
                status.equals("Cancelled") ? "IBKR status Cancelled" : status.equals("Inactive")
                        ? "IBKR status Inactive" : "");
    }

    private OrderRequest request(ClientOrderId cid, JsonNode o) {
        long conid = o.path("conid").asLong();
        String symbol = symbolsByConid.getOrDefault(conid, Fields.text(o, "ticker"));
        Instrument instrument = instruments.resolve(symbol);
        BigDecimal size = Fields.decimal(o, "totalSize");
        OrderRequest.Builder b = OrderRequest.builder(instrument, Side.valueOf(Fields.text(o, "side")
                .toUpperCase(Locale.ROOT))).clientOrderId(cid).quantity(Quantity.of(size, instrument.sizePrecision()));
        String type = Fields.text(o, "origOrderType").toUpperCase(Locale.ROOT).replace(" ", "_");
        switch (type) {
            case "MARKET", "MKT" -> b.market();
            case "LIMIT", "LMT" -> b.limit(Fields.price(Fields.decimal(o, "price"), instrument.pricePrecision()));
            case "STOP", "STP" -> b.stop(Fields.price(Fields.decimal(o, "price"), instrument.pricePrecision()));
            case "STOP_LIMIT", "STOPLIMIT" -> b.limit(Fields.price(Fields.decimal(o, "price"),
                    instrument.pricePrecision())).stop(Fields.price(Fields.decimal(o, "auxPrice"),
                    instrument.pricePrecision()));
            default -> throw new IllegalArgumentException("order type '" + type + "' is not supported");
        }
        b.timeInForce("GTC".equals(Fields.optionalText(o, "timeInForce")) ? TimeInForce.GTC : TimeInForce.DAY);
        return b.build();
    }

    static OrderStatus status(String ibkr) {
        return switch (ibkr) {
            case "Filled" -> OrderStatus.FILLED;
            case "Cancelled" -> OrderStatus.CANCELED;
            case "Inactive" -> OrderStatus.REJECTED;
            case "PendingSubmit", "ApiPending" -> OrderStatus.SUBMITTED;
            // PreSubmitted, Submitted, PendingCancel
            default -> OrderStatus.ACCEPTED;
        };
    }

    @Override
    public Optional<Order> order(ClientOrderId id) {
        Map<ClientOrderId, Order> live = call("order", this::liveOrders);
        if (live.containsKey(id)) {
            return Optional.of(live.get(id));
        }
        if (rejected.containsKey(id)) {
            return Optional.of(rejected.get(id));
        }
        OrderRequest known = requests.get(id);
        if (known != null && !venueIds.containsKey(id) && submittedAt.containsKey(id)) {
            return Optional.of(accepted(known, null));
        }
        return Optional.empty();
    }

    @Override
    public boolean cancel(ClientOrderId id) {
        Optional<Order> order = order(id);
        if (order.isEmpty() || order.get().status().isTerminal() || !venueIds.containsKey(id)) {
            return false;
        }
        String acct = accountId;
        JsonNode r = call("cancel", () -> client.delete("/iserver/account/" + acct + "/order/" + venueIds.get(id))
                .operation("cancel").executeJson());
        if (r.has("error")) {
            LOG.info("{}: cancel of {} refused: {}", name, id, r.path("error").asText());
            return false;
        }
        // {"msg":"Request was submitted"} acknowledges the request only; the status shows the outcome.
        return true;
    }

    /** IBKR modifies the order in place, so the order keeps its client order id; a new id is refused. */
    @Override
    public Order replace(ClientOrderId id, OrderChange change) {
        Objects.requireNonNull(change, "change");
        if (change.newClientOrderId().isPresent()) {
            throw new IllegalArgumentException("IBKR modifies orders in place; newClientOrderId "
                    + change.newClientOrderId().get() + " cannot be used");
        }
        Order old = order(id).orElseThrow(() -> BrokerException.builder(BrokerException.Type.REJECTED, name,
                "replace").message("unknown order " + id).context("clientOrderId", id).build());
        if (!old.status().isOpen() || !venueIds.containsKey(id)) {
            throw BrokerException.builder(BrokerException.Type.REJECTED, name, "replace")
                    .message("order " + id + " is " + old.status() + ", not open").context("clientOrderId", id)
                    .build();
        }
        OrderRequest replacement = change.applyTo(old.request(), id);
        String acct = accountId;
        ObjectNode t = ticket(acct, replacement, null);
        t.remove("cOID");
        JsonNode response = call("replace", () -> client.post("/iserver/account/" + acct + "/order/"
                + venueIds.get(id)).operation("replace").jsonBody(t).executeJson());
        ObjectNode withId = t.deepCopy().put("cOID", id.value());
        OrderRequest previous = requests.put(id, replacement);
        List<Order> result = call("replace", () -> confirmLoop("replace", JSON.arrayNode().add(withId), response));
        if (result.get(0).status() == OrderStatus.REJECTED) {
            requests.put(id, previous);
            throw BrokerException.builder(BrokerException.Type.REJECTED, name, "replace")
                    .message(result.get(0).reason()).context("clientOrderId", id).build();
        }
        return result.get(0);
    }

    @Override
    public List<Order> orders(OrderFilter filter) {
        Map<ClientOrderId, Order> live = call("orders", this::liveOrders);
        List<Order> out = new ArrayList<>();
        for (Map.Entry<ClientOrderId, Order> e : live.entrySet()) {
            Order o = e.getValue();
            if (filter.matches(o.instrument().symbol(), o.status().isOpen(),
                    submittedAt.getOrDefault(e.getKey(), o.updatedAt()))) {
                out.add(o);
            }
        }
        return out.size() > filter.limit() ? List.copyOf(out.subList(0, filter.limit())) : out;
    }

    // ---- market data ----

    @Override
    public boolean supportsQuotes() {
        return true;
    }

    /**
     * A snapshot quote. IBKR's first snapshot of a conid only subscribes it, so the call is repeated (up to
     * {@code snapshotPolls} times, {@code snapshotPollInterval} apart) until bid and ask arrive.
     */
    @Override
    public Optional<Quote> quote(Instrument instrument) {
        ensureAccounts();
        long conid = conid(instrument.symbol());
        for (int poll = 0; poll < snapshotPolls; poll++) {
            JsonNode list = call("quote", () -> client.get("/iserver/marketdata/snapshot").operation("snapshot")
                    .query("conids", conid).query("fields", SNAPSHOT_FIELDS).executeJson());
            for (JsonNode s : list) {
                if (s.path("conid").asLong() == conid && s.has("84") && s.has("86")) {
                    return Optional.of(parse("quote", () -> new Quote(instrument,
                            Instant.ofEpochMilli(s.path("_updated").asLong(clock.now().toEpochMilli())),
                            Fields.price(Fields.decimal(s, "84"), instrument.pricePrecision()),
                            Fields.quantity(orZero(s, "88"), instrument.sizePrecision()),
                            Fields.price(Fields.decimal(s, "86"), instrument.pricePrecision()),
                            Fields.quantity(orZero(s, "85"), instrument.sizePrecision()))));
                }
            }
            if (poll + 1 < snapshotPolls) {
                sleep(snapshotPollInterval);
            }
        }
        return Optional.empty();
    }

    private static BigDecimal orZero(JsonNode node, String field) {
        BigDecimal d = Fields.optionalDecimal(node, field);
        return d == null ? BigDecimal.ZERO : d;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an IBKR snapshot", e);
        }
    }

    // ---- plumbing ----

    private <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            throw ApiErrors.builder(e, name, operation).context("accountId", accountId).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw BrokerException.builder(BrokerException.Type.UNKNOWN, name, operation)
                    .message("unexpected response: " + e.getMessage()).cause(e).build();
        }
    }

    private <T> T parse(String operation, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | ArithmeticException | java.util.NoSuchElementException e) {
            throw BrokerException.builder(BrokerException.Type.UNKNOWN, name, operation)
                    .message("unexpected response: " + e.getMessage()).cause(e).build();
        }
    }

    @Override
    public String toString() {
        return "IbkrClientPortalBroker[" + name + ", " + mode + "]";
    }

    /**
     * Settings; {@link #build()} refuses live without the explicit flag. Each option takes one value: a second throws
     * {@link IllegalStateException} naming both.
     */
    public static final class Builder {
        private final HttpOptions http = new HttpOptions();
        private String name = "ibkr";
        private String baseUrl = DEFAULT_URL;
        private TradingMode mode = TradingMode.PAPER;
        private boolean liveTradingEnabled;
        private String accountId;
        private Path trustedCertificate;
        private final Set<String> autoConfirm = new java.util.TreeSet<>();
        private int maxReplies = 5;
        private int snapshotPolls = 3;
        private Duration snapshotPollInterval = Duration.ofMillis(500);
        private int maxSubmitAttempts = 2;
        private String idPrefix = "sdk";
        private Clock clock = Clock.system();
        private final Map<String, Long> conids = new HashMap<>();
        private Function<String, Instrument> defaultInstrument = IbkrClientPortalBroker::usStock;
        private final List<Instrument> instruments = new ArrayList<>();

        private Builder() {
        }

        public Builder name(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, was \"" + value + "\"");
            }
            http.once("name", name, value);
            this.name = value;
            return this;
        }

        /** The gateway's API root, e.g. {@code https://localhost:5000/v1/api}. */
        public Builder baseUrl(String url) {
            if (url == null || HttpUrl.parse(url) == null) {
                throw new IllegalArgumentException("baseUrl is not an http(s) URL: \"" + url + "\"");
            }
            http.once("baseUrl", baseUrl, url);
            this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return this;
        }

        public Builder mode(TradingMode value) {
            http.once("mode", mode, value);
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        public Builder liveTradingEnabled(boolean enabled) {
            http.once("liveTradingEnabled", liveTradingEnabled, enabled);
            this.liveTradingEnabled = enabled;
            return this;
        }

        /** The account to trade; default the gateway's selected account. */
        public Builder accountId(String id) {
            if (id == null || !id.matches("[A-Za-z0-9]{1,32}")) {
                throw new IllegalArgumentException("accountId must be 1-32 letters or digits, was \"" + id + "\"");
            }
            http.once("accountId", accountId, id);
            this.accountId = id;
            return this;
        }

        /** Trust exactly this PEM certificate (the gateway's self-signed one) and nothing else. */
        public Builder trustedCertificate(Path pem) {
            http.once("trustedCertificate", trustedCertificate, pem);
            this.trustedCertificate = Objects.requireNonNull(pem, "trustedCertificate");
            return this;
        }

        /** Confirmation message ids (e.g. {@code o163}) the adapter may confirm by itself; default none. */
        public Builder autoConfirm(String... messageIds) {
            for (String id : messageIds) {
                if (id == null || !id.matches("[A-Za-z0-9_]{1,16}")) {
                    throw new IllegalArgumentException("autoConfirm message id must be 1-16 letters or digits, was \""
                            + id + "\"");
                }
                autoConfirm.add(id);
            }
            return this;
        }

        public Builder maxReplies(int rounds) {
            if (rounds < 0 || rounds > 10) {
                throw new IllegalArgumentException("maxReplies must be in 0..10, was " + rounds);
            }
            http.once("maxReplies", maxReplies, rounds);
            this.maxReplies = rounds;
            return this;
        }

        public Builder snapshotPolling(int polls, Duration interval) {
            if (polls < 1 || polls > 10 || interval == null || interval.isNegative()) {
                throw new IllegalArgumentException("snapshot polling needs 1..10 polls and a non-negative interval, "
                        + "was " + polls + " every " + interval);
            }
            http.once("snapshotPolling", snapshotPolls + " every " + snapshotPollInterval, polls + " every " + interval);
            this.snapshotPolls = polls;
            this.snapshotPollInterval = interval;
            return this;
        }

        public Builder maxSubmitAttempts(int attempts) {
            if (attempts < 1 || attempts > 5) {
                throw new IllegalArgumentException("maxSubmitAttempts must be in 1..5, was " + attempts);
            }
            http.once("maxSubmitAttempts", maxSubmitAttempts, attempts);
            this.maxSubmitAttempts = attempts;
            return this;
        }

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

        /** The conid of {@code symbol}, saving a contract search. */
        public Builder contract(String symbol, long conid) {
            if (conid <= 0) {
                throw new IllegalArgumentException("conid must be positive, was " + conid + " for " + symbol);
            }
            Long previous = conids.put(Objects.requireNonNull(symbol, "symbol"), conid);
            if (previous != null && previous != conid) {
                throw new IllegalArgumentException("symbol " + symbol + " given conids " + previous + " and " + conid);
            }
            return this;
        }

        public Builder instrument(Instrument instrument) {
            this.instruments.add(Objects.requireNonNull(instrument, "instrument"));
            return this;
        }

        public Builder defaultInstrument(Function<String, Instrument> factory) {
            http.once("defaultInstrument", "a Function", "a Function");
            this.defaultInstrument = Objects.requireNonNull(factory, "defaultInstrument");
            return this;
        }

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

        public IbkrClientPortalBroker build() {
            if (mode == TradingMode.LIVE && !liveTradingEnabled) {
                throw new IllegalStateException("mode LIVE trades real money and needs liveTradingEnabled(true) too");
            }
            if (mode == TradingMode.PAPER && liveTradingEnabled) {
                throw new IllegalStateException("liveTradingEnabled(true) conflicts with mode PAPER");
            }
            return new IbkrClientPortalBroker(this);
        }
    }
}
