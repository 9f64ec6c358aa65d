package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.CursorPage;
import dev.tradingsdk.core.http.RateLimitedException;
import dev.tradingsdk.core.http.ResponseDecodingException;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.InvalidOrderException;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.polymarket.dto.BalanceAllowance;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.dto.ClobMarket;
import dev.tradingsdk.polymarket.dto.ClobTrade;
import dev.tradingsdk.polymarket.dto.OpenOrder;
import dev.tradingsdk.polymarket.dto.PostOrderResult;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
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
import dev.tradingsdk.polymarket.signing.SignatureSetupException;
import dev.tradingsdk.polymarket.signing.SignatureType;
import dev.tradingsdk.polymarket.signing.SignedClobOrder;
import dev.tradingsdk.polymarket.signing.WalletKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClobClientTest {
    static final String TOKEN = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    static final WalletKey KEY =
            WalletKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    static final ApiCredentials CREDS = new ApiCredentials("9180014b-33c8-9240-a14b-bdca11c0a465",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "5d1f0e6a");
    static final Instant NOW = Instant.parse("2026-04-29T13:07:30Z");

    private final ObjectMapper mapper = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Deque<MockResponse>> routes = new LinkedHashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String key = request.getMethod() + " " + request.getRequestUrl().encodedPath();
                Deque<MockResponse> queue = routes.get(key);
                if (queue == null || queue.isEmpty()) {
                    return new MockResponse().setResponseCode(404).setBody("{\"error\":\"no route " + key + "\"}");
                }
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private void route(String methodAndPath, int status, String body) {
        routes.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>())
                .add(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                        .setBody(body));
    }

    private ClobClient.Builder builder() {
        return ClobClient.builder().baseUrl(server.url("/").toString()).walletKey(KEY)
                .clock(new SimulatedClock(NOW)).random(new Random(42)).retryPolicy(RetryPolicy.none());
    }

    private List<RecordedRequest> requestsTo(String methodAndPath) {
        return requests.stream()
                .filter(r -> (r.getMethod() + " " + r.getRequestUrl().encodedPath()).equals(methodAndPath)).toList();
    }

    @Test
    void readsBooksBestFirst() {
        route("GET /book", 200, Vectors.text("payloads/clob-book.json"));
        BookSnapshot book = builder().build().book(TOKEN);
        assertThat(book.bestBid()).contains(Price.of("0.5"));
        assertThat(book.bestAsk()).contains(Price.of("0.52"));
        assertThat(book.bids()).hasSize(3);
        assertThat(requests.get(0).getRequestUrl().queryParameter("token_id")).isEqualTo(TOKEN);
        assertThat(requests.get(0).getHeader("POLY_SIGNATURE")).isNull();
    }

    @Test
    void aMalformedPayloadIsCoresDecodingErrorSoCallersCatchingApiExceptionSeeIt() {
        route("GET /tick-size", 200, "{\"minimum_tick_size\":\"0.0x\"}");
        route("GET /neg-risk", 200, "{\"neg_risk\":\"yes\"}");
        ClobClient client = builder().build();

        assertThatThrownBy(() -> client.tickSize(TOKEN)).isInstanceOf(ResponseDecodingException.class)
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("tickSize (GET /tick-size)").hasMessageContaining("0.0x");
        assertThatThrownBy(() -> client.negRisk(TOKEN)).isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("negRisk (GET /neg-risk)").hasMessageContaining("neg_risk '\"yes\"'");
    }

    @Test
    void pagesThroughMarkets() {
        route("GET /markets", 200, Vectors.text("payloads/clob-markets-page1.json"));
        route("GET /markets", 200, Vectors.text("payloads/clob-markets-page2.json"));
        ClobClient client = builder().build();
        List<ClobMarket> all = new ArrayList<>();
        CursorPage.stream("polymarket", "GET /markets", 10, client::markets).forEach(all::add);
        assertThat(all).extracting(ClobMarket::marketSlug).containsExactly("btc-updown-15m-1777467600", "old-market");
        assertThat(all.get(0).tokens().get(0).tokenId()).isEqualTo(TOKEN);
        assertThat(all.get(0).tickSize()).isEqualTo(TickSize.HUNDREDTH);
        assertThat(all.get(1).negRisk()).isTrue();
        assertThat(requests).extracting(r -> r.getRequestUrl().queryParameter("next_cursor"))
                .as("the first page is asked for without a cursor; the CLOB's end cursor LTE= ends the walk")
                .containsExactly(null, "Mg==");
    }

    @Test
    void readsPricesMidpointsAndMarketFacts() {
        route("GET /price", 200, "{\"price\":\"0.52\"}");
        route("POST /prices", 200, "{\"" + TOKEN + "\":{\"BUY\":\"0.5\",\"SELL\":\"0.52\"}}");
        route("GET /midpoint", 200, "{\"mid\":\"0.51\"}");
        route("POST /midpoints", 200, "{\"" + TOKEN + "\":\"0.51\"}");
        route("GET /spread", 200, "{\"spread\":\"0.02\"}");
        route("GET /last-trade-price", 200, "{\"price\":\"0.51\",\"side\":\"BUY\"}");
        route("GET /tick-size", 200, "{\"minimum_tick_size\":0.001}");
        route("GET /neg-risk", 200, "{\"neg_risk\":true}");
        route("GET /fee-rate", 200, "{\"base_fee\":1000}");
        route("GET /time", 200, "1777467650");
        route("GET /version", 200, "{\"version\":2}");
        ClobClient client = builder().build();
        assertThat(client.price(TOKEN, Side.SELL)).isEqualTo(Price.of("0.52"));
        assertThat(requests.get(0).getRequestUrl().queryParameter("side")).isEqualTo("SELL");
        assertThat(client.prices(Map.of(TOKEN, Side.BUY)).get(TOKEN)).containsEntry(Side.SELL, Price.of("0.52"));
        assertThat(client.midpoint(TOKEN)).isEqualTo(Price.of("0.51"));
        assertThat(client.midpoints(List.of(TOKEN))).containsEntry(TOKEN, Price.of("0.51"));
        assertThat(client.spread(TOKEN)).isEqualTo(Price.of("0.02"));
        assertThat(client.lastTradePrice(TOKEN)).isEqualTo(Price.of("0.51"));
        assertThat(client.tickSize(TOKEN)).isEqualTo(TickSize.THOUSANDTH);
        assertThat(client.tickSize(TOKEN)).isEqualTo(TickSize.THOUSANDTH);
        assertThat(requestsTo("GET /tick-size")).hasSize(1);
        assertThat(client.negRisk(TOKEN)).isTrue();
        assertThat(client.feeRateBps(TOKEN)).isEqualTo(1000);
        assertThat(client.serverTime()).isEqualTo(1777467650L);
        assertThat(client.version()).isEqualTo(2);
        assertThat(client.version()).isEqualTo(2);
        assertThat(requestsTo("GET /version")).hasSize(1);
    }

    @Test
    void derivesOrCreatesApiKeysWithL1Headers() {
        route("GET /auth/derive-api-key", 400, "{\"error\":\"Could not derive api key!\"}");
        route("POST /auth/api-key", 200,
                "{\"apiKey\":\"" + CREDS.apiKey() + "\",\"secret\":\"" + CREDS.secret() + "\",\"passphrase\":\""
                        + CREDS.passphrase() + "\"}");
        ClobClient client = builder().build();
        assertThat(client.createOrDeriveApiKey()).isEqualTo(CREDS);
        RecordedRequest create = requestsTo("POST /auth/api-key").get(0);
        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(create.getHeader("POLY_ADDRESS")).isEqualTo(KEY.address().toChecksumHex());
        assertThat(create.getHeader("POLY_TIMESTAMP")).isEqualTo(timestamp);
        assertThat(create.getHeader("POLY_NONCE")).isEqualTo("0");
        assertThat(create.getHeader("POLY_SIGNATURE"))
                .isEqualTo(new PolymarketSigner(KEY).clobAuthSignature(137, timestamp, 0));
        assertThat(create.getHeader("POLY_API_KEY")).isNull();
    }

    @Test
    void postsASignedV2PostOnlyOrderWithHmacOverTheSentBytes() throws Exception {
        route("GET /version", 200, "{\"version\":2}");
        route("POST /order", 200, "{\"success\":true,\"errorMsg\":\"\",\"orderID\":\"0xabc\",\"status\":\"live\","
                + "\"makingAmount\":\"\",\"takingAmount\":\"\",\"transactionsHashes\":[],\"tradeIDs\":[]}");
        ClobClient client = builder().credentials(CREDS).build();
        PostOrderResult result = client.postOrder(ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.45"),
                new BigDecimal("10")).tickSize(TickSize.HUNDREDTH).negRisk(false).postOnly().build());
        assertThat(result.success()).isTrue();
        assertThat(result.orderId()).isEqualTo("0xabc");
        RecordedRequest post = requestsTo("POST /order").get(0);
        byte[] sent = post.getBody().readByteArray();
        assertThat(post.getHeader("POLY_SIGNATURE")).isEqualTo(PolymarketSigner.hmacSignature(CREDS.secret(),
                Long.toString(NOW.getEpochSecond()), "POST", "/order", sent));
        assertThat(post.getHeader("POLY_API_KEY")).isEqualTo(CREDS.apiKey());
        assertThat(post.getHeader("POLY_PASSPHRASE")).isEqualTo(CREDS.passphrase());
        JsonNode body = mapper.readTree(sent);
        JsonNode order = body.get("order");
        assertThat(body.get("owner").asText()).isEqualTo(CREDS.apiKey());
        assertThat(body.get("orderType").asText()).isEqualTo("GTC");
        assertThat(body.get("postOnly").asBoolean()).isTrue();
        assertThat(body.get("deferExec").asBoolean()).isFalse();
        assertThat(order.get("salt").isIntegralNumber()).isTrue();
        assertThat(order.get("salt").asLong()).isBetween(0L, 1L << 53);
        assertThat(order.get("makerAmount").asText()).isEqualTo("4500000");
        assertThat(order.get("takerAmount").asText()).isEqualTo("10000000");
        assertThat(order.get("side").asText()).isEqualTo("BUY");
        assertThat(order.get("signatureType").asInt()).isZero();
        assertThat(order.get("timestamp").asText()).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(order.has("taker")).isFalse();
        assertThat(order.has("nonce")).isFalse();
        ClobOrder rebuilt = ClobOrder.builder().salt(order.get("salt").asLong()).maker(KEY.address())
                .signer(KEY.address()).tokenId(TOKEN).makerAmount(4_500_000).takerAmount(10_000_000).side(Side.BUY)
                .timestamp(NOW.toEpochMilli()).build();
        ExchangeDomain domain = ExchangeContracts.defaults(2, 137).domain(false);
        assertThat(order.get("signature").asText())
                .isEqualTo(new PolymarketSigner(KEY).sign(rebuilt, domain).signature());
    }

    @Test
    void reReadsTheVersionAndReSignsOnceOnVersionMismatch() throws Exception {
        route("GET /version", 200, "{\"version\":1}");
        route("GET /version", 200, "{\"version\":2}");
        route("GET /fee-rate", 200, "{\"base_fee\":0}");
        route("POST /order", 400, "{\"error\":\"order_version_mismatch\"}");
        route("POST /order", 200, "{\"success\":true,\"orderID\":\"0xdef\",\"status\":\"live\"}");
        ClobClient client = builder().credentials(CREDS).build();
        PostOrderResult result = client.postOrder(ClobOrderRequest.limit(TOKEN, Side.SELL, new BigDecimal("0.6"),
                new BigDecimal("5")).tickSize(TickSize.TENTH).negRisk(true).build());
        assertThat(result.orderId()).isEqualTo("0xdef");
        List<RecordedRequest> posts = requestsTo("POST /order");
        assertThat(posts).hasSize(2);
        JsonNode first = mapper.readTree(posts.get(0).getBody().readUtf8()).get("order");
        JsonNode second = mapper.readTree(posts.get(1).getBody().readUtf8()).get("order");
        assertThat(first.has("taker")).isTrue();
        assertThat(first.get("feeRateBps").asText()).isEqualTo("0");
        assertThat(second.has("taker")).isFalse();
        assertThat(second.has("timestamp")).isTrue();
        assertThat(client.version()).isEqualTo(2);
    }

    @Test
    void persistentVersionMismatchIsThrownAfterOneRetry() {
        route("GET /version", 200, "{\"version\":2}");
        route("POST /order", 400, "{\"error\":\"order_version_mismatch\"}");
        ClobClient client = builder().credentials(CREDS).build();
        ClobOrderRequest request = ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.5"), BigDecimal.ONE)
                .tickSize(TickSize.HUNDREDTH).negRisk(false).build();
        assertThatThrownBy(() -> client.postOrder(request)).isInstanceOf(OrderVersionMismatchException.class)
                .hasMessageContaining("order_version_mismatch");
        assertThat(requestsTo("POST /order")).hasSize(2);
    }

    @Test
    void aTickSizeRejectionDropsTheCachedTickSoTheNextOrderUsesTheNewOne() {
        route("GET /version", 200, "{\"version\":2}");
        route("GET /neg-risk", 200, "{\"neg_risk\":false}");
        route("GET /tick-size", 200, "{\"minimum_tick_size\":0.001}");
        route("GET /tick-size", 200, "{\"minimum_tick_size\":0.01}");
        route("POST /order", 400, "{\"error\":\"order 0x3c1f is invalid. Price (0.505) breaks minimum tick size "
                + "rule: 0.01\"}");
        ClobClient client = builder().credentials(CREDS).build();
        ClobOrderRequest request = ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.505"), BigDecimal.TEN)
                .build();
        assertThat(client.tickSize(TOKEN)).isEqualTo(TickSize.THOUSANDTH);
        assertThatThrownBy(() -> client.postOrder(request)).isInstanceOf(ApiException.class)
                .hasMessageContaining("breaks minimum tick size rule");
        assertThatThrownBy(() -> client.postOrder(request)).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("not a multiple of the tick size 0.01");
        assertThat(requestsTo("GET /tick-size")).hasSize(2);
        assertThat(requestsTo("POST /order")).hasSize(1);
        assertThat(client.tickSize(TOKEN)).isEqualTo(TickSize.HUNDREDTH);
    }

    @Test
    void errorBodiesBecomeTypedExceptions() {
        route("GET /version", 200, "{\"version\":2}");
        route("POST /order", 400, "{\"error\":\"invalid signature\"}");
        route("POST /order", 400, "{\"error\":\"invalid amounts, the market buy orders maker amount supports a max "
                + "accuracy of 2 decimals, taker amount a max of 4 decimals\"}");
        route("POST /order", 200, "{\"success\":false,\"errorMsg\":\"not enough balance / allowance\","
                + "\"orderID\":\"\",\"status\":\"\"}");
        route("POST /order", 429, "{\"error\":\"Too Many Requests\"}");
        ClobClient client = builder().credentials(CREDS).build();
        ClobOrderRequest request = ClobOrderRequest.market(TOKEN, Side.BUY, new BigDecimal("0.58"),
                new BigDecimal("2.03")).tickSize(TickSize.HUNDREDTH).negRisk(false).build();
        assertThatThrownBy(() -> client.postOrder(request)).isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("invalid signature").hasMessageContaining("HTTP 400");
        assertThatThrownBy(() -> client.postOrder(request)).isInstanceOf(InvalidAmountsException.class);
        assertThatThrownBy(() -> client.postOrder(request)).isInstanceOf(NotEnoughBalanceException.class)
                .hasMessageContaining("not enough balance");
        assertThatThrownBy(() -> client.postOrder(request)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void postsBatchesAndCancels() throws Exception {
        route("GET /version", 200, "{\"version\":2}");
        route("POST /orders", 200, "[{\"success\":true,\"orderID\":\"0x1\",\"status\":\"live\"},"
                + "{\"success\":false,\"errorMsg\":\"order couldn't be fully filled. FOK orders are fully filled or "
                + "killed.\",\"orderID\":\"\",\"status\":\"\"}]");
        route("DELETE /order", 200, "{\"canceled\":[\"0x1\"],\"not_canceled\":{}}");
        route("DELETE /orders", 200, "{\"canceled\":[\"0x1\"],\"not_canceled\":{\"0x2\":\"order not found\"}}");
        route("DELETE /cancel-all", 200, "{\"canceled\":[\"0x1\",\"0x3\"],\"not_canceled\":{}}");
        route("DELETE /cancel-market-orders", 200, "{\"canceled\":[],\"not_canceled\":{}}");
        ClobClient client = builder().credentials(CREDS).build();
        List<PostOrderResult> results = client.postOrders(List.of(
                ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.4"), BigDecimal.TEN)
                        .tickSize(TickSize.HUNDREDTH).negRisk(false).goodTill(1777470000L).build(),
                ClobOrderRequest.market(TOKEN, Side.SELL, new BigDecimal("0.3"), BigDecimal.TEN)
                        .orderType(ClobOrderType.FAK).tickSize(TickSize.HUNDREDTH).negRisk(false).build()));
        assertThat(results).extracting(PostOrderResult::success).containsExactly(true, false);
        JsonNode batch = mapper.readTree(requestsTo("POST /orders").get(0).getBody().readUtf8());
        assertThat(batch).hasSize(2);
        assertThat(batch.get(0).get("orderType").asText()).isEqualTo("GTD");
        assertThat(batch.get(0).get("order").get("expiration").asText()).isEqualTo("1777470000");
        assertThat(batch.get(1).get("orderType").asText()).isEqualTo("FAK");

        assertThat(client.cancelOrder("0x1").canceled()).containsExactly("0x1");
        assertThat(mapper.readTree(requestsTo("DELETE /order").get(0).getBody().readUtf8()).get("orderID").asText())
                .isEqualTo("0x1");
        assertThat(client.cancelOrders(List.of("0x1", "0x2")).notCanceled()).containsEntry("0x2", "order not found");
        assertThat(requestsTo("DELETE /orders").get(0).getBody().readUtf8()).isEqualTo("[\"0x1\",\"0x2\"]");
        assertThat(client.cancelAll().canceled()).hasSize(2);
        assertThat(client.cancelMarketOrders("0x5f", null).canceled()).isEmpty();
        RecordedRequest cancelAll = requestsTo("DELETE /cancel-all").get(0);
        assertThat(cancelAll.getHeader("POLY_SIGNATURE")).isEqualTo(PolymarketSigner.hmacSignature(CREDS.secret(),
                Long.toString(NOW.getEpochSecond()), "DELETE", "/cancel-all", null));
    }

    @Test
    void readsOrdersTradesBalanceAndHeartbeats() {
        route("GET /data/orders", 200, Vectors.text("payloads/clob-open-orders.json"));
        route("GET /data/order/0xff354cd7ca7539dfa9c28d90943ab5779a4eac34b9b37a757d7b32bdfb11790b", 200,
                mapperText(Vectors.json("payloads/clob-open-orders.json").get("data").get(0)));
        route("GET /data/trades", 200, Vectors.text("payloads/clob-trades.json"));
        route("GET /balance-allowance", 200, "{\"balance\":\"125000000\",\"allowances\":{"
                + "\"0xE111180000d2663C0091e4f400237545B87B996B\":\"115792089237316195423570985008687907853269984665640"
                + "564039457584007913129639935\"}}");
        route("POST /v1/heartbeats", 200, "{\"heartbeat_id\":\"hb-2\"}");
        ClobClient client = builder().credentials(CREDS).build();
        CursorPage<OpenOrder> orders = client.openOrders(null, TOKEN, null);
        assertThat(orders.hasMore()).isFalse();
        OpenOrder order = orders.items().get(0);
        assertThat(order.sizeMatched()).isEqualTo(dev.tradingsdk.core.num.Quantity.of("2.5"));
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(requestsTo("GET /data/orders").get(0).getRequestUrl().queryParameter("asset_id")).isEqualTo(TOKEN);
        assertThat(client.order(order.id()).price()).isEqualTo(Price.of("0.45"));
        ClobTrade trade = client.trades(null, null, null).items().get(0);
        assertThat(trade.status()).isEqualTo(UserTradeEvent.Status.CONFIRMED);
        BalanceAllowance balance = client.balanceAllowance(BalanceAllowance.AssetType.COLLATERAL, null);
        assertThat(balance.balance()).isEqualTo(125_000_000);
        assertThat(balance.allowances()).hasSize(1);
        RecordedRequest balanceRequest = requestsTo("GET /balance-allowance").get(0);
        assertThat(balanceRequest.getRequestUrl().queryParameter("asset_type")).isEqualTo("COLLATERAL");
        assertThat(balanceRequest.getHeader("POLY_SIGNATURE")).isNotNull();
        assertThat(client.heartbeat("hb-1")).isEqualTo("hb-2");
    }

    @Test
    void judgesGtdExpiryByServerTimeAfterSync() {
        long serverNow = NOW.getEpochSecond() + 120;
        route("GET /time", 200, Long.toString(serverNow));
        ClobClient client = builder().credentials(CREDS).build();
        assertThat(client.syncServerTime()).isEqualTo(120);
        ClobOrderRequest expiredForTheServer = ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.5"),
                BigDecimal.TEN).tickSize(TickSize.HUNDREDTH).negRisk(false).goodTill(NOW.getEpochSecond() + 150)
                .build();
        assertThatThrownBy(() -> client.postOrder(expiredForTheServer)).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("(now " + serverNow + ";");
        assertThat(requests).hasSize(1);
    }

    @Test
    void stampsAuthHeadersWithServerTimeAfterSync() {
        long serverNow = NOW.getEpochSecond() + 95;
        route("GET /time", 200, Long.toString(serverNow));
        route("GET /data/orders", 200, Vectors.text("payloads/clob-open-orders.json"));
        ClobClient client = builder().credentials(CREDS).build();
        assertThat(client.syncServerTime()).isEqualTo(95);
        client.openOrders(null, null, null);
        RecordedRequest request = requestsTo("GET /data/orders").get(0);
        assertThat(request.getHeader("POLY_TIMESTAMP")).isEqualTo(Long.toString(serverNow));
        assertThat(request.getHeader("POLY_SIGNATURE")).isEqualTo(PolymarketSigner.hmacSignature(CREDS.secret(),
                Long.toString(serverNow), "GET", "/data/orders", null));
    }

    @Test
    void refusesToSignAMismatchedFunderAndNeedsCredentials() {
        assertThatThrownBy(() -> builder().funder(KEY.address(), SignatureType.POLY_PROXY).build())
                .isInstanceOf(SignatureSetupException.class);
        route("GET /version", 200, "{\"version\":2}");
        ClobClient noCreds = builder().build();
        ClobOrderRequest request = ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.5"), BigDecimal.ONE)
                .tickSize(TickSize.HUNDREDTH).negRisk(false).build();
        assertThatThrownBy(() -> noCreds.postOrder(request)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("createOrDeriveApiKey");
        ClobOrderRequest expired = ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.5"), BigDecimal.ONE)
                .tickSize(TickSize.HUNDREDTH).negRisk(false).goodTill(NOW.getEpochSecond()).build();
        assertThatThrownBy(() -> builder().credentials(CREDS).build().createOrder(expired))
                .hasMessageContaining("GTD expiration " + NOW.getEpochSecond() + " is not in the future");
        assertThatThrownBy(() -> ClobOrderRequest.market(TOKEN, Side.BUY, new BigDecimal("0.5"), BigDecimal.ONE)
                .postOnly().build()).hasMessageContaining("postOnly");
        assertThatThrownBy(() -> ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.5"), BigDecimal.ONE)
                .orderType(ClobOrderType.GTD).build()).hasMessageContaining("GTD orders need an expiration");
        assertThatThrownBy(() -> ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.5"), BigDecimal.ONE)
                .orderType(ClobOrderType.FOK)).hasMessageContaining("FOK does not fit a limit order");
        assertThatThrownBy(() -> ClobOrderRequest.market(TOKEN, Side.BUY, new BigDecimal("0.5"), BigDecimal.ONE)
                .goodTill(1_777_470_000L)).hasMessageContaining("GTD does not fit a market order");
    }

    @Test
    void versionThreeIsConfigurationNotCode() throws Exception {
        route("GET /version", 200, "{\"version\":3}");
        ClobClient unconfigured = builder().credentials(CREDS).build();
        ClobOrderRequest request = ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.5"), BigDecimal.ONE)
                .tickSize(TickSize.HUNDREDTH).negRisk(false).build();
        assertThatThrownBy(() -> unconfigured.createOrder(request)).hasMessageContaining("order version 3");
        ExchangeContracts v3 = ExchangeContracts.of(3, 137, OrderStruct.V2,
                EthAddress.of("0xe3333700cA9d93003F00f0F71f8515005F6c00Aa"),
                EthAddress.of("0x1111111111111111111111111111111111111111"));
        SignedClobOrder signed = builder().credentials(CREDS).contracts(v3).build().createOrder(request);
        assertThat(signed.domain().version()).isEqualTo("3");
        assertThat(signed.domain().verifyingContract()).isEqualTo(EthAddress.of(
                "0xe3333700cA9d93003F00f0F71f8515005F6c00Aa"));
        assertThat(signed.domain().struct()).isEqualTo(OrderStruct.V2);
    }

    // ---- issue 11 items 16-18 and the gaps against the official clients --------------------------------------

    private static ClobOrderRequest limitOrder(String size) {
        return ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.45"), new BigDecimal(size))
                .tickSize(TickSize.HUNDREDTH).negRisk(false).build();
    }

    @Test
    void aTimedOutPostIsOutcomeUnknownAndIsLookedUpThenRePostedWithTheSameSignature() throws Exception {
        route("GET /version", 200, "{\"version\":2}");
        routes.computeIfAbsent("POST /order", k -> new ArrayDeque<>()).add(new MockResponse().setResponseCode(200)
                .setBody("{\"success\":true}").setHeadersDelay(2, java.util.concurrent.TimeUnit.SECONDS));
        route("POST /order", 200, "{\"success\":true,\"orderID\":\"0xabc\",\"status\":\"live\"}");
        ClobClient client = builder().credentials(CREDS)
                .timeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(400)).build();
        OrderOutcomeUnknownException unknown = catchThrowableOfType(OrderOutcomeUnknownException.class,
                () -> client.postOrder(limitOrder("10")));
        assertThat(unknown).as("a timeout is not a rejection").isNotNull();
        assertThat(unknown.retryable()).isFalse();
        SignedClobOrder signed = unknown.orders().get(0);
        assertThat(unknown.orderIds()).containsExactly(PolymarketSigner.orderHash(signed.order(), signed.domain()));
        assertThat(requestsTo("POST /order")).as("the transport never re-sends a post").hasSize(1);

        assertThat(client.findOrder(signed)).as("404: never booked").isEmpty();
        assertThat(requests.get(requests.size() - 1).getPath()).isEqualTo("/data/order/" + signed.orderId());
        PostOrderResult reposted = client.postOrder(signed, ClobOrderType.GTC, false);
        assertThat(reposted.orderId()).isEqualTo("0xabc");
        List<RecordedRequest> posts = requestsTo("POST /order");
        JsonNode first = mapper.readTree(posts.get(0).getBody().readUtf8()).get("order");
        JsonNode second = mapper.readTree(posts.get(1).getBody().readUtf8()).get("order");
        assertThat(second).as("same salt, same signature: the same order").isEqualTo(first);
    }

    @Test
    void findOrderReturnsAKnownOrder() {
        route("GET /data/order/0xff354cd7ca7539dfa9c28d90943ab5779a4eac34b9b37a757d7b32bdfb11790b", 200,
                mapperText(Vectors.json("payloads/clob-open-orders.json").get("data").get(0)));
        route("GET /data/order/0x1", 200, "null");
        ClobClient client = builder().credentials(CREDS).build();
        assertThat(client.findOrder("0xff354cd7ca7539dfa9c28d90943ab5779a4eac34b9b37a757d7b32bdfb11790b"))
                .map(OpenOrder::status).contains("LIVE");
        assertThat(client.findOrder("0x1")).isEmpty();
    }

    @Test
    void aServerErrorOnPostIsOutcomeUnknownNotARejection() {
        route("GET /version", 200, "{\"version\":2}");
        route("POST /order", 502, "<html>bad gateway</html>");
        ClobClient client = builder().credentials(CREDS).build();
        assertThatThrownBy(() -> client.postOrder(limitOrder("10"))).isInstanceOf(OrderOutcomeUnknownException.class)
                .hasMessageContaining("look them up");
    }

    @Test
    void aBatchResponseThatDoesNotMatchTheRequestIsOutcomeUnknownListingEveryOrder() {
        route("GET /version", 200, "{\"version\":2}");
        route("POST /orders", 200, "{\"success\":true,\"orderID\":\"0x1\"}");
        route("POST /orders", 200, "[{\"success\":true,\"orderID\":\"0x1\",\"status\":\"live\"}]");
        route("POST /orders", 200, "[]");
        ClobClient client = builder().credentials(CREDS).build();
        List<ClobOrderRequest> two = List.of(limitOrder("10"), limitOrder("11"));
        for (String shape : List.of("a OBJECT", "an array of 1", "an array of 0")) {
            OrderOutcomeUnknownException unknown = catchThrowableOfType(OrderOutcomeUnknownException.class,
                    () -> client.postOrders(two));
            assertThat(unknown).as(shape).isNotNull();
            assertThat(unknown.getMessage()).contains("sent 2 orders, the response is " + shape);
            assertThat(unknown.orderIds()).hasSize(2).doesNotHaveDuplicates();
        }
    }

    @Test
    void aThrottledDeriveIsThrownAndNeverCreatesANewKey() {
        route("GET /auth/derive-api-key", 429, "{\"error\":\"Too Many Requests\"}");
        route("GET /auth/derive-api-key", 408, "{\"error\":\"timeout\"}");
        route("GET /auth/derive-api-key", 425, "{\"error\":\"too early\"}");
        route("GET /auth/derive-api-key", 400, "{\"error\":\"invalid L1 request headers\"}");
        route("POST /auth/api-key", 200, "{\"apiKey\":\"k\",\"secret\":\"s\",\"passphrase\":\"p\"}");
        ClobClient client = builder().build();
        for (int status : new int[] {429, 408, 425, 400}) {
            assertThatThrownBy(client::createOrDeriveApiKey).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(status));
        }
        assertThat(requestsTo("POST /auth/api-key")).isEmpty();
    }

    @Test
    void aNotFoundDeriveCreatesAKey() {
        route("GET /auth/derive-api-key", 404, "{\"error\":\"not found\"}");
        route("POST /auth/api-key", 200, "{\"apiKey\":\"" + CREDS.apiKey() + "\",\"secret\":\"" + CREDS.secret()
                + "\",\"passphrase\":\"" + CREDS.passphrase() + "\"}");
        assertThat(builder().build().createOrDeriveApiKey()).isEqualTo(CREDS);
    }

    @Test
    void anOrderBelowTheBookMinimumSizeIsRefusedBeforeSending() {
        route("GET /book", 200, Vectors.text("payloads/clob-book.json"));
        route("GET /version", 200, "{\"version\":2}");
        ClobClient client = builder().credentials(CREDS).build();
        client.book(TOKEN);
        assertThat(client.minOrderSize(TOKEN)).contains(new BigDecimal("5"));
        assertThatThrownBy(() -> client.postOrder(limitOrder("4.99"))).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("size").hasMessageContaining("4.99").hasMessageContaining("minimum order size 5");
        assertThat(requestsTo("POST /order")).isEmpty();
    }

    @Test
    void postsExplicitAmountsAsGiven() throws Exception {
        route("GET /version", 200, "{\"version\":2}");
        route("POST /order", 200, "{\"success\":true,\"orderID\":\"0x9\",\"status\":\"live\"}");
        ClobClient client = builder().credentials(CREDS).build();
        client.postOrder(ClobOrderRequest.fromAmounts(TOKEN, Side.BUY, new OrderAmounts(4_512_345, 10_000_001),
                ClobOrderType.GTC).negRisk(false).build());
        JsonNode order = mapper.readTree(requestsTo("POST /order").get(0).getBody().readUtf8()).get("order");
        assertThat(order.get("makerAmount").asText()).isEqualTo("4512345");
        assertThat(order.get("takerAmount").asText()).isEqualTo("10000001");
        assertThatThrownBy(() -> ClobOrderRequest.fromAmounts(TOKEN, Side.BUY, new OrderAmounts(10, 10),
                ClobOrderType.GTC)).isInstanceOf(InvalidOrderException.class).hasMessageContaining("amounts");
    }

    @Test
    void aV1OrderSignsTheGivenTakerAndNonceAndV2RefusesThem() throws Exception {
        route("GET /version", 200, "{\"version\":1}");
        route("POST /order", 200, "{\"success\":true,\"orderID\":\"0x9\",\"status\":\"live\"}");
        EthAddress taker = EthAddress.of("0x1111111111111111111111111111111111111111");
        ClobClient client = builder().credentials(CREDS).build();
        client.postOrder(ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.45"), BigDecimal.TEN)
                .tickSize(TickSize.HUNDREDTH).negRisk(false).feeRateBps(0).taker(taker).nonce(7).build());
        JsonNode order = mapper.readTree(requestsTo("POST /order").get(0).getBody().readUtf8()).get("order");
        assertThat(order.get("taker").asText()).isEqualTo(taker.toChecksumHex());
        assertThat(order.get("nonce").asText()).isEqualTo("7");
        ClobOrder rebuilt = ClobOrder.builder().salt(order.get("salt").asLong()).maker(KEY.address())
                .signer(KEY.address()).taker(taker).tokenId(TOKEN).makerAmount(4_500_000).takerAmount(10_000_000)
                .side(Side.BUY).nonce(7).build();
        assertThat(order.get("signature").asText()).isEqualTo(new PolymarketSigner(KEY)
                .sign(rebuilt, ExchangeContracts.defaults(1, 137).domain(false)).signature());

        ClobClient v2 = builder().credentials(CREDS).build();
        route("GET /version", 200, "{\"version\":2}");
        routes.get("GET /version").poll();
        assertThatThrownBy(() -> v2.createOrder(ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal("0.45"),
                BigDecimal.TEN).tickSize(TickSize.HUNDREDTH).negRisk(false).nonce(7).build()))
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("nonce");
    }

    @Test
    void aDomainWithoutVerifyingContractSignsWithTheThreeFieldDomainType() throws Exception {
        ExchangeDomain domain = ExchangeDomain.withoutVerifyingContract("Polymarket CTF Exchange", "2", 137,
                OrderStruct.V2);
        assertThat(domain.verifyingContract()).isNull();
        ClobOrder order = ClobOrder.builder().salt(1).maker(KEY.address()).signer(KEY.address()).tokenId(TOKEN)
                .makerAmount(1_000_000).takerAmount(2_000_000).side(Side.BUY).timestamp(NOW.toEpochMilli()).build();
        String json = "{\"types\":{\"EIP712Domain\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":"
                + "\"version\",\"type\":\"string\"},{\"name\":\"chainId\",\"type\":\"uint256\"}],"
                + "\"Order\":[{\"name\":\"salt\",\"type\":\"uint256\"},{\"name\":\"maker\",\"type\":\"address\"},"
                + "{\"name\":\"signer\",\"type\":\"address\"},{\"name\":\"tokenId\",\"type\":\"uint256\"},"
                + "{\"name\":\"makerAmount\",\"type\":\"uint256\"},{\"name\":\"takerAmount\",\"type\":\"uint256\"},"
                + "{\"name\":\"side\",\"type\":\"uint8\"},{\"name\":\"signatureType\",\"type\":\"uint8\"},"
                + "{\"name\":\"timestamp\",\"type\":\"uint256\"},{\"name\":\"metadata\",\"type\":\"bytes32\"},"
                + "{\"name\":\"builder\",\"type\":\"bytes32\"}]},\"primaryType\":\"Order\",\"domain\":{\"name\":"
                + "\"Polymarket CTF Exchange\",\"version\":\"2\",\"chainId\":137},\"message\":{\"salt\":1,"
                + "\"maker\":\"" + KEY.address() + "\",\"signer\":\"" + KEY.address() + "\",\"tokenId\":\"" + TOKEN
                + "\",\"makerAmount\":1000000,\"takerAmount\":2000000,\"side\":0,\"signatureType\":0,"
                + "\"timestamp\":" + NOW.toEpochMilli() + ",\"metadata\":\"0x" + "00".repeat(32) + "\",\"builder\":"
                + "\"0x" + "00".repeat(32) + "\"}}";
        byte[] expected = new org.web3j.crypto.StructuredDataEncoder(json).hashStructuredData();
        assertThat(PolymarketSigner.orderDigest(order, domain)).isEqualTo(expected);
        assertThatThrownBy(() -> ExchangeDomain.of("2", 137, null, OrderStruct.V2))
                .hasMessageContaining("withoutVerifyingContract");
    }

    private String mapperText(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
