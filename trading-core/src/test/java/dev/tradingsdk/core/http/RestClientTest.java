package dev.tradingsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestClientTest {

    /** 2026-11-20T23:00:00Z, a Friday. */
    private static final long START_MILLIS = Instant.parse("2026-11-20T23:00:00Z").toEpochMilli();

    private MockWebServer server;
    private SimulatedTimeSource time;

    record Market(String ticker, @JsonProperty("yes_bid_dollars") BigDecimal yesBid) {
    }

    record MarketsPage(List<Market> markets, String cursor) {
    }

    record Price(String symbol, BigDecimal price) {
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        time = new SimulatedTimeSource(START_MILLIS);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private RestClient.Builder client(String venue) {
        return client(venue, Duration.ofSeconds(5));
    }

    private RestClient.Builder client(String venue, Duration readTimeout) {
        return RestClient.builder(venue, server.url("/").toString())
            .timeSource(time)
            .random(new SplittableRandom(42))
            .readTimeout(readTimeout);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void decodesRealPayloadIgnoringUnknownFieldsAndSendsQueryAndHeaders() throws Exception {
        server.enqueue(json(Vectors.file("markets.json").get("response").toString()));
        RestClient kalshi = RestClient.builder("kalshi", server.url("/trade-api/v2").toString())
            .timeSource(time)
            .userAgent("tsdk-test/1")
            .defaultHeader("Accept", "application/json")
            .build();

        MarketsPage page = kalshi.get("/markets").operation("getMarkets")
            .query("status", "open").query("cursor", null).query("limit", 2)
            .execute(MarketsPage.class);

        assertThat(page.markets()).isNotEmpty();
        assertThat(page.markets().get(0).ticker()).isEqualTo("KXHIGHNY-26MAY05-B74.5");
        assertThat(page.markets().get(0).yesBid()).isEqualByComparingTo("0.42");
        assertThat(page.cursor()).isNotBlank();
        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/trade-api/v2/markets?status=open&limit=2");
        assertThat(request.getHeader("User-Agent")).isEqualTo("tsdk-test/1");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    }

    @Test
    void signerSeesExactlyTheBodyBytesSentAndThePathWithoutQuery() throws Exception {
        server.enqueue(json("{\"order_id\":\"o-1\"}"));
        List<SignableRequest> signed = new ArrayList<>();
        RestClient kalshi = RestClient.builder("kalshi", server.url("/trade-api/v2/").toString())
            .timeSource(time)
            .signer((request, out) -> {
                signed.add(request);
                out.header("KALSHI-ACCESS-SIGNATURE", "sig-of-" + request.method() + request.path());
                out.queryParameter("signature", "abc");
            })
            .build();

        JsonNode created = kalshi.post("/portfolio/orders").operation("createOrder").query("dry", "false")
            .jsonBody(Map.of("ticker", "KXHIGHNY-26MAY05-B74.5", "count", 3, "yes_price_dollars", new BigDecimal("0.4200")))
            .executeJson();

        assertThat(created.get("order_id").asText()).isEqualTo("o-1");
        RecordedRequest request = server.takeRequest();
        byte[] sentBody = request.getBody().readByteArray();
        assertThat(signed).hasSize(1);
        assertThat(signed.get(0).body()).isEqualTo(sentBody);
        assertThat(new String(sentBody, StandardCharsets.UTF_8)).contains("\"yes_price_dollars\":0.4200");
        assertThat(signed.get(0).method()).isEqualTo(HttpMethod.POST);
        assertThat(signed.get(0).path()).isEqualTo("/trade-api/v2/portfolio/orders");
        assertThat(signed.get(0).query()).isEqualTo("dry=false");
        assertThat(request.getPath()).isEqualTo("/trade-api/v2/portfolio/orders?dry=false&signature=abc");
        assertThat(request.getHeader("KALSHI-ACCESS-SIGNATURE")).isEqualTo("sig-of-POST/trade-api/v2/portfolio/orders");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void rateLimited429WithRetryAfterSecondsWaitsThatLongThenSucceeds() throws Exception {
        server.enqueue(Vectors.errorCase("binance-errors.json", "rate_limited_429"));
        server.enqueue(json("{\"symbol\":\"BTCUSDT\",\"price\":\"97000.01000000\"}"));
        RestClient binance = client("binance").retryPolicy(RetryPolicy.defaults().withMaxRetryAfter(Duration.ofMinutes(1)))
            .build();

        Price price = binance.get("/api/v3/ticker/price").query("symbol", "BTCUSDT").execute(Price.class);

        assertThat(price.price()).isEqualByComparingTo("97000.01");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30).toNanos());
    }

    @Test
    void retryAfterAsHttpDateIsMeasuredFromTheWallClock() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "Fri, 20 Nov 2026 23:00:07 GMT"));
        server.enqueue(json("{\"ok\":true}"));
        RestClient client = client("venue").build();

        JsonNode body = client.get("/status").executeJson();

        assertThat(body.get("ok").asBoolean()).isTrue();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7).toNanos());
    }

    @Test
    void retryAfterLongerThanAllowedFailsAtOnceWithTheVenueDetails() {
        server.enqueue(Vectors.errorCase("anthropic-errors.json", "rate_limited_429"));
        RestClient anthropic = client("anthropic")
            .retryPolicy(RetryPolicy.defaults().withMaxRetryAfter(Duration.ofSeconds(5)))
            .build();

        RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
            () -> anthropic.post("/v1/messages").operation("createMessage").idempotencyKey("k-1")
                .jsonBody(Map.of("model", "m")).executeJson());

        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.venueCode()).contains("rate_limit_error");
        assertThat(e.venueMessage().orElseThrow()).startsWith("This request would exceed the rate limit");
        assertThat(e.requestId()).contains("req_011CcR9mkMvXdaiWP4739PSN");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("anthropic", "createMessage", "POST /v1/messages", "429");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void serverErrorThenSuccessIsRetriedWithJitteredBackoff() {
        server.enqueue(new MockResponse().setResponseCode(500).setBody("<html>Internal Server Error</html>"));
        server.enqueue(json("{\"ok\":true}"));
        BackoffPolicy backoff = new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.5);
        RestClient client = client("venue").retryPolicy(RetryPolicy.defaults().withBackoff(backoff)).build();

        assertThat(client.get("/x").executeJson().get("ok").asBoolean()).isTrue();

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isBetween(50_000_000L, 100_000_000L);
    }

    @Test
    void attemptCountIsBounded() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"code\":-1001,\"msg\":\"busy\"}"));
        }
        RestClient client = client("binance").retryPolicy(RetryPolicy.defaults().withMaxAttempts(3)).build();

        ServerException e = catchThrowableOfType(ServerException.class, () -> client.get("/api/v3/time").executeJson());

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(time.sleeps()).hasSize(2);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.venueCode()).contains("-1001");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void noRetryIsScheduledPastTheTotalDeadline() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse().setResponseCode(502));
        }
        BackoffPolicy fixedSecond = new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, 0.0);
        RestClient client = client("venue")
            .retryPolicy(new RetryPolicy(10, Duration.ofMillis(2500), fixedSecond, Duration.ofSeconds(30)))
            .build();

        assertThatThrownBy(() -> client.get("/x").executeJson()).isInstanceOf(ServerException.class);

        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(time.elapsedMillis()).isEqualTo(2000);
    }

    @Test
    void postWithoutIdempotencyKeyIsNotRetriedOnServerError() {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(json("{\"id\":\"dup\"}"));
        RestClient client = client("venue").build();

        ServerException e = catchThrowableOfType(ServerException.class,
            () -> client.post("/orders").operation("submitOrder").jsonBody(Map.of("qty", "1")).executeJson());

        assertThat(e.retryable()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void postWithoutIdempotencyKeyIsNotRetriedOnTimeout() {
        server.enqueue(json("{}").setHeadersDelay(500, TimeUnit.MILLISECONDS));
        server.enqueue(json("{\"id\":\"dup\"}"));
        RestClient client = client("venue", Duration.ofMillis(100)).build();

        TransportException e = catchThrowableOfType(TransportException.class,
            () -> client.post("/orders").operation("submitOrder").jsonBody(Map.of("qty", "1")).executeJson());

        assertThat(e.timedOut()).isTrue();
        assertThat(e.httpStatus()).isZero();
        assertThat(e.getMessage()).contains("venue submitOrder (POST /orders)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void postWithIdempotencyKeySendsTheKeyAndIsRetriedWithTheSameBody() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(500));
        server.enqueue(json("{\"id\":\"o-9\"}"));
        RestClient client = client("alpaca").idempotencyKeyHeader("X-Idempotency-Key").build();

        JsonNode order = client.post("/v2/orders").idempotencyKey("client-order-77")
            .jsonBody(Map.of("symbol", "AAPL", "qty", "1")).executeJson();

        assertThat(order.get("id").asText()).isEqualTo("o-9");
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getHeader("X-Idempotency-Key")).isEqualTo("client-order-77");
        assertThat(second.getHeader("X-Idempotency-Key")).isEqualTo("client-order-77");
        assertThat(second.getBody().readUtf8()).isEqualTo(first.getBody().readUtf8());
    }

    @Test
    void timeoutOnIdempotentCallIsRetried() {
        server.enqueue(json("{}").setHeadersDelay(500, TimeUnit.MILLISECONDS));
        server.enqueue(json("{\"ok\":true}"));
        RestClient client = client("venue", Duration.ofMillis(100)).build();

        assertThat(client.get("/x").executeJson().get("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void connectionDroppedMidBodyIsATransportFailureThatIdempotentCallsRetry() {
        String big = "{\"data\":\"" + "x".repeat(64 * 1024) + "\"}";
        server.enqueue(json(big).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(json("{\"ok\":true}"));
        server.enqueue(json(big).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        RestClient retrying = client("venue").build();
        RestClient single = client("venue").retryPolicy(RetryPolicy.none()).build();

        assertThat(retrying.get("/x").executeJson().get("ok").asBoolean()).isTrue();
        TransportException e = catchThrowableOfType(TransportException.class, () -> single.get("/y").executeJson());

        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION);
        assertThat(e.endpoint()).isEqualTo("GET /y");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void malformedJsonGivesTypedErrorNamingTheEndpoint() {
        server.enqueue(json("{\"symbol\":\"BTCUSDT\",\"price\":"));
        server.enqueue(json(""));
        server.enqueue(json("[1,2]"));
        RestClient client = client("binance").build();

        ResponseDecodingException truncated = catchThrowableOfType(ResponseDecodingException.class,
            () -> client.get("/api/v3/ticker/price").operation("tickerPrice").execute(Price.class));
        ResponseDecodingException empty = catchThrowableOfType(ResponseDecodingException.class,
            () -> client.get("/api/v3/ticker/price").executeJson());
        ResponseDecodingException wrongShape = catchThrowableOfType(ResponseDecodingException.class,
            () -> client.get("/api/v3/ticker/price").execute(new TypeReference<Map<String, Price>>() { }));

        assertThat(truncated.getMessage()).contains("binance", "tickerPrice", "GET /api/v3/ticker/price", "malformed JSON");
        assertThat(truncated.httpStatus()).isEqualTo(200);
        assertThat(truncated.retryable()).isFalse();
        assertThat(empty.getMessage()).contains("GET /api/v3/ticker/price", "empty body");
        assertThat(wrongShape.getMessage()).contains("GET /api/v3/ticker/price");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aVenueDecoderRefusingThePayloadGivesADecodingErrorNamingEndpointAndField() {
        server.enqueue(json("{\"symbol\":\"BTCUSDT\",\"price\":\"abc\"}").setHeader("x-request-id", "r-7"));
        server.enqueue(json("{\"symbol\":\"BTCUSDT\",\"price\":\"64000.5\"}"));
        RestClient client = client("binance").build();
        java.util.function.Function<JsonNode, BigDecimal> price = node -> {
            String text = node.path("price").asText();
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("price '" + text + "' is not a decimal", e);
            }
        };

        ResponseDecodingException refused = catchThrowableOfType(ResponseDecodingException.class,
            () -> client.get("/api/v3/ticker/price").operation("tickerPrice").executeJson(price));

        assertThat(refused).isInstanceOf(ApiException.class);
        assertThat(refused.getMessage()).contains("binance", "tickerPrice", "GET /api/v3/ticker/price",
            "price 'abc' is not a decimal");
        assertThat(refused.requestId()).contains("r-7");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getCause()).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("price 'abc' is not a decimal");
        assertThat(client.get("/api/v3/ticker/price").executeJson(price)).isEqualByComparingTo("64000.5");
    }

    @Test
    void anyOtherDecoderFailureIsReportedByItsKindOnlyWithoutItsMessage() {
        server.enqueue(json("{}"));
        RestClient client = client("binance").build();

        assertThatThrownBy(() -> client.get("/x").executeJson(node -> {
            throw new IllegalStateException("decoder bug quoting " + node);
        })).isExactlyInstanceOf(ResponseDecodingException.class).hasMessageContaining("IllegalStateException")
            .hasMessageNotContaining("decoder bug").hasNoCause();
    }

    @Test
    void errorBodiesBecomeTypedExceptions() {
        server.enqueue(Vectors.errorCase("binance-errors.json", "invalid_symbol_400"));
        server.enqueue(Vectors.errorCase("anthropic-errors.json", "auth_401"));
        server.enqueue(new MockResponse().setResponseCode(404).setBody("not json at all"));
        RestClient client = client("venue").build();

        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class,
            () -> client.get("/a").executeJson());
        AuthenticationException auth = catchThrowableOfType(AuthenticationException.class,
            () -> client.get("/b").executeJson());
        NotFoundException missing = catchThrowableOfType(NotFoundException.class, () -> client.get("/c").executeJson());

        assertThat(invalid.venueCode()).contains("-1121");
        assertThat(invalid.venueMessage()).contains("Invalid symbol.");
        assertThat(invalid.retryable()).isFalse();
        assertThat(auth.venueCode()).contains("authentication_error");
        assertThat(auth.requestId()).isPresent();
        assertThat(missing.venueMessage()).contains("not json at all");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    static final class VenueException extends ApiException {
        private static final long serialVersionUID = 1L;

        VenueException(ApiError error) {
            super(error);
        }
    }

    @Test
    void venueErrorMapperProducesItsOwnSubclassAndDecidesRetryability() {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"code\":\"market_closed\"}}"));
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"code\":\"try_again\"}}"));
        server.enqueue(json("{\"ok\":true}"));
        RestClient client = client("kalshi").errorMapper(response -> {
            String code = response.bodyText().contains("try_again") ? "try_again" : "market_closed";
            return new VenueException(response.error(code, "mapped", code.equals("try_again")));
        }).build();

        VenueException closed = catchThrowableOfType(VenueException.class, () -> client.get("/a").executeJson());
        JsonNode retried = client.get("/b").executeJson();

        assertThat(closed.venueCode()).contains("market_closed");
        assertThat(retried.get("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void rateLimitHoldsABurstToTheConfiguredRate() {
        for (int i = 0; i < 16; i++) {
            server.enqueue(json("{}"));
        }
        List<Long> sentAtMillis = new ArrayList<>();
        RestClient client = client("venue")
            .rateLimit(RateLimit.of(5, Duration.ofSeconds(1)).withBurst(5))
            .rateLimit("orders", RateLimit.of(2, Duration.ofSeconds(1)))
            .signer((request, out) -> sentAtMillis.add(time.elapsedMillis()))
            .build();

        for (int i = 0; i < 12; i++) {
            client.get("/book").executeJson();
        }
        assertThat(sentAtMillis).containsExactly(0L, 0L, 0L, 0L, 0L, 200L, 400L, 600L, 800L, 1000L, 1200L, 1400L);

        sentAtMillis.clear();
        time.advanceMillis(10_000);
        long base = time.elapsedMillis();
        for (int i = 0; i < 4; i++) {
            client.delete("/orders/" + i).endpointGroup("orders").executeJson();
        }
        assertThat(sentAtMillis).containsExactly(base, base + 500, base + 1000, base + 1500);
        assertThatThrownBy(() -> client.get("/x").endpointGroup("ordres").executeJson())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ordres");
    }

    @Test
    void secretsNeverAppearInToStringOrExceptionMessages() {
        String apiKey = "AKIA-very-secret-key";
        Secret secret = Secret.of("hmac-secret-0123456789");
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody("{\"code\":40110000,\"message\":\"request is not authorized\"}"));
        RestClient client = client("alpaca")
            .defaultHeader("APCA-API-KEY-ID", apiKey)
            .signer((request, out) -> out.header("X-Signature", secret.reveal().substring(0, 4) + request.method()))
            .build();

        AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
            () -> client.get("/v2/account").query("apiKey", apiKey).executeJson());

        assertThat(secret.toString()).doesNotContain("hmac-secret");
        assertThat(client.toString()).doesNotContain(apiKey).contains("APCA-API-KEY-ID");
        assertThat(e.getMessage()).doesNotContain(apiKey).contains("request is not authorized");
        assertThat(e.error().toString()).doesNotContain(apiKey);
        assertThat(new SignableRequest(HttpMethod.GET, "/v2/account", "apiKey=" + apiKey, new byte[0]).toString())
            .doesNotContain(apiKey);
    }

    @Test
    void emptyBodiesAndHeadersAreAvailableFromTheRawResponse() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204).setHeader("X-MBX-USED-WEIGHT-1M", "12"));
        RestClient client = client("binance").build();

        RestResponse response = client.delete("/api/v3/order").query("orderId", 5).execute();

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.header("x-mbx-used-weight-1m")).contains("12");
        assertThat(response.body()).isEmpty();
        assertThat(server.takeRequest().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void invalidArgumentsAreRejectedNamingTheField() {
        assertThatThrownBy(() -> RestClient.builder("v", "not a url")).hasMessageContaining("baseUrl");
        RestClient client = client("v").build();
        assertThatThrownBy(() -> client.get("/x?y=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> client.get("/x").weight(0)).hasMessageContaining("weight");
        assertThatThrownBy(() -> client.get("/x").idempotencyKey(" ")).hasMessageContaining("idempotency key");
    }
}
