package dev.tradingsdk.kalshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.CursorPaginationException;
import dev.tradingsdk.core.http.RateLimitedException;
import dev.tradingsdk.core.http.ResponseDecodingException;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.http.TransportException;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KalshiClient against a loopback server serving the shared payloads. */
class KalshiClientTest {

    static final JsonNode AUTH = Vectors.json("auth-signing.json");
    static final String TICKER = "KXHIGHNY-26MAY05-B74.5";

    private MockKalshi kalshi;
    private MockKalshi.FakeTime time;

    @BeforeEach
    void start() throws Exception {
        kalshi = new MockKalshi();
        time = new MockKalshi.FakeTime();
    }

    @AfterEach
    void stop() throws Exception {
        kalshi.close();
    }

    static KalshiSigner signer() {
        return KalshiSigner.fromPem(AUTH.get("key_id_example").asText(), AUTH.get("private_key_pem_pkcs1").asText(),
                new SimulatedClock(Instant.ofEpochMilli(1703123456789L)));
    }

    private KalshiClient.Builder client() {
        return client(KalshiRateLimits.advanced());
    }

    /** Builders refuse an option set twice, so a test needing other limits passes them here. */
    private KalshiClient.Builder client(KalshiRateLimits limits) {
        return KalshiClient.builder().baseUrl(kalshi.baseUrl()).signer(signer()).timeSource(time)
                .rateLimits(limits).readTimeout(Duration.ofMillis(300));
    }

    @Test
    void requestsAreSignedOverTheFullPathWithoutQuery() throws Exception {
        kalshi.always("GET /portfolio/orders", "{\"orders\":[],\"cursor\":\"\"}");
        client().build().orders(TICKER, "resting").toList();
        RecordedRequest request = kalshi.requests.get(0);
        assertThat(request.getRequestUrl().encodedQuery()).contains("ticker=" + TICKER).contains("status=resting");
        assertThat(request.getHeader(KalshiSigner.KEY_HEADER)).isEqualTo(AUTH.get("key_id_example").asText());
        assertThat(request.getHeader(KalshiSigner.TIMESTAMP_HEADER)).isEqualTo("1703123456789");
        assertThat(KalshiSignerTest.verify("1703123456789GET/trade-api/v2/portfolio/orders",
                request.getHeader(KalshiSigner.SIGNATURE_HEADER))).isTrue();
    }

    @Test
    void marketDataEndpointsParseTheSharedPayloads() {
        kalshi.always("GET /exchange/status", Vectors.body("exchange-status.json", "/response_open"))
                .always("GET /exchange/schedule", Vectors.body("schedule.json", "/response"))
                .always("GET /series/KXHIGHNY", Vectors.body("series.json", "/response_quadratic"))
                .always("GET /markets/" + TICKER, Vectors.body("markets.json", "/single_market_response"))
                .always("GET /markets/" + TICKER + "/orderbook", Vectors.body("orderbook.json", "/response"))
                .always("GET /markets/orderbooks", Vectors.body("orderbook.json", "/batch_response_GET_markets_orderbooks"))
                .always("GET /events/KXHIGHNY-26MAY05", Vectors.body("event.json", "/get_event_response"))
                .always("GET /events", Vectors.body("event.json", "/get_events_response"))
                .always("GET /series/KXHIGHNY/markets/" + TICKER + "/candlesticks",
                        Vectors.body("candlesticks.json", "/response"))
                .always("GET /historical/markets/" + TICKER + "/candlesticks", Vectors.body("candlesticks.json", "/response"))
                .always("GET /portfolio/balance", Vectors.body("balance.json", "/response"))
                .always("GET /portfolio/positions", Vectors.body("balance.json", "/positions_response"))
                .always("GET /portfolio/fills", Vectors.body("balance.json", "/fills_response"))
                .always("GET /portfolio/settlements", Vectors.body("settlements.json", "/response"));
        KalshiClient client = client().build();
        assertThat(client.exchangeStatus().tradingActive()).isTrue();
        assertThat(client.exchangeSchedule().maintenanceWindows()).hasSize(1);
        assertThat(client.series("KXHIGHNY").feeType()).isEqualTo(FeeType.QUADRATIC);
        assertThat(client.market(TICKER).yesBid()).contains(Price.of("0.4200"));
        assertThat(client.orderbook(TICKER, 0).bestYesAsk().orElseThrow().price()).isEqualTo(Price.of("0.4400"));
        assertThat(client.orderbooks(List.of(TICKER))).singleElement()
                .satisfies(book -> assertThat(book.bestYesBid().orElseThrow().size()).isEqualTo(Quantity.of("13.00")));
        assertThat(client.event("KXHIGHNY-26MAY05").markets()).hasSize(2);
        assertThat(client.events("KXHIGHNY", "open").toList()).hasSize(1);
        Instant start = Instant.ofEpochSecond(1777914000);
        assertThat(client.candlesticks("KXHIGHNY", TICKER, start, start.plusSeconds(7200), Candlestick.Interval.ONE_HOUR))
                .hasSize(2);
        assertThat(client.historicalCandlesticks(TICKER, start, start.plusSeconds(7200), Candlestick.Interval.ONE_HOUR))
                .hasSize(2);
        assertThat(client.balance().balance().toBigDecimal()).isEqualByComparingTo("500");
        assertThat(client.positions(null).toList()).hasSize(2);
        assertThat(client.fills(TICKER).toList()).singleElement().extracting(KalshiFill::orderId)
                .isEqualTo("4c1d9f38-2b6e-4f0a-9f3e-6a2b1c0d9e11");
        assertThat(client.settlements(null).toList()).hasSize(1);
        String candleQuery = kalshi.requests.stream().filter(r -> r.getPath().contains("/series/KXHIGHNY/markets"))
                .findFirst().orElseThrow().getRequestUrl().encodedQuery();
        assertThat(candleQuery).isEqualTo("start_ts=1777914000&end_ts=1777921200&period_interval=60");
        assertThat(kalshi.requests.stream().filter(r -> r.getPath().startsWith("/trade-api/v2/markets/orderbooks"))
                .findFirst().orElseThrow().getRequestUrl().encodedQuery()).isEqualTo("tickers=" + TICKER);
    }

    @Test
    void historicalEndpointsUseTheLiveShapes() {
        kalshi.always("GET /historical/cutoff", "{\"market_settled_ts\":1777000000,\"trades_created_ts\":"
                        + "\"2026-04-24T03:06:40Z\",\"orders_updated_ts\":1777100000}")
                .always("GET /historical/trades", Vectors.body("trades.json", "/response").replace(
                        "CgwIxdSQwQYQqJ6yNxIgNWIyZjBjMWU", ""))
                .always("GET /historical/markets", Vectors.body("markets.json", "/last_page_response"))
                .always("GET /historical/orders", Vectors.body("order-create.json", "/get_orders_response"));
        KalshiClient client = client().build();
        Map<String, Instant> cutoff = client.historicalCutoff();
        assertThat(cutoff).containsEntry("market_settled_ts", Instant.ofEpochSecond(1777000000))
                .containsEntry("trades_created_ts", Instant.parse("2026-04-24T03:06:40Z"));
        Instant from = Instant.ofEpochSecond(1777900000);
        assertThat(client.historicalTrades(TICKER, from, null).toList()).hasSize(2);
        assertThat(kalshi.requests.get(1).getRequestUrl().queryParameter("min_ts")).isEqualTo("1777900000");
        assertThat(client.historicalMarkets(MarketQuery.all().seriesTicker("KXHIGHNY")).toList()).isEmpty();
        // A legacy order without outcome_side/book_side cannot say its direction: refused, naming the field.
        // It is core's decoding error, so a caller catching ApiException sees it, with the venue's reason as cause.
        assertThatThrownBy(() -> client.historicalOrders(TICKER).toList()).isInstanceOf(ResponseDecodingException.class)
                .isInstanceOf(ApiException.class).hasMessageContaining("getHistoricalOrders")
                .hasMessageContaining("/historical/orders")
                .hasMessageContaining("book_side").hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paginationIsLazyStopsOnAnEmptyCursorAndRefusesARepeatedOne() {
        String page1 = Vectors.body("markets.json", "/response");
        String page2 = page1.replace("CgsI2ZqQwQYQ4KqZGxIWS1hISUdITlktMjZNQVkwNS1UNzU", "page-3");
        kalshi.then("GET /markets", 200, page1).then("GET /markets", 200, page2)
                .then("GET /markets", 200, Vectors.body("markets.json", "/last_page_response"));
        KalshiClient client = client().build();
        assertThat(client.markets(MarketQuery.all().status("open")).toList()).hasSize(4);
        assertThat(kalshi.requests).hasSize(3);
        assertThat(kalshi.requests.get(1).getRequestUrl().queryParameter("cursor"))
                .isEqualTo("CgsI2ZqQwQYQ4KqZGxIWS1hISUdITlktMjZNQVkwNS1UNzU");
        assertThat(kalshi.requests.get(2).getRequestUrl().queryParameter("cursor")).isEqualTo("page-3");

        kalshi.requests.clear();
        kalshi.then("GET /markets", 200, page1);
        assertThat(client.markets(MarketQuery.all()).findFirst()).isPresent();
        assertThat(kalshi.requests).hasSize(1);

        kalshi.then("GET /markets", 200, page1).then("GET /markets", 200, page2).then("GET /markets", 200, page2);
        assertThatThrownBy(() -> client.markets(MarketQuery.all()).toList())
                .isInstanceOf(CursorPaginationException.class)
                .hasMessageContaining("page 3 returned cursor \"page-3\", which an earlier page already returned");
    }

    @Test
    void callsTakeTheirCostFromTheReadAndWriteBuckets() {
        kalshi.always("GET /portfolio/balance", Vectors.body("balance.json", "/response"))
                .always("POST /portfolio/events/orders", Vectors.body("order-create.json",
                        "/v2/response_201_create_resting_DOC_EXAMPLE"));
        // 100 read tokens/s holding 20: two calls of cost 10 pass, the third waits 100 ms for its tokens.
        KalshiRateLimits limits = KalshiRateLimits.of(100, 20, 100, 10).withCost("getBalance", 10)
                .withCost(KalshiRateLimits.CREATE_ORDER, 10);
        KalshiClient client = client(limits).build();
        client.balance();
        client.balance();
        assertThat(time.sleeps).isEmpty();
        client.balance();
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(100).toNanos());
        // The write bucket is separate: the first create passes at once, the second waits 100 ms.
        client.createOrder(KalshiOrderRequest.buyYes(TICKER, "0.42", "1").clientOrderId("a").build());
        assertThat(time.sleeps).hasSize(1);
        client.createOrder(KalshiOrderRequest.buyYes(TICKER, "0.42", "1").clientOrderId("b").build());
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(100).toNanos(), Duration.ofMillis(100).toNanos());
        // A batch that cannot fit in the write bucket is refused before sending.
        int before = kalshi.requests.size();
        assertThatThrownBy(() -> client.batchCreateOrders(List.of(
                KalshiOrderRequest.buyYes(TICKER, "0.42", "1").clientOrderId("c").build(),
                KalshiOrderRequest.buyYes(TICKER, "0.42", "1").clientOrderId("d").build())))
                .hasMessageContaining("cost 20 tokens, more than the write bucket's capacity 10");
        assertThat(kalshi.requests).hasSize(before);
    }

    @Test
    void a429BacksOffForReadsAndWrites() {
        String tooMany = Vectors.body("order-create.json", "/error_429_documented");
        kalshi.then("GET /portfolio/balance", 429, tooMany)
                .then("GET /portfolio/balance", 200, Vectors.body("balance.json", "/response"))
                .then("POST /portfolio/events/orders", 429, tooMany)
                .then("POST /portfolio/events/orders", 429, tooMany)
                .then("POST /portfolio/events/orders", 201, Vectors.body("order-create.json",
                        "/v2/response_201_create_resting_DOC_EXAMPLE"));
        KalshiClient client = client().build();
        assertThat(client.balance().balance().toBigDecimal()).isEqualByComparingTo("500");
        assertThat(time.sleeps).hasSize(1);
        OrderAck ack = client.createOrder(KalshiOrderRequest.buyYes(TICKER, "0.56", "10").clientOrderId("x").build());
        assertThat(ack.orderId()).isEqualTo("3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d");
        assertThat(time.sleeps).hasSize(3);
        assertThat(time.sleeps.get(2)).isGreaterThan(0L);
        assertThat(kalshi.calls()).containsExactly("GET /portfolio/balance", "GET /portfolio/balance",
                "POST /portfolio/events/orders", "POST /portfolio/events/orders", "POST /portfolio/events/orders");

        kalshi.then("POST /portfolio/events/orders", 429, tooMany);
        KalshiClient impatient = client().retryPolicy(RetryPolicy.none()).build();
        assertThatThrownBy(() -> impatient.createOrder(KalshiOrderRequest.buyYes(TICKER, "0.56", "10")
                .clientOrderId("y").build())).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aDuplicateClientOrderIdIsReportedAsSuchAndNotRetried() {
        kalshi.then("POST /portfolio/events/orders", 409,
                "{\"code\":\"duplicate_client_order_id\",\"message\":\"client order id already exists\"}");
        KalshiClient client = client().build();
        assertThatThrownBy(() -> client.createOrder(KalshiOrderRequest.buyYes(TICKER, "0.42", "10")
                .clientOrderId("dup-1").build()))
                .isInstanceOfSatisfying(DuplicateClientOrderIdException.class, e -> {
                    assertThat(e.clientOrderId()).isEqualTo("dup-1");
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.venueCode()).contains("duplicate_client_order_id");
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(kalshi.calls()).containsExactly("POST /portfolio/events/orders");
    }

    /** An answer that comes after the client's 300 ms read timeout: the request arrived, the answer is lost. */
    private static MockResponse lostAnswer() {
        return new MockResponse().setHeadersDelay(1, java.util.concurrent.TimeUnit.SECONDS)
                .setBody(Vectors.body("order-create.json", "/v2/response_201_create_resting_DOC_EXAMPLE"));
    }

    /** Creates the order that the served order listing shows resting, expecting it adopted from the lookup. */
    private static void adoptsTheRestingOrderFromTheLookup(KalshiClient client) {
        OrderAck ack = client.createOrder(KalshiOrderRequest.buyNo(TICKER, "0.60", "5").clientOrderId("bot-7f3a2c9e-0002")
                .build());
        assertThat(ack.recovered()).isTrue();
        assertThat(ack.orderId()).isEqualTo("4c1d9f38-2b6e-4f0a-9f3e-6a2b1c0d9e11");
        assertThat(ack.remainingCount()).isEqualTo(Quantity.of("5.00"));
    }

    @Test
    void aTimedOutCreateIsLookedUpBeforeAnyResend() {
        String resting = Vectors.body("order-create.json", "/v2/response_200_get_orders_current_ILLUSTRATIVE");
        kalshi.then("POST /portfolio/events/orders", lostAnswer())
                .then("GET /portfolio/orders", 200, resting);
        adoptsTheRestingOrderFromTheLookup(client().build());
        assertThat(kalshi.calls()).containsExactly("POST /portfolio/events/orders", "GET /portfolio/orders");
        assertThat(kalshi.requests.get(1).getRequestUrl().queryParameter("ticker")).isEqualTo(TICKER);
    }

    @Test
    void aTimedOutCreateThatTheVenueNeverSawIsSentOnceMoreWithTheSameId() throws Exception {
        kalshi.then("POST /portfolio/events/orders", lostAnswer())
                .then("GET /portfolio/orders", 200, "{\"orders\":[],\"cursor\":\"\"}")
                .then("POST /portfolio/events/orders", 201, Vectors.body("order-create.json",
                        "/v2/response_201_create_resting_DOC_EXAMPLE"));
        OrderAck ack = client().build().createOrder(KalshiOrderRequest.buyYes(TICKER, "0.56", "10")
                .clientOrderId("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1").build());
        assertThat(ack.recovered()).isFalse();
        assertThat(kalshi.calls()).containsExactly("POST /portfolio/events/orders", "GET /portfolio/orders",
                "POST /portfolio/events/orders");
        assertThat(kalshi.requests.get(2).getBody().readUtf8()).isEqualTo(kalshi.requests.get(0).getBody().readUtf8());

        // Both attempts time out: the outcome is unknown and reported as a timeout, after one lookup in between.
        kalshi.requests.clear();
        kalshi.then("POST /portfolio/events/orders", lostAnswer())
                .then("GET /portfolio/orders", 200, "{\"orders\":[],\"cursor\":\"\"}")
                .then("POST /portfolio/events/orders", lostAnswer());
        assertThatThrownBy(() -> client().build().createOrder(KalshiOrderRequest.buyYes(TICKER, "0.56", "10")
                .clientOrderId("z").build())).isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.timedOut()).isTrue());
        assertThat(kalshi.calls()).containsExactly("POST /portfolio/events/orders", "GET /portfolio/orders",
                "POST /portfolio/events/orders");
    }

    @Test
    void aBodyWithAnErrorCodeIsARejectionWhateverTheStatus() {
        String deprecated = Vectors.body("order-create.json", "/v2/error_deprecated_v1_order_endpoint_OBSERVED");
        kalshi.then("POST /portfolio/events/orders", 200, deprecated)
                .then("POST /portfolio/events/orders", 410, deprecated)
                .then("POST /portfolio/events/orders", 400, Vectors.body("order-create.json", "/v2/error_v2_shape"));
        KalshiClient client = client().build();
        KalshiOrderRequest order = KalshiOrderRequest.buyYes(TICKER, "0.42", "1").clientOrderId("r").build();
        assertThatThrownBy(() -> client.createOrder(order)).isInstanceOf(KalshiOrderRejectedException.class)
                .hasMessageContaining("deprecated_v1_order_endpoint");
        assertThatThrownBy(() -> client.createOrder(order)).isInstanceOfSatisfying(KalshiOrderRejectedException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(410));
        assertThatThrownBy(() -> client.createOrder(order))
                .isInstanceOf(dev.tradingsdk.core.http.InvalidRequestException.class)
                .hasMessageContaining("available_balance_too_low");
        assertThat(kalshi.calls()).hasSize(3);
    }

    @Test
    void anUnreadableCreateAnswerIsAmbiguousLookedUpAndNeverARejection() {
        // 201 with a garbled body: the venue took the request, the order may be live. Found by its id: adopted.
        String resting = Vectors.body("order-create.json", "/v2/response_200_get_orders_current_ILLUSTRATIVE");
        kalshi.then("POST /portfolio/events/orders", 201, "{\"order_id\":\"4c1d9f38-")
                .then("GET /portfolio/orders", 200, resting);
        KalshiClient client = client().build();
        adoptsTheRestingOrderFromTheLookup(client);
        assertThat(kalshi.calls()).containsExactly("POST /portfolio/events/orders", "GET /portfolio/orders");

        // An answer without order_id, and the lookup finds nothing: unknown, reported as such, and not sent again.
        kalshi.requests.clear();
        kalshi.then("POST /portfolio/events/orders", 201, "{\"client_order_id\":\"r\",\"fill_count\":\"0.00\"}")
                .then("GET /portfolio/orders", 200, "{\"orders\":[],\"cursor\":\"\"}");
        assertThatThrownBy(() -> client.createOrder(KalshiOrderRequest.buyYes(TICKER, "0.42", "1").clientOrderId("r")
                .build())).isInstanceOf(ResponseDecodingException.class)
                .isNotInstanceOf(KalshiOrderRejectedException.class).hasMessageContaining("order_id")
                .hasMessageContaining("createOrder");
        assertThat(kalshi.calls()).containsExactly("POST /portfolio/events/orders", "GET /portfolio/orders");
    }

    @Test
    void theCreateBodyIsTheDocumentedV2Shape() throws Exception {
        kalshi.always("POST /portfolio/events/orders", Vectors.body("order-create.json",
                "/v2/response_201_create_filled_DOC_EXAMPLE"));
        KalshiClient client = client().build();
        OrderAck ack = client.createOrder(KalshiOrderRequest.buyNo(TICKER, "0.60", "5").clientOrderId("bot-7f3a2c9e-0002")
                .timeInForce(KalshiTimeInForce.IMMEDIATE_OR_CANCEL).build());
        JsonNode sent = Vectors.JSON.readTree(kalshi.requests.get(0).getBody().readUtf8());
        assertThat(sent).isEqualTo(Vectors.json("order-create.json").at("/v2/request_create_buy_no_ioc_ILLUSTRATIVE/body"));
        assertThat(ack.fillCount()).isEqualTo(Quantity.of("5.00"));
        assertThat(ack.averageFillPrice()).contains(Price.of("0.5800"));
        assertThat(ack.averageFeePaid().orElseThrow().toBigDecimal()).isEqualByComparingTo("0.0012");

        KalshiOrderRequest gtc = KalshiOrderRequest.sellYes(TICKER, "0.50", "10").clientOrderId("bot-7f3a2c9e-0003")
                .expiration(Instant.ofEpochSecond(1778039940)).selfTradePrevention(SelfTradePrevention.MAKER).build();
        assertThat(Vectors.JSON.readTree(Vectors.JSON.writeValueAsString(gtc.toJson())))
                .isEqualTo(Vectors.json("order-create.json").at("/v2/request_create_gtc_with_expiry_ILLUSTRATIVE/body"));
    }

    @Test
    void theFourIntentsMapOntoTheSingleYesBook() {
        for (JsonNode mapping : Vectors.json("order-create.json").at("/v2/side_price_mapping")) {
            String[] intent = mapping.get("intent").asText().split(" ");
            String price = intent[3];
            KalshiOrderRequest.Builder builder = switch (intent[0] + " " + intent[1]) {
                case "buy YES" -> KalshiOrderRequest.buyYes(TICKER, price, "1");
                case "sell YES" -> KalshiOrderRequest.sellYes(TICKER, price, "1");
                case "buy NO" -> KalshiOrderRequest.buyNo(TICKER, price, "1");
                case "sell NO" -> KalshiOrderRequest.sellNo(TICKER, price, "1");
                default -> throw new IllegalStateException(mapping.toString());
            };
            KalshiOrderRequest order = builder.clientOrderId("m").build();
            assertThat(order.side().wireName()).as(mapping.toString()).isEqualTo(mapping.get("side").asText());
            assertThat(order.price()).as(mapping.toString()).isEqualTo(Price.of(mapping.get("price").asText()));
        }
    }

    @Test
    void invalidOrdersNameTheFieldAndSendNothing() {
        assertThatThrownBy(() -> KalshiOrderRequest.buyYes(TICKER, "1.00", "1")).hasMessageContaining("'price'")
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> KalshiOrderRequest.buyYes(TICKER, "0.42", "0.001")).hasMessageContaining("'count'");
        assertThatThrownBy(() -> KalshiOrderRequest.buyYes(TICKER, "0.42", "1").build())
                .hasMessageContaining("'client_order_id'").hasMessageContaining("required");
        assertThatThrownBy(() -> KalshiOrderRequest.buyYes(TICKER, "0.42", "1").clientOrderId("c").reduceOnly(true)
                .build()).hasMessageContaining("'reduce_only'").hasMessageContaining("good_till_canceled");
        assertThatThrownBy(() -> KalshiOrderRequest.buyYes(TICKER, "0.42", "1").clientOrderId("c")
                .timeInForce(KalshiTimeInForce.IMMEDIATE_OR_CANCEL).expiration(Instant.EPOCH).build())
                .hasMessageContaining("'expiration_time'");
        assertThatThrownBy(() -> KalshiClient.builder().environment(KalshiEnvironment.DEMO).baseUrl("http://x"))
                .hasMessageContaining("baseUrl http://x conflicts with environment DEMO");
        assertThat(kalshi.requests).isEmpty();
    }

    @Test
    void cancelAmendDecreaseAndBatches() throws Exception {
        String id = "3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d";
        kalshi.always("DELETE /portfolio/events/orders/" + id, Vectors.body("order-create.json",
                        "/v2/response_200_cancel_DOC_EXAMPLE"))
                .always("POST /portfolio/events/orders/" + id + "/amend", Vectors.body("order-create.json",
                        "/v2/response_200_amend_DOC_EXAMPLE"))
                .always("POST /portfolio/events/orders/" + id + "/decrease", Vectors.body("order-create.json",
                        "/v2/response_200_decrease_DOC_EXAMPLE"))
                .always("POST /portfolio/events/orders/batched", Vectors.body("order-create.json",
                        "/v2/response_201_batch_create_with_item_error_ILLUSTRATIVE"))
                .always("DELETE /portfolio/events/orders/batched", Vectors.body("order-create.json",
                        "/v2/response_200_batch_cancel_DOC_EXAMPLE"))
                .then("DELETE /portfolio/events/orders", new MockResponse().setResponseCode(204));
        KalshiClient client = client().build();
        CancelAck cancel = client.cancelOrder(id, "HIGHNY-24JAN01-T60");
        assertThat(cancel.reducedBy()).isEqualTo(Quantity.of("10.00"));
        assertThat(kalshi.requests.get(0).getRequestUrl().queryParameter("market_ticker")).isEqualTo("HIGHNY-24JAN01-T60");

        AmendAck amend = client.amendOrder(id, OrderAmendment.of("HIGHNY-24JAN01-T60", BookSide.BID, "0.57", "8")
                .withClientOrderIds("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1", "2a0e3fc9-b593-4aa3-96e5-82f7f7566c2a"));
        assertThat(amend.remainingCount()).contains(Quantity.of("8.00"));
        JsonNode amendBody = Vectors.JSON.readTree(kalshi.requests.get(1).getBody().readUtf8());
        JsonNode documented = Vectors.json("order-create.json").at("/v2/request_amend_DOC_EXAMPLE/body").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) documented).remove("exchange_index");
        assertThat(amendBody).isEqualTo(documented);

        AmendAck decrease = client.decreaseOrderBy(id, null, Quantity.of("2.00"));
        assertThat(decrease.remainingCount()).contains(Quantity.of("8.00"));
        assertThat(kalshi.requests.get(2).getBody().readUtf8()).isEqualTo("{\"reduce_by\":\"2.00\"}");

        List<BatchResult<OrderAck>> created = client.batchCreateOrders(List.of(
                KalshiOrderRequest.buyYes("HIGHNY-24JAN01-T60", "0.56", "10")
                        .clientOrderId("8c35ecb3-328f-4f52-8c7c-0f4b9862f8d1").build(),
                KalshiOrderRequest.sellYes("HIGHNY-24JAN01-T60", "0.58", "5")
                        .clientOrderId("2a0e3fc9-b593-4aa3-96e5-82f7f7566c2a").build()));
        assertThat(created.get(0).result().orElseThrow().remainingCount()).isEqualTo(Quantity.of("10.00"));
        assertThat(created.get(1).error().orElseThrow().code()).isEqualTo("invalid_order_size");

        Map<String, String> cancels = new LinkedHashMap<>();
        cancels.put(id, null);
        cancels.put("a6d6010d-6d5f-40a1-a7e7-5501386bb621", null);
        assertThat(client.batchCancelOrders(cancels)).allMatch(BatchResult::succeeded)
                .extracting(r -> r.result().orElseThrow().reducedBy().toString()).containsExactly("10.00", "5.00");
        client.cancelAllOrders(null);
        List<String> calls = kalshi.calls();
        assertThat(calls.get(calls.size() - 1)).isEqualTo("DELETE /portfolio/events/orders");

        assertThatThrownBy(() -> client.batchCreateOrders(List.of(
                KalshiOrderRequest.buyYes(TICKER, "0.5", "1").clientOrderId("same").build(),
                KalshiOrderRequest.buyYes(TICKER, "0.5", "1").clientOrderId("same").build())))
                .hasMessageContaining("orders[1].client_order_id").hasMessageContaining("repeats orders[0]");
    }

    @Test
    void anAnswerAboutAnotherOrderIsNotTakenAsThisOrdersAnswer() {
        kalshi.always("DELETE /portfolio/events/orders/other-id", Vectors.body("order-create.json",
                "/v2/response_200_cancel_DOC_EXAMPLE"));
        assertThatThrownBy(() -> client().build().cancelOrder("other-id", TICKER))
                .isInstanceOf(ResponseDecodingException.class).hasMessageContaining("not the order acted on")
                .hasMessageContaining("cancelOrder");
    }

    @Test
    void privateCallsNeedASignerAndSecretsStayOutOfToString() {
        KalshiClient anonymous = KalshiClient.builder().baseUrl(kalshi.baseUrl()).build();
        assertThatThrownBy(anonymous::balance).hasMessageContaining("needs a KalshiSigner");
        assertThat(client().build().toString()).doesNotContain("PRIVATE").contains("signed");
        assertThat(signer().toString()).doesNotContain("MIIE");
    }
}
