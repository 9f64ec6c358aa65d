package dev.tradingsdk.brokers.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.brokers.BarInterval;
import dev.tradingsdk.brokers.BrokerAccount;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.BrokerPosition;
import dev.tradingsdk.brokers.Credentials;
import dev.tradingsdk.brokers.OrderChange;
import dev.tradingsdk.brokers.OrderFilter;
import dev.tradingsdk.brokers.TradingMode;
import dev.tradingsdk.brokers.Vectors;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
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
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlpacaBrokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Instrument aapl = AlpacaBroker.usEquity("AAPL");
    private MockWebServer server;
    private FakeAlpaca fake;
    private AlpacaBroker broker;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        fake = new FakeAlpaca();
        server.setDispatcher(fake);
        server.start();
        broker = builder().build();
    }

    private AlpacaBroker.Builder builder() {
        return builder(Credentials.of(FakeAlpaca.KEY_ID, FakeAlpaca.SECRET));
    }

    /** The test server's settings with {@code credentials} (the builder refuses a second set). */
    private AlpacaBroker.Builder builder(Credentials credentials) {
        return AlpacaBroker.builder().baseUrl(server.url("/").toString()).dataUrl(server.url("/").toString())
                .credentials(credentials).retryPolicy(RetryPolicy.none())
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(400));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void theAccountAndPositionsAreReadFromTheVectorBodies() {
        BrokerAccount account = broker.account();
        assertThat(account.accountId()).isEqualTo("010203ABCD");
        assertThat(account.cash()).isEqualTo(Money.of("-23140.20", Currency.USD));
        assertThat(account.equity()).isEqualTo(Money.of("103820.56", Currency.USD));
        assertThat(account.buyingPower()).isEqualTo(Money.of("262113.632", Currency.USD));
        assertThat(account.marginUsed()).isEqualTo(Money.of("63480.38", Currency.USD));
        assertThat(account.unrealizedPnl()).isEqualTo(Money.of("100.00", Currency.USD));

        BrokerPosition p = broker.positions().get(0);
        assertThat(p.instrument()).isEqualTo(aapl);
        assertThat(p.side()).isEqualTo(PositionSide.LONG);
        assertThat(p.quantity()).isEqualTo(Quantity.of("5"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("100.00"));
        assertThat(p.marketValue()).isEqualTo(Money.of("600.00", Currency.USD));
        assertThat(p.toPosition().averagePrice()).isEqualTo(Price.of("100.00"));
    }

    @Test
    void aMarketOrderSendsTheVectorRequestAndParsesTheVectorResponse() throws Exception {
        MockWebServer plain = new MockWebServer();
        plain.enqueue(new MockResponse().setBody(Vectors.body("alpaca-orders.json", "market_order")));
        plain.start();
        try {
            AlpacaBroker b = AlpacaBroker.builder().baseUrl(plain.url("/").toString())
                    .credentials(Credentials.of(FakeAlpaca.KEY_ID, FakeAlpaca.SECRET)).retryPolicy(RetryPolicy.none())
                    .build();
            Order order = b.submit(OrderRequest.buy(aapl).clientOrderId("eb9e2aaa-f71a-4f51-b5b4-52a6c565dad4")
                    .quantity("1").market().timeInForce(TimeInForce.DAY).build());

            RecordedRequest sent = plain.takeRequest(1, TimeUnit.SECONDS);
            JsonNode expected = Vectors.testCase("alpaca-orders.json", "market_order").path("request");
            assertThat(sent.getMethod() + " " + sent.getPath()).isEqualTo("POST /v2/orders");
            assertThat(JSON.readTree(sent.getBody().readUtf8())).isEqualTo(expected.path("body"));
            assertThat(sent.getHeader("APCA-API-KEY-ID")).isEqualTo(FakeAlpaca.KEY_ID);
            assertThat(sent.getHeader("APCA-API-SECRET-KEY")).isEqualTo(FakeAlpaca.SECRET);
            assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(order.venueOrderId()).contains("61e69015-8549-4bfd-b9c3-01e75843f47d");
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void aBracketSendsOrderClassBracketAndReportsTheLegsUnderTheExitIds() throws Exception {
        MockWebServer plain = new MockWebServer();
        plain.enqueue(new MockResponse().setBody(Vectors.body("alpaca-orders.json", "bracket_order")));
        plain.start();
        try {
            AlpacaBroker b = AlpacaBroker.builder().baseUrl(plain.url("/").toString())
                    .credentials(Credentials.of(FakeAlpaca.KEY_ID, FakeAlpaca.SECRET)).retryPolicy(RetryPolicy.none())
                    .build();
            OrderRequest entry = OrderRequest.buy(aapl).clientOrderId("agent-7f3c-AAPL-20240501-0001").quantity("10")
                    .limit("190.50").timeInForce(TimeInForce.GTC).build();
            OrderRequest tp = OrderRequest.sell(aapl).clientOrderId("tp-1").quantity("10").limit("201.00")
                    .reduceOnly(true).build();
            OrderRequest sl = OrderRequest.sell(aapl).clientOrderId("sl-1").quantity("10").stop("182.50")
                    .limit("182.00").reduceOnly(true).build();
            List<Order> orders = b.submit(new BracketOrder(entry, tp, sl));

            JsonNode expected = Vectors.testCase("alpaca-orders.json", "bracket_order").path("request").path("body");
            assertThat(JSON.readTree(plain.takeRequest().getBody().readUtf8())).isEqualTo(expected);
            assertThat(orders).extracting(o -> o.clientOrderId().value())
                    .containsExactly("agent-7f3c-AAPL-20240501-0001", "tp-1", "sl-1");
            assertThat(orders).extracting(Order::status)
                    .containsExactly(OrderStatus.ACCEPTED, OrderStatus.NEW, OrderStatus.NEW);
            assertThat(orders.get(2).venueOrderId()).isEmpty();
            assertThat(orders.get(2).request().stopPrice()).contains(Price.of("182.50"));
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void aBracketWithAnIocEntryIsRefusedBeforeAnythingIsSent() {
        OrderRequest entry = OrderRequest.buy(aapl).clientOrderId("ioc-1").quantity("10").limit("190.50")
                .timeInForce(TimeInForce.IOC).build();
        BracketOrder bracket = BracketOrder.of(entry, Price.of("201.00"), Price.of("182.50"), null);
        assertThatThrownBy(() -> broker.submit(bracket)).isInstanceOf(InvalidOrderException.class)
                .hasMessageContaining("timeInForce").hasMessageContaining("IOC");
        assertThat(fake.orderPosts).isZero();
    }

    @Test
    void aRefusalComesBackAsARejectedOrderWithTheVenuesReason() {
        Order order = broker.submit(OrderRequest.sell(aapl).clientOrderId("short-1").quantity("1000").limit("150.00")
                .build());
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.reason()).contains("INSUFFICIENT_FUNDS").contains("40310000")
                .contains("insufficient qty available");
    }

    @Test
    void wrongKeysFailAsAuthWithoutShowingTheSecret() {
        AlpacaBroker wrong = builder(Credentials.of("PKWRONG0000000", "wrong-secret-value")).build();
        assertThatThrownBy(wrong::account).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.type()).isEqualTo(BrokerException.Type.AUTH);
            assertThat(e.venueCode()).contains("40110000");
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage() + e.toJson()).doesNotContain("wrong-secret-value").doesNotContain("PKWRONG");
        });
        assertThat(wrong.toString()).doesNotContain("wrong-secret-value");
    }

    @Test
    void aRateLimitedSubmitIsNotResentAndSaysWhenToRetry() {
        fake.fault(FakeAlpaca.Fault.RATE_LIMITED);
        assertThatThrownBy(() -> broker.submit(limit("rl-1"))).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.type()).isEqualTo(BrokerException.Type.RATE_LIMITED);
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
            assertThat(e.context()).containsEntry("clientOrderId", "rl-1").containsEntry("httpStatus", "429");
        });
        assertThat(fake.orderPosts).isEqualTo(1);
    }

    @Test
    void aTimedOutSubmitIsLookedUpAndNotSentTwice() {
        fake.fault(FakeAlpaca.Fault.TAKE_THEN_TIME_OUT);
        Order order = broker.submit(limit("to-1"));

        assertThat(order.clientOrderId()).isEqualTo(ClientOrderId.of("to-1"));
        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.orderPosts).isEqualTo(1);
        assertThat(fake.ordersById).hasSize(1);
        assertThat(fake.calls).containsSubsequence("POST /v2/orders", "GET /v2/orders:by_client_order_id");
    }

    @Test
    void a500AfterTheVenueTookTheOrderIsLookedUpAndNotSentTwice() {
        fake.fault(FakeAlpaca.Fault.TAKE_THEN_500);
        assertThat(broker.submit(limit("5xx-1")).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.orderPosts).isEqualTo(1);
        assertThat(fake.ordersById).hasSize(1);
    }

    @Test
    void aDroppedConnectionIsResentOnlyAfterTheLookupFoundNothing() {
        fake.fault(FakeAlpaca.Fault.DROP_BEFORE_TAKING);
        assertThat(broker.submit(limit("drop-1")).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.orderPosts).isEqualTo(2);
        assertThat(fake.ordersById).hasSize(1);
        assertThat(fake.calls).containsSubsequence("POST /v2/orders", "GET /v2/orders:by_client_order_id",
                "POST /v2/orders");
    }

    @Test
    void aVenueThatStaysDownFailsAsUnavailableAfterBoundedAttempts() {
        fake.fault(FakeAlpaca.Fault.UNAVAILABLE_503);
        fake.fault(FakeAlpaca.Fault.UNAVAILABLE_503);
        assertThatThrownBy(() -> broker.submit(limit("down-1"))).isInstanceOfSatisfying(BrokerException.class, e -> {
            assertThat(e.type()).isEqualTo(BrokerException.Type.UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
            assertThat(e.context()).containsEntry("attempts", "2");
        });
        assertThat(fake.orderPosts).isEqualTo(2);
        assertThat(fake.ordersById).isEmpty();
    }

    @Test
    void aFilledOrderShowsItsQuantityAndAveragePrice() {
        broker.submit(limit("f-1"));
        fake.fill("f-1", "149.87");
        Order order = broker.order(ClientOrderId.of("f-1")).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.filledQuantity()).isEqualTo(Quantity.of("10"));
        assertThat(order.averageFillPrice().orElseThrow().toBigDecimal()).isEqualByComparingTo("149.87");
        assertThat(broker.orders(OrderFilter.closed())).extracting(o -> o.clientOrderId().value()).contains("f-1");
        assertThat(broker.cancel(ClientOrderId.of("f-1"))).isFalse();
    }

    @Test
    void replaceCreatesTheNewOrderAndTheOldOneShowsReplaced() {
        broker.submit(limit("rp-1"));
        Order replaced = broker.replace(ClientOrderId.of("rp-1"), OrderChange.builder()
                .limitPrice(Price.of("149.50")).newClientOrderId(ClientOrderId.of("rp-2")).build());

        assertThat(replaced.clientOrderId().value()).isEqualTo("rp-2");
        assertThat(replaced.request().limitPrice()).contains(Price.of("149.50"));
        Order old = broker.order(ClientOrderId.of("rp-1")).orElseThrow();
        assertThat(old.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(old.reason()).startsWith("replaced by ");
    }

    @Test
    void barsArePagedUntilTheLastPage() {
        List<Bar> bars = broker.bars(aapl, BarInterval.DAY_1, Instant.parse("2022-02-01T00:00:00Z"),
                Instant.parse("2022-02-03T00:00:00Z"));
        assertThat(bars).hasSize(2);
        Bar first = bars.get(0);
        assertThat(first.openTime()).isEqualTo(Instant.parse("2022-02-01T05:00:00Z"));
        assertThat(first.closeTime()).isEqualTo(Instant.parse("2022-02-02T05:00:00Z"));
        assertThat(first.open()).isEqualTo(Price.of("174.00"));
        assertThat(first.high()).isEqualTo(Price.of("174.84"));
        assertThat(first.volume()).isEqualTo(Quantity.of("85998033"));
        assertThat(fake.calls).filteredOn(c -> c.endsWith("/bars")).hasSize(2);
    }

    @Test
    void liveNeedsTheExplicitFlagAndLiveKeys() {
        Map<String, String> env = Map.of(AlpacaBroker.ENV_KEY_ID, "PKPAPER000000", AlpacaBroker.ENV_SECRET, "paper-s");
        assertThatThrownBy(() -> AlpacaBroker.builder().mode(TradingMode.LIVE).credentialsFromEnvironment(env))
                .hasMessage("environment variable APCA_LIVE_API_KEY_ID is not set");
        AlpacaBroker.Builder live = AlpacaBroker.builder().mode(TradingMode.LIVE)
                .credentials(Credentials.of("AKLIVE0000000", "live-s"));
        assertThatThrownBy(live::build).hasMessageContaining("liveTradingEnabled(true)");
        assertThatThrownBy(() -> AlpacaBroker.builder().mode(TradingMode.LIVE).liveTradingEnabled(true)
                .baseUrl(AlpacaBroker.PAPER_URL).credentials(Credentials.of("AKLIVE0000000", "live-s")).build())
                .hasMessageContaining("mode LIVE conflicts with the paper baseUrl");
        assertThatThrownBy(() -> AlpacaBroker.builder().baseUrl(AlpacaBroker.LIVE_URL)
                .credentials(Credentials.of("PKPAPER000000", "paper-s")).build())
                .hasMessageContaining("mode PAPER conflicts with the live baseUrl");
        AlpacaBroker paper = AlpacaBroker.builder().credentialsFromEnvironment(env).build();
        assertThat(paper.mode()).isEqualTo(TradingMode.PAPER);
        assertThat(live.liveTradingEnabled(true).build().mode()).isEqualTo(TradingMode.LIVE);
    }

    private OrderRequest limit(String id) {
        return OrderRequest.buy(aapl).clientOrderId(id).quantity("10").limit("150.00").build();
    }
}
