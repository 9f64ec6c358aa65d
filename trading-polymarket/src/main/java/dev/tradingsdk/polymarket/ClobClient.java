package dev.tradingsdk.polymarket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.CursorPage;
import dev.tradingsdk.core.http.NotFoundException;
import dev.tradingsdk.core.http.RateLimit;
import dev.tradingsdk.core.http.ResponseDecodingException;
import dev.tradingsdk.core.http.RestCall;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.http.ServerException;
import dev.tradingsdk.core.http.TransportException;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.InvalidOrderException;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.polymarket.dto.BalanceAllowance;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.dto.CancelResult;
import dev.tradingsdk.polymarket.dto.ClobMarket;
import dev.tradingsdk.polymarket.dto.ClobTrade;
import dev.tradingsdk.polymarket.dto.OpenOrder;
import dev.tradingsdk.polymarket.dto.PostOrderResult;
import dev.tradingsdk.polymarket.internal.ClobErrorMapper;
import dev.tradingsdk.polymarket.internal.ClobJson;
import dev.tradingsdk.polymarket.internal.ClobRequestSigner;
import dev.tradingsdk.polymarket.order.ClobOrderRequest;
import dev.tradingsdk.polymarket.order.ClobOrderType;
import dev.tradingsdk.polymarket.order.OrderAmounts;
import dev.tradingsdk.polymarket.order.TickSize;
import dev.tradingsdk.polymarket.signing.ApiCredentials;
import dev.tradingsdk.polymarket.signing.ClobOrder;
import dev.tradingsdk.polymarket.signing.EthAddress;
import dev.tradingsdk.polymarket.signing.ExchangeContracts;
import dev.tradingsdk.polymarket.signing.ExchangeDomain;
import dev.tradingsdk.polymarket.signing.OrderStruct;
import dev.tradingsdk.polymarket.signing.PolymarketSigner;
import dev.tradingsdk.polymarket.signing.SignatureType;
import dev.tradingsdk.polymarket.signing.SignedClobOrder;
import dev.tradingsdk.polymarket.signing.WalletKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST client of the Polymarket CLOB on core's {@link RestClient} (retries, rate limits, typed errors). Orders are
 * built for the exchange version the server runs ({@code GET /version}, cached); an {@code order_version_mismatch}
 * answer re-reads the version, re-signs and retries once. Thread-safe.
 *
 * <p>Order posts are never repeated by the transport. When a post ends without a definite answer (timeout, dropped
 * connection, 5xx, a response that does not match the request) an {@link OrderOutcomeUnknownException} carries the
 * signed orders: look each up with {@link #findOrder(SignedClobOrder)} and re-post only the missing ones with
 * {@link #postOrder(SignedClobOrder, ClobOrderType, boolean)}; never build and sign the order again, since a fresh
 * salt makes it a second order.
 */
public final class ClobClient {
    public static final String DEFAULT_URL = "https://clob.polymarket.com";
    /** The most orders {@code POST /orders} accepts in one request (CLOB OpenAPI: "Maximum 15 orders"). */
    public static final int MAX_BATCH_ORDERS = 15;
    /**
     * The CLOB treats a GTD order as expiring this many seconds before its expiration, so the expiration must lie
     * beyond now + 60 s; an order meant to live N seconds is sent with now + 60 + N.
     */
    public static final long GTD_SECURITY_THRESHOLD_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(ClobClient.class);
    private static final long MAX_SALT = 1L << 53;

    private final RestClient rest;
    private final ClobRequestSigner requestSigner;
    private final ClobJson json;
    private final PolymarketSigner signer;
    private final EthAddress funder;
    private final SignatureType signatureType;
    private final long chainId;
    private final Map<Integer, ExchangeContracts> contracts;
    private final AtomicReference<ApiCredentials> credentials;
    private final Clock clock;
    private final RandomGenerator random;
    private final AtomicInteger version = new AtomicInteger();
    private final Map<String, TickSize> tickSizes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> negRiskFlags = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> minOrderSizes = new ConcurrentHashMap<>();

    private ClobClient(Builder b) {
        this.signer = b.walletKey == null ? null : new PolymarketSigner(b.walletKey);
        this.funder = b.funder != null ? b.funder : signer == null ? null : signer.address();
        this.signatureType = b.signatureType;
        this.chainId = b.chainId;
        this.contracts = Map.copyOf(b.contracts);
        this.credentials = new AtomicReference<>(b.credentials);
        this.clock = b.clock;
        this.random = b.random;
        this.requestSigner = new ClobRequestSigner(signer, chainId, 0, clock, credentials);
        RestClient.Builder rb = RestClient.builder("polymarket-clob", b.baseUrl)
                .signer(requestSigner)
                .errorMapper(new ClobErrorMapper())
                .retryPolicy(b.retryPolicy)
                .rateLimit(b.generalLimit);
        // the builder's limits replace the published defaults group by group
        Map<String, RateLimit> limits = new LinkedHashMap<>(ClobEndpoints.DEFAULT_LIMITS);
        limits.putAll(b.limits);
        limits.forEach(rb::rateLimit);
        if (b.okHttp != null) {
            rb.okHttpClient(b.okHttp);
        }
        rb.connectTimeout(b.connectTimeout).readTimeout(b.readTimeout).callTimeout(b.callTimeout);
        this.rest = rb.build();
        this.json = new ClobJson(rest.objectMapper());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The signing address, or null for a market-data-only client. */
    public EthAddress signerAddress() {
        return signer == null ? null : signer.address();
    }

    /** The address holding the funds (maker of orders). */
    public EthAddress funder() {
        return funder;
    }

    // ---- public market data -------------------------------------------------------------------------------

    /** The exchange order version the server runs, read once and cached. */
    public int version() {
        int cached = version.get();
        return cached != 0 ? cached : refreshVersion();
    }

    /** Re-reads {@code GET /version} (default 2 when the field is missing). */
    public int refreshVersion() {
        int read = rest.get("/version").operation("version").executeJson(node -> node.path("version").asInt(2));
        version.set(read);
        return read;
    }

    /** Server time in unix seconds. */
    public long serverTime() {
        return rest.get("/time").operation("serverTime").executeJson(node -> {
            if (!node.canConvertToLong()) {
                throw new IllegalArgumentException("time '" + node + "' is not an integer");
            }
            return node.asLong();
        });
    }

    /**
     * Reads the server time and from then on stamps L1/L2 auth headers with the local clock shifted by the
     * difference, so a skewed local clock does not get requests rejected. Returns the offset in seconds.
     */
    public long syncServerTime() {
        long offset = serverTime() - clock.now().getEpochSecond();
        requestSigner.serverOffsetSeconds(offset);
        return offset;
    }

    /**
     * One page of markets: pass null for the first page, then each page's {@code nextCursor}, or walk them all
     * with {@code CursorPage.stream("polymarket", "GET /markets", maxPages, client::markets)}.
     */
    public CursorPage<ClobMarket> markets(String cursor) {
        return rest.get("/markets").operation("markets").query("next_cursor", cursor)
                .executeJson(node -> json.page(node, json::market));
    }

    /** One market; its tick size and minimum order size are remembered for the orders of its tokens. */
    public ClobMarket market(String conditionId) {
        ClobMarket market = rest.get("/markets/" + requireId(conditionId, "conditionId"))
                .operation("market").executeJson(json::market);
        for (ClobMarket.Token token : market.tokens()) {
            if (market.minimumOrderSize() != null) {
                minOrderSizes.put(token.tokenId(), market.minimumOrderSize());
            }
            if (market.tickSize() != null) {
                tickSizes.put(token.tokenId(), market.tickSize());
            }
        }
        return market;
    }

    /** The token's book; its {@code min_order_size} is remembered and checked before orders are sent. */
    public BookSnapshot book(String tokenId) {
        return rest.get("/book").operation("book").endpointGroup(ClobEndpoints.BOOK)
                .query("token_id", requireToken(tokenId)).executeJson(node -> {
                    BookSnapshot book = json.book(node);
                    rememberMinOrderSize(book.assetId(), node);
                    return book;
                });
    }

    private void rememberMinOrderSize(String tokenId, JsonNode book) {
        String min = ClobJson.text(book, "min_order_size");
        if (min != null && !min.isEmpty()) {
            try {
                minOrderSizes.put(tokenId, new BigDecimal(min));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("book min_order_size '" + min + "' is not a decimal", e);
            }
        }
    }

    /** The minimum order size (shares) last read for the token from a book or market, if any. */
    public Optional<BigDecimal> minOrderSize(String tokenId) {
        return Optional.ofNullable(minOrderSizes.get(tokenId));
    }

    public List<BookSnapshot> books(List<String> tokenIds) {
        ArrayNode body = json.array();
        tokenIds.forEach(id -> body.addObject().put("token_id", requireToken(id)));
        return rest.post("/books").operation("books").endpointGroup(ClobEndpoints.BOOKS).jsonBody(body)
                .executeJson(node -> {
                    List<BookSnapshot> out = new ArrayList<>();
                    node.forEach(book -> {
                        BookSnapshot snapshot = json.book(book);
                        rememberMinOrderSize(snapshot.assetId(), book);
                        out.add(snapshot);
                    });
                    return out;
                });
    }

    /** Best price to trade on {@code side} ({@code GET /price}). */
    public Price price(String tokenId, Side side) {
        return rest.get("/price").operation("price").endpointGroup(ClobEndpoints.PRICE)
                .query("token_id", requireToken(tokenId)).query("side", side.name())
                .executeJson(node -> Price.of(ClobJson.required(node, "price")));
    }

    /** Prices of several tokens and sides: token id → side → price. */
    public Map<String, Map<Side, Price>> prices(Map<String, Side> tokenSides) {
        ArrayNode body = json.array();
        tokenSides.forEach((id, side) -> body.addObject().put("token_id", requireToken(id)).put("side", side.name()));
        return rest.post("/prices").operation("prices").endpointGroup(ClobEndpoints.PRICE).jsonBody(body)
                .executeJson(ClobClient::pricesBySide);
    }

    private static Map<String, Map<Side, Price>> pricesBySide(JsonNode node) {
        Map<String, Map<Side, Price>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> tokens = node.properties().iterator();
        while (tokens.hasNext()) {
            Map.Entry<String, JsonNode> token = tokens.next();
            Map<Side, Price> bySide = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                String value = ClobJson.text(token.getValue(), side.name());
                if (value != null && !value.isEmpty()) {
                    bySide.put(side, Price.of(value));
                }
            }
            out.put(token.getKey(), bySide);
        }
        return out;
    }

    public Price midpoint(String tokenId) {
        return rest.get("/midpoint").operation("midpoint").endpointGroup(ClobEndpoints.MIDPOINT)
                .query("token_id", requireToken(tokenId))
                .executeJson(node -> Price.of(ClobJson.required(node, "mid")));
    }

    /** Midpoints of several tokens: token id → midpoint. */
    public Map<String, Price> midpoints(List<String> tokenIds) {
        ArrayNode body = json.array();
        tokenIds.forEach(id -> body.addObject().put("token_id", requireToken(id)));
        return rest.post("/midpoints").operation("midpoints").endpointGroup(ClobEndpoints.MIDPOINT)
                .jsonBody(body).executeJson(node -> {
                    Map<String, Price> out = new LinkedHashMap<>();
                    node.properties().iterator().forEachRemaining(e -> out.put(e.getKey(), Price.of(e.getValue().asText())));
                    return out;
                });
    }

    public Price spread(String tokenId) {
        return rest.get("/spread").operation("spread").query("token_id", requireToken(tokenId))
                .executeJson(node -> Price.of(ClobJson.required(node, "spread")));
    }

    public Price lastTradePrice(String tokenId) {
        return rest.get("/last-trade-price").operation("lastTradePrice")
                .query("token_id", requireToken(tokenId))
                .executeJson(node -> Price.of(ClobJson.required(node, "price")));
    }

    /** The market's tick size (cached; a stream built with {@code ClobStream.Builder.tickSizes(this)} updates it). */
    public TickSize tickSize(String tokenId) {
        return tickSizes.computeIfAbsent(requireToken(tokenId), id -> rest.get("/tick-size").operation("tickSize")
                .endpointGroup(ClobEndpoints.TICK_SIZE).query("token_id", id)
                .executeJson(node -> TickSize.of(ClobJson.required(node, "minimum_tick_size"))));
    }

    public void forgetTickSize(String tokenId) {
        tickSizes.remove(tokenId);
    }

    /** Records a tick size announced elsewhere (a {@code tick_size_change} event), so the next order uses it. */
    public void updateTickSize(String tokenId, TickSize tick) {
        tickSizes.put(requireToken(tokenId), Objects.requireNonNull(tick, "tick"));
    }

    /** Whether the token trades on the neg-risk exchange (cached). */
    public boolean negRisk(String tokenId) {
        return negRiskFlags.computeIfAbsent(requireToken(tokenId), id -> {
            return rest.get("/neg-risk").operation("negRisk").query("token_id", id).executeJson(node -> {
                if (!node.path("neg_risk").isBoolean()) {
                    throw new IllegalArgumentException("neg_risk '" + node.path("neg_risk") + "' is not a boolean");
                }
                return node.get("neg_risk").asBoolean();
            });
        });
    }

    /** The market's base fee in basis points (signed into V1 orders). */
    public long feeRateBps(String tokenId) {
        return rest.get("/fee-rate").operation("feeRate").query("token_id", requireToken(tokenId))
                .executeJson(node -> node.path("base_fee").asLong(0));
    }

    // ---- API keys (L1) ------------------------------------------------------------------------------------

    /** Creates new API credentials ({@code POST /auth/api-key}) and uses them for this client. */
    public ApiCredentials createApiKey() {
        return remember(rest.post("/auth/api-key").operation("createApiKey").endpointGroup(ClobEndpoints.AUTH)
                .executeJson(this::readCredentials));
    }

    /** Re-derives the existing API credentials ({@code GET /auth/derive-api-key}) and uses them. */
    public ApiCredentials deriveApiKey() {
        return remember(rest.get("/auth/derive-api-key").operation("deriveApiKey").endpointGroup(ClobEndpoints.AUTH)
                .executeJson(this::readCredentials));
    }

    /**
     * Derives the key if one exists for this wallet, else creates one. Only a definite "no key" answer (404, or the
     * CLOB's 400 "Could not derive api key") creates one; throttling, timeouts and other errors are thrown, since a
     * new key would replace the working one.
     */
    public ApiCredentials createOrDeriveApiKey() {
        try {
            return deriveApiKey();
        } catch (ApiException e) {
            if (!definitelyNoKey(e)) {
                throw e;
            }
            LOG.info("no API key to derive for {} ({}); creating one", signerAddress(), e.httpStatus());
            return createApiKey();
        }
    }

    private static boolean definitelyNoKey(ApiException e) {
        if (e.httpStatus() == 404) {
            return true;
        }
        String message = e.error().venueMessage();
        return e.httpStatus() == 400 && message != null
                && message.toLowerCase(Locale.ROOT).contains("could not derive api key");
    }

    private ApiCredentials readCredentials(JsonNode node) {
        return new ApiCredentials(ClobJson.required(node, "apiKey"), ClobJson.required(node, "secret"),
                ClobJson.required(node, "passphrase"));
    }

    private ApiCredentials remember(ApiCredentials creds) {
        credentials.set(creds);
        return creds;
    }

    // ---- orders (L2) --------------------------------------------------------------------------------------

    /**
     * Builds and signs an order for the server's current exchange version without sending it. Invalid input
     * (price off the tick grid or outside [tick, 1 − tick], a size that truncates to zero, a GTD expiry not beyond
     * now + {@link #GTD_SECURITY_THRESHOLD_SECONDS}) throws {@link InvalidOrderException} before any request is sent.
     */
    public SignedClobOrder createOrder(ClobOrderRequest request) {
        return sign(prepare(request));
    }

    /**
     * Builds, signs and posts one order. A rejection the CLOB explains is thrown as a typed exception
     * ({@link InvalidSignatureException}, {@link InvalidAmountsException}, {@link NotEnoughBalanceException},
     * {@link OrderVersionMismatchException}); no definite answer is an {@link OrderOutcomeUnknownException}.
     */
    public PostOrderResult postOrder(ClobOrderRequest request) {
        String owner = requireCredentials().apiKey();
        PreparedOrder prepared = prepare(request);
        return withVersionRetry("postOrder", List.of(prepared),
                signed -> postSigned(signed.get(0), owner, request.orderType(), request.postOnly(), request));
    }

    /**
     * Posts an order signed earlier ({@link #createOrder}, by hand, or taken from an
     * {@link OrderOutcomeUnknownException}) exactly as signed: the same salt, so the same order hash. Not re-signed
     * on a version mismatch.
     */
    public PostOrderResult postOrder(SignedClobOrder signed, ClobOrderType orderType, boolean postOnly) {
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(orderType, "orderType");
        if (postOnly && orderType.isMarket()) {
            throw new InvalidOrderException("postOnly", true, "postOnly is only allowed for GTC/GTD orders, not "
                    + orderType);
        }
        requireSigner().checkPairing(signed.order(), signed.domain());
        return postSigned(signed, requireCredentials().apiKey(), orderType, postOnly, null);
    }

    private PostOrderResult postSigned(SignedClobOrder signed, String owner, ClobOrderType orderType,
            boolean postOnly, ClobOrderRequest request) {
        ObjectNode body = json.orderBody(signed, owner, orderType, postOnly);
        JsonNode node;
        try {
            node = rest.post("/order").operation("postOrder").endpointGroup(ClobEndpoints.POST_ORDER).jsonBody(body)
                    .executeJson();
        } catch (ApiException e) {
            if (request != null) {
                forgetTickSizeIfRejected(e.error().venueMessage(), request);
            }
            throw ambiguous(e, List.of(signed));
        }
        if (!node.isObject()) {
            throw outcomeUnknown("postOrder", "POST /order", "response is not an object: " + node.getNodeType(),
                    List.of(signed));
        }
        PostOrderResult result = json.postResult(node);
        if (!result.success()) {
            if (request != null) {
                forgetTickSizeIfRejected(result.errorMsg(), request);
            }
            throwIfTyped("postOrder", "POST /order", result.errorMsg());
        }
        return result;
    }

    /**
     * Posts up to {@link #MAX_BATCH_ORDERS} orders in one call; results are in request order. Every order is
     * validated before anything is sent. A response that is not an array of one result per order is an
     * {@link OrderOutcomeUnknownException} listing every order to look up.
     */
    public List<PostOrderResult> postOrders(List<ClobOrderRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH_ORDERS) {
            throw new InvalidOrderException("orders", requests.size() + " orders",
                    "a batch holds 1 to " + MAX_BATCH_ORDERS + " orders");
        }
        String owner = requireCredentials().apiKey();
        List<PreparedOrder> prepared = requests.stream().map(this::prepare).toList();
        return withVersionRetry("postOrders", prepared, signed -> {
            ArrayNode body = json.array();
            for (int i = 0; i < signed.size(); i++) {
                ClobOrderRequest request = prepared.get(i).request();
                body.add(json.orderBody(signed.get(i), owner, request.orderType(), request.postOnly()));
            }
            JsonNode node;
            try {
                node = rest.post("/orders").operation("postOrders").endpointGroup(ClobEndpoints.POST_ORDERS)
                        .weight(requests.size()).jsonBody(body).executeJson();
            } catch (ApiException e) {
                requests.forEach(request -> forgetTickSizeIfRejected(e.error().venueMessage(), request));
                throw ambiguous(e, signed);
            }
            if (!node.isArray() || node.size() != requests.size()) {
                throw outcomeUnknown("postOrders", "POST /orders", "sent " + requests.size() + " orders, the "
                        + "response is " + (node.isArray() ? "an array of " + node.size() : "a " + node.getNodeType()),
                        signed);
            }
            List<PostOrderResult> results = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isObject()) {
                    throw outcomeUnknown("postOrders", "POST /orders", "a result is not an object: "
                            + item.getNodeType(), signed);
                }
                results.add(json.postResult(item));
            }
            for (int i = 0; i < results.size(); i++) {
                if (!results.get(i).success()) {
                    forgetTickSizeIfRejected(results.get(i).errorMsg(), requests.get(i));
                }
            }
            if (results.stream().noneMatch(PostOrderResult::success)) {
                ApiException typed = classify("postOrders", "POST /orders", results.get(0).errorMsg());
                if (typed instanceof OrderVersionMismatchException) {
                    throw typed;
                }
            }
            return results;
        });
    }

    /**
     * Looks a signed order up by its order hash after an ambiguous post: empty when the CLOB does not know it
     * (it was never booked, so re-posting the same signed order is safe).
     */
    public Optional<OpenOrder> findOrder(SignedClobOrder signed) {
        return findOrder(signed.orderId());
    }

    /** Looks an order up by id; empty when the CLOB does not know it (404, or a null/empty answer). */
    public Optional<OpenOrder> findOrder(String orderId) {
        try {
            return rest.get("/data/order/" + requireId(orderId, "orderId")).operation("order")
                    .endpointGroup(ClobEndpoints.DATA_ORDERS).executeJson(node -> {
                        if (node == null || node.isNull() || node.isMissingNode()
                                || (node.isObject() && node.isEmpty()) || (node.isTextual() && node.asText().isEmpty())) {
                            return Optional.empty();
                        }
                        return Optional.of(json.openOrder(node));
                    });
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** An order request checked and turned into amounts; the exchange version is chosen when signing. */
    private record PreparedOrder(ClobOrderRequest request, OrderAmounts amounts, boolean negRisk) {
    }

    /** Validates and computes amounts; sends only the tick-size/neg-risk look-ups the request does not answer. */
    private PreparedOrder prepare(ClobOrderRequest request) {
        requireSigner();
        // The CLOB judges the expiry by its own clock, so after syncServerTime() the offset applies here too.
        long nowSeconds = clock.now().getEpochSecond() + requestSigner.serverOffsetSeconds();
        if (request.orderType() == ClobOrderType.GTD
                && request.expirationSeconds() <= nowSeconds + GTD_SECURITY_THRESHOLD_SECONDS) {
            throw new InvalidOrderException("expiration", request.expirationSeconds(), "GTD expiration "
                    + request.expirationSeconds() + " is not in the future beyond the CLOB's "
                    + GTD_SECURITY_THRESHOLD_SECONDS + " s security threshold (now " + nowSeconds
                    + "; to live N seconds pass now + " + GTD_SECURITY_THRESHOLD_SECONDS + " + N)");
        }
        OrderAmounts amounts;
        if (request.amounts() != null) {
            amounts = request.amounts();
        } else {
            TickSize tick = request.tickSize() != null ? request.tickSize() : tickSize(request.tokenId());
            amounts = request.orderType().isMarket()
                    ? OrderAmounts.market(request.side(), request.price(), request.quantity(), tick)
                    : OrderAmounts.limit(request.side(), request.price(), request.quantity(), tick);
        }
        checkMinOrderSize(request, amounts);
        boolean negRisk = request.negRisk() != null ? request.negRisk() : negRisk(request.tokenId());
        return new PreparedOrder(request, amounts, negRisk);
    }

    /** Refuses, before sending, an order below the token's minimum size when a book or market told us it. */
    private void checkMinOrderSize(ClobOrderRequest request, OrderAmounts amounts) {
        BigDecimal min = minOrderSizes.get(request.tokenId());
        if (min == null || (request.orderType().isMarket() && request.side() == Side.BUY)) {
            return; // a market BUY is an amount of collateral; the CLOB checks the shares it buys
        }
        long sharesRaw = request.side() == Side.BUY ? amounts.takerAmount() : amounts.makerAmount();
        BigDecimal shares = BigDecimal.valueOf(sharesRaw, 6);
        if (shares.compareTo(min) < 0) {
            throw new InvalidOrderException("size", shares.stripTrailingZeros().toPlainString(),
                    "below the market's minimum order size " + min.toPlainString() + " for token "
                            + request.tokenId());
        }
    }

    private List<SignedClobOrder> signAll(List<PreparedOrder> prepared) {
        List<SignedClobOrder> signed = new ArrayList<>(prepared.size());
        for (PreparedOrder order : prepared) {
            signed.add(sign(order));
        }
        return signed;
    }

    private SignedClobOrder sign(PreparedOrder prepared) {
        PolymarketSigner key = requireSigner();
        ClobOrderRequest request = prepared.request();
        ExchangeDomain domain = contractsFor(version()).domain(prepared.negRisk());
        ClobOrder.Builder order = ClobOrder.builder()
                .salt(random.nextLong(MAX_SALT))
                .maker(funder)
                .signer(orderSigner(signatureType, funder, key.address()))
                .tokenId(new BigInteger(request.tokenId()))
                .amounts(prepared.amounts())
                .side(request.side())
                .signatureType(signatureType)
                .expiration(request.expirationSeconds())
                .timestamp(clock.now().toEpochMilli());
        if (domain.struct() == OrderStruct.V1) {
            order.feeRateBps(request.feeRateBps() >= 0 ? request.feeRateBps() : feeRateBps(request.tokenId()));
            if (request.taker() != null) {
                order.taker(request.taker());
            }
            if (request.nonce() >= 0) {
                order.nonce(request.nonce());
            }
        } else if (request.taker() != null || request.nonce() >= 0) {
            throw new InvalidOrderException(request.taker() != null ? "taker" : "nonce",
                    request.taker() != null ? request.taker() : request.nonce(), "only V1 orders sign a taker and a "
                            + "nonce; the server runs exchange version " + version());
        }
        if (request.builderCode() != null) {
            order.builderCode(request.builderCode());
        }
        if (request.metadata() != null) {
            order.metadata(request.metadata());
        }
        return key.sign(order.build(), domain);
    }

    public CancelResult cancelOrder(String orderId) {
        ObjectNode body = json.object().put("orderID", requireId(orderId, "orderId"));
        return rest.delete("/order").operation("cancelOrder").endpointGroup(ClobEndpoints.CANCEL)
                .jsonBody(body).executeJson(json::cancelResult);
    }

    public CancelResult cancelOrders(List<String> orderIds) {
        if (orderIds.isEmpty()) {
            throw new IllegalArgumentException("orderIds must not be empty (cancelAll() cancels everything)");
        }
        ArrayNode body = json.array();
        orderIds.forEach(id -> body.add(requireId(id, "orderId")));
        return rest.delete("/orders").operation("cancelOrders").endpointGroup(ClobEndpoints.CANCEL)
                .weight(Math.max(1, orderIds.size())).jsonBody(body).executeJson(json::cancelResult);
    }

    public CancelResult cancelAll() {
        return rest.delete("/cancel-all").operation("cancelAll").endpointGroup(ClobEndpoints.CANCEL)
                .executeJson(json::cancelResult);
    }

    /**
     * Cancels all own orders in a market (condition id) and/or for one token; either may be null, not both (an
     * empty filter is not sent as a way to cancel everything: that is {@link #cancelAll()}).
     */
    public CancelResult cancelMarketOrders(String market, String assetId) {
        if ((market == null || market.isBlank()) && (assetId == null || assetId.isBlank())) {
            throw new IllegalArgumentException("market and assetId are both empty, got market=" + market
                    + ", assetId=" + assetId + "; name one, or use cancelAll()");
        }
        ObjectNode body = json.object();
        body.put("market", market == null ? "" : market);
        body.put("asset_id", assetId == null ? "" : assetId);
        return rest.delete("/cancel-market-orders").operation("cancelMarketOrders")
                .endpointGroup(ClobEndpoints.CANCEL).jsonBody(body).executeJson(json::cancelResult);
    }

    /** One page of own open orders, optionally filtered by market (condition id) and token. */
    public CursorPage<OpenOrder> openOrders(String market, String assetId, String cursor) {
        RestCall call = rest.get("/data/orders").operation("openOrders").endpointGroup(ClobEndpoints.DATA_ORDERS)
                .query("market", market).query("asset_id", assetId).query("next_cursor", cursor);
        return call.executeJson(node -> json.page(node, json::openOrder));
    }

    public OpenOrder order(String orderId) {
        return rest.get("/data/order/" + requireId(orderId, "orderId")).operation("order")
                .endpointGroup(ClobEndpoints.DATA_ORDERS).executeJson(json::openOrder);
    }

    /** One page of own trades, optionally filtered by market and token. */
    public CursorPage<ClobTrade> trades(String market, String assetId, String cursor) {
        RestCall call = rest.get("/data/trades").operation("trades").endpointGroup(ClobEndpoints.DATA_TRADES)
                .query("market", market).query("asset_id", assetId).query("next_cursor", cursor);
        return call.executeJson(node -> json.page(node, json::trade));
    }

    /** Balance and allowances of collateral, or of one outcome token ({@code tokenId} null for collateral). */
    public BalanceAllowance balanceAllowance(BalanceAllowance.AssetType assetType, String tokenId) {
        return rest.get("/balance-allowance").operation("balanceAllowance")
                .query("asset_type", assetType.name()).query("token_id", tokenId)
                .query("signature_type", signatureType.code()).executeJson(json::balanceAllowance);
    }

    /**
     * Sends a heartbeat; with heartbeats in use the CLOB cancels all orders when they stop. Pass the id the
     * previous call returned ("" for the first).
     */
    public String heartbeat(String heartbeatId) {
        ObjectNode body = json.object().put("heartbeat_id", heartbeatId == null ? "" : heartbeatId);
        return rest.post("/v1/heartbeats").operation("heartbeat").jsonBody(body)
                .executeJson(node -> ClobJson.text(node, "heartbeat_id"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /**
     * Signs and posts; an order-version mismatch (a definite refusal: nothing was booked, so signing anew is safe)
     * re-reads the version, re-signs for it and posts once more.
     */
    private <T> T withVersionRetry(String operation, List<PreparedOrder> prepared,
            Function<List<SignedClobOrder>, T> post) {
        try {
            return post.apply(signAll(prepared));
        } catch (OrderVersionMismatchException e) {
            int before = version.get();
            int now = refreshVersion();
            LOG.warn("{}: order version mismatch with cached version {}, server reports {}; re-signing once",
                    operation, before, now);
            return post.apply(signAll(prepared));
        }
    }

    /** Transport failures, 5xx and undecodable answers leave an order's fate open; other errors are definite. */
    private static ApiException ambiguous(ApiException e, List<SignedClobOrder> orders) {
        if (e instanceof TransportException || e instanceof ServerException || e instanceof ResponseDecodingException) {
            ApiError error = e.error();
            return new OrderOutcomeUnknownException(new ApiError(error.venue(), error.operation(), error.endpoint(),
                    error.httpStatus(), error.venueCode(), error.venueMessage(), error.requestId(), false, null),
                    orders, e);
        }
        return e;
    }

    private static OrderOutcomeUnknownException outcomeUnknown(String operation, String endpoint, String reason,
            List<SignedClobOrder> orders) {
        return new OrderOutcomeUnknownException(new ApiError("polymarket-clob", operation, endpoint, 200, null, reason,
                null, false, null), orders, null);
    }

    /**
     * The CLOB answers "order ... is invalid. Price (...) breaks minimum tick size rule: ..." when the market's tick
     * changed after it was cached; forgetting it makes the next order read the current one.
     */
    private void forgetTickSizeIfRejected(String message, ClobOrderRequest request) {
        if (request.tickSize() == null && message != null
                && message.toLowerCase(Locale.ROOT).contains("minimum tick size")) {
            LOG.info("tick size of token {} rejected by the CLOB; it is read again for the next order",
                    request.tokenId());
            forgetTickSize(request.tokenId());
        }
    }

    private static ApiException classify(String operation, String endpoint, String message) {
        if (message == null || message.isEmpty()) {
            return null;
        }
        return ClobErrorMapper.classify(new ApiError("polymarket-clob", operation, endpoint, 200, null, message, null,
                false, null));
    }

    private static void throwIfTyped(String operation, String endpoint, String message) {
        ApiException typed = classify(operation, endpoint, message);
        if (typed != null) {
            throw typed;
        }
    }

    /** A deposit wallet (POLY_1271) signs as itself; every other type signs as the key's address. */
    private static EthAddress orderSigner(SignatureType type, EthAddress funder, EthAddress keyAddress) {
        return type == SignatureType.POLY_1271 ? funder : keyAddress;
    }

    private ExchangeContracts contractsFor(int serverVersion) {
        ExchangeContracts configured = contracts.get(serverVersion);
        return configured != null ? configured : ExchangeContracts.defaults(serverVersion, chainId);
    }

    private PolymarketSigner requireSigner() {
        if (signer == null) {
            throw new IllegalStateException("this ClobClient has no wallet key; set ClobClient.builder().walletKey(...)");
        }
        return signer;
    }

    private ApiCredentials requireCredentials() {
        ApiCredentials creds = credentials.get();
        if (creds == null) {
            throw new IllegalStateException("no API credentials; set them on the builder or call "
                    + "createOrDeriveApiKey() first");
        }
        return creds;
    }

    private static String requireToken(String tokenId) {
        if (tokenId == null || !tokenId.matches("[0-9]+")) {
            throw new IllegalArgumentException("tokenId must be a decimal integer, got " + tokenId);
        }
        return tokenId;
    }

    private static String requireId(String id, String field) {
        if (id == null || id.isBlank() || id.contains("/") || id.contains("?")) {
            throw new IllegalArgumentException(field + " must be a non-blank id without '/' or '?', got " + id);
        }
        return id;
    }

    @Override
    public String toString() {
        return "ClobClient[" + rest + ", signer " + signerAddress() + ", funder " + funder + ", " + signatureType
                + "]";
    }

    /**
     * Configures a {@link ClobClient}; only the wallet key is needed for trading, nothing for market data. Each
     * option, contract version and rate-limit group takes one value: a second throws {@link IllegalStateException}
     * naming both (keys, credentials and collaborators by type only).
     */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private String baseUrl = DEFAULT_URL;
        private long chainId = ExchangeContracts.POLYGON;
        private WalletKey walletKey;
        private EthAddress funder;
        private SignatureType signatureType = SignatureType.EOA;
        private ApiCredentials credentials;
        private final Map<Integer, ExchangeContracts> contracts = new HashMap<>();
        private Clock clock = Clock.system();
        private RandomGenerator random = new SecureRandom();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private RateLimit generalLimit = ClobEndpoints.GENERAL_LIMIT;
        private final Map<String, RateLimit> limits = new LinkedHashMap<>();
        private OkHttpClient okHttp;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(15);

        private Builder() {
        }

        /**
         * Timeouts of one request (defaults 5 s connect, 10 s read, 15 s whole call). A post that times out is an
         * {@link OrderOutcomeUnknownException}: look the order up before re-posting it.
         */
        public Builder timeouts(Duration connect, Duration read, Duration call) {
            once("timeouts", connectTimeout + "/" + readTimeout + "/" + callTimeout, connect + "/" + read + "/" + call);
            this.connectTimeout = positive(connect, "connectTimeout");
            this.readTimeout = positive(read, "readTimeout");
            this.callTimeout = positive(call, "callTimeout");
            return this;
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        private static Duration positive(Duration value, String field) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " must be positive, got " + value);
            }
            return value;
        }

        public Builder baseUrl(String url) {
            once("baseUrl", baseUrl, url);
            this.baseUrl = Objects.requireNonNull(url, "baseUrl");
            return this;
        }

        /** 137 (Polygon, default) or 80002 (Amoy). */
        public Builder chainId(long id) {
            once("chainId", chainId, id);
            this.chainId = id;
            return this;
        }

        public Builder walletKey(WalletKey key) {
            once("walletKey", "a WalletKey", "a WalletKey");
            this.walletKey = Objects.requireNonNull(key, "walletKey");
            return this;
        }

        /**
         * The address holding the funds: your proxy wallet (POLY_PROXY), Safe (POLY_GNOSIS_SAFE) or deposit wallet
         * (POLY_1271). Defaults to the key's own address (EOA).
         */
        public Builder funder(EthAddress address, SignatureType type) {
            once("funder", funder + " " + signatureType, address + " " + type);
            this.funder = Objects.requireNonNull(address, "funder");
            this.signatureType = Objects.requireNonNull(type, "signatureType");
            return this;
        }

        public Builder credentials(ApiCredentials apiCredentials) {
            once("credentials", "an ApiCredentials", "an ApiCredentials");
            this.credentials = Objects.requireNonNull(apiCredentials, "credentials");
            return this;
        }

        /** Exchange contracts for a server order version, e.g. a version 3 domain; overrides the defaults. */
        public Builder contracts(ExchangeContracts exchangeContracts) {
            once("contracts of version " + exchangeContracts.version(), contracts.get(exchangeContracts.version()),
                    exchangeContracts);
            contracts.put(exchangeContracts.version(), exchangeContracts);
            return this;
        }

        public Builder clock(Clock source) {
            once("clock", "a Clock", "a Clock");
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /** Source of order salts; pass a seeded generator for reproducible tests. */
        public Builder random(RandomGenerator generator) {
            once("random", "a RandomGenerator", "a RandomGenerator");
            this.random = Objects.requireNonNull(generator, "random");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            once("retryPolicy", retryPolicy, policy);
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** Overrides the client-wide limit (default: the published 9,000 requests per 10 s). */
        public Builder generalRateLimit(RateLimit limit) {
            once("generalRateLimit", generalLimit, limit);
            this.generalLimit = Objects.requireNonNull(limit, "rateLimit");
            return this;
        }

        /** Overrides one endpoint group's limit; groups are the constants of {@link ClobEndpoints}. */
        public Builder rateLimit(String group, RateLimit limit) {
            if (!ClobEndpoints.DEFAULT_LIMITS.containsKey(group)) {
                throw new IllegalArgumentException("unknown endpoint group " + group + "; known: "
                        + ClobEndpoints.DEFAULT_LIMITS.keySet());
            }
            once("rateLimit " + group, limits.get(group), limit);
            limits.put(group, Objects.requireNonNull(limit, "rateLimit"));
            return this;
        }

        public Builder okHttpClient(OkHttpClient client) {
            once("okHttpClient", "an OkHttpClient", "an OkHttpClient");
            this.okHttp = Objects.requireNonNull(client, "okHttpClient");
            return this;
        }

        /** Refuses a funder/signature-type pairing the exchange would reject as "invalid signature". */
        public ClobClient build() {
            if (walletKey != null) {
                EthAddress maker = funder != null ? funder : walletKey.address();
                new PolymarketSigner(walletKey).checkAccounts(signatureType, maker,
                        orderSigner(signatureType, maker, walletKey.address()));
            }
            return new ClobClient(this);
        }
    }
}
