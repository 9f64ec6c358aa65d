package dev.tradingsdk.brokers.ibkr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.brokers.BrokerAccount;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.BrokerPosition;
import dev.tradingsdk.brokers.OrderChange;
import dev.tradingsdk.brokers.TradingMode;
import dev.tradingsdk.brokers.Vectors;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.TimeInForce;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IbkrClientPortalBrokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Instrument aapl = IbkrClientPortalBroker.usStock("AAPL");
    private MockWebServer server;
    private FakeIbkr fake;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        fake = new FakeIbkr();
        server.setDispatcher(fake);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private IbkrClientPortalBroker.Builder builder() {
        return IbkrClientPortalBroker.builder().baseUrl(server.url("/v1/api").toString()).contract("AAPL", 265598)
                .retryPolicy(RetryPolicy.none()).timeouts(Duration.ofSeconds(2), Duration.ofMillis(400))
                .snapshotPolling(3, Duration.ZERO);
    }

    private OrderRequest limit(String id, String quantity) {
        return OrderRequest.buy(aapl).clientOrderId(id).quantity(quantity).limit("190.50").timeInForce(TimeInForce.DAY)
                .build();
    }

    @Test
    void sessionStatusAndTickleReadTheAuthStatus() {
        IbkrClientPortalBroker ibkr = builder().build();
        assertThat(ibkr.sessionStatus()).isEqualTo(new SessionStatus(true, false, true, ""));
        assertThat(ibkr.tickle().ready()).isTrue();
    }

    @Test
    void aTickleOfALoggedOutGatewayIsNotReady() throws Exception {
        MockWebServer plain = new MockWebServer();
        plain.enqueue(new MockResponse().setBody(Vectors.body("ibkr-session.json", "tickle_not_authenticated")));
        plain.start();
        try {
            SessionStatus s = IbkrClientPortalBroker.builder().baseUrl(plain.url("/v1/api").toString()).build()
                    .tickle();
            assertThat(s.authenticated()).isFalse();
            assertThat(s.ready()).isFalse();
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void keepAliveTicklesUntilClosed() throws Exception {
        IbkrClientPortalBroker ibkr = builder().build();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            AutoCloseable keepAlive = ibkr.keepAlive(scheduler, Duration.ofMillis(10));
            for (int i = 0; i < 500 && tickles() < 3; i++) {
                Thread.sleep(10);
            }
            keepAlive.close();
            int atClose = tickles();
            assertThat(atClose).isGreaterThanOrEqualTo(3);
            Thread.sleep(100);
            assertThat(tickles()).isLessThanOrEqualTo(atClose + 1);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private int tickles() {
        synchronized (fake) {
            return fake.tickles;
        }
    }

    @Test
    void aLiveLoginIsRefusedByAPaperBroker() {
        fake.isPaper = false;
        assertThatThrownBy(() -> builder().build().submit(limit("p-1", "10")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.type()).isEqualTo(BrokerException.Type.AUTH);
                    assertThat(e.getMessage()).contains("isPaper false");
                });
        assertThat(fake.orderBodies).isEmpty();
        assertThatThrownBy(() -> builder().mode(TradingMode.LIVE).build())
                .hasMessageContaining("liveTradingEnabled(true)");
        Order live = builder().mode(TradingMode.LIVE).liveTradingEnabled(true).build().submit(limit("l-1", "10"));
        assertThat(live.status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void accountsAreReadBeforeTheFirstOrderAndTheTicketCarriesTheClientOrderId() {
        Order order = builder().build().submit(limit("agent-7f3c-AAPL-0001", "10"));

        assertThat(fake.calls).containsSubsequence("GET /v1/api/iserver/accounts",
                "POST /v1/api/iserver/account/U1234567/orders");
        JsonNode sent = fake.orderBodies.get(0).path("orders").get(0);
        JsonNode vector = Vectors.testCase("ibkr-orders.json", "place_order_wrapped_with_coid").path("request")
                .path("body").path("orders").get(0);
        for (String field : List.of("acctId", "conid", "cOID", "orderType", "side", "tif", "outsideRTH")) {
            assertThat(sent.path(field)).as(field).isEqualTo(vector.path(field));
        }
        assertThat(sent.path("price").decimalValue()).isEqualByComparingTo(vector.path("price").decimalValue());
        assertThat(sent.path("quantity").decimalValue()).isEqualByComparingTo(vector.path("quantity").decimalValue());
        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void acknowledgementsAreReadAsAnObjectOrAsAnArray() throws Exception {
        for (String ackCase : List.of("place_limit_order", "place_order_wrapped_with_coid")) {
            MockWebServer plain = new MockWebServer();
            plain.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                    String path = request.getPath();
                    if (path.endsWith("/iserver/accounts")) {
                        return new MockResponse().setBody("{\"accounts\":[\"U1234567\"],\"selectedAccount\":"
                                + "\"U1234567\",\"isPaper\":true}");
                    }
                    if (path.endsWith("/portfolio/accounts")) {
                        return new MockResponse().setBody("[]");
                    }
                    return new MockResponse().setBody(Vectors.body("ibkr-orders.json", ackCase));
                }
            });
            plain.start();
            try {
                Order o = IbkrClientPortalBroker.builder().baseUrl(plain.url("/v1/api").toString())
                        .contract("AAPL", 265598).build().submit(limit("ack-" + ackCase.length(), "10"));
                assertThat(o.status()).as(ackCase).isEqualTo(OrderStatus.ACCEPTED);
                assertThat(o.venueOrderId()).as(ackCase).isPresent();
            } finally {
                plain.shutdown();
            }
        }
    }

    @Test
    void anAllowlistedQuestionIsConfirmedAndTheOrderPlaced() {
        Order order = builder().autoConfirm("o163").build().submit(limit("q-1", "1000"));

        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.calls).contains("POST /v1/api/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c");
        assertThat(fake.replyBodies).containsExactly(JSON.createObjectNode().put("confirmed", true));
        assertThat(fake.byRef("q-1")).isNotNull();
    }

    @Test
    void aQuestionNotAllowlistedIsDeclinedAndTheOrderRejectedWithItsText() {
        Order order = builder().build().submit(limit("q-2", "1000"));

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.reason()).contains("[o163]").contains("price exceeds the Percentage constraint of 3%");
        assertThat(fake.replyBodies).containsExactly(JSON.createObjectNode().put("confirmed", false));
        assertThat(fake.byRef("q-2")).isNull();
    }

    @Test
    void aChainOfQuestionsIsAnsweredUpToTheBound() {
        fake.chain = 2;
        assertThat(builder().autoConfirm("o163").maxReplies(3).build().submit(limit("c-1", "1000")).status())
                .isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.replyBodies).hasSize(3);

        fake.chain = 5;
        Order capped = builder().autoConfirm("o163").maxReplies(2).build().submit(limit("c-2", "1000"));
        assertThat(capped.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(capped.reason()).contains("more than 2 questions");
        assertThat(fake.byRef("c-2")).isNull();
    }

    @Test
    void aTimedOutSubmitIsFoundByItsOrderRefAndNotSentTwice() {
        fake.fault("TAKE_THEN_TIME_OUT");
        Order order = builder().build().submit(limit("t-1", "10"));

        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.orderBodies).hasSize(1);
        assertThat(fake.liveById).hasSize(1);
        assertThat(fake.calls).containsSubsequence("POST /v1/api/iserver/account/U1234567/orders",
                "GET /v1/api/iserver/account/orders");
    }

    @Test
    void a500AfterTheGatewayTookTheOrderIsLookedUpAndNotSentTwice() {
        fake.fault("TAKE_THEN_500");
        assertThat(builder().build().submit(limit("5xx-1", "10")).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(fake.orderBodies).hasSize(1);
        assertThat(fake.liveById).hasSize(1);
    }

    @Test
    void aBracketIsOneTicketListWithTheChildrenPointingAtTheParentsClientOrderId() {
        OrderRequest entry = OrderRequest.buy(aapl).clientOrderId("Parent").quantity("50").market().build();
        BracketOrder bracket = BracketOrder.of(entry, Price.of("160.00"), Price.of("150.00"), Price.of("155.00"));
        List<Order> orders = builder().build().submit(bracket);

        JsonNode sent = fake.orderBodies.get(0).path("orders");
        JsonNode vector = Vectors.testCase("ibkr-orders.json", "bracket_order").path("request").path("body")
                .path("orders");
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0).path("cOID").asText()).isEqualTo(vector.get(0).path("cOID").asText());
        assertThat(sent.get(0).has("parentId")).isFalse();
        for (int i = 1; i < 3; i++) {
            assertThat(sent.get(i).path("parentId")).isEqualTo(vector.get(i).path("parentId"));
            assertThat(sent.get(i).path("side").asText()).isEqualToIgnoringCase(vector.get(i).path("side").asText());
            assertThat(sent.get(i).path("acctId")).isEqualTo(vector.get(i).path("acctId"));
        }
        assertThat(sent.get(1).path("orderType").asText()).isEqualTo("LMT");
        assertThat(sent.get(2).path("orderType").asText()).isEqualTo("STP");
        assertThat(sent.get(2).path("price").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(orders).extracting(o -> o.clientOrderId().value())
                .containsExactly("Parent", "Parent-tp", "Parent-sl");
        assertThat(orders).extracting(Order::status).containsExactly(OrderStatus.ACCEPTED, OrderStatus.NEW,
                OrderStatus.NEW);
    }

    @Test
    void aRateLimitedSubmitIsNotResent() {
        fake.fault("RATE_LIMITED");
        assertThatThrownBy(() -> builder().build().submit(limit("r-1", "10")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.type()).isEqualTo(BrokerException.Type.RATE_LIMITED);
                    assertThat(e.context()).containsEntry("accountId", "U1234567");
                });
        assertThat(fake.orderBodies).hasSize(1);
    }

    @Test
    void anUnauthenticatedGatewayFailsAsAuth() throws Exception {
        MockWebServer plain = new MockWebServer();
        plain.enqueue(new MockResponse().setResponseCode(401)
                .setBody(Vectors.body("ibkr-session.json", "gateway_error_generic")));
        plain.start();
        try {
            assertThatThrownBy(() -> IbkrClientPortalBroker.builder().baseUrl(plain.url("/v1/api").toString())
                    .retryPolicy(RetryPolicy.none()).build().account())
                    .isInstanceOfSatisfying(BrokerException.class, e -> {
                        assertThat(e.type()).isEqualTo(BrokerException.Type.AUTH);
                        assertThat(e.getMessage()).contains("failed to process request");
                    });
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void positionsArePagedAndTheAccountComesFromTheLedger() {
        IbkrClientPortalBroker ibkr = builder().build();
        List<BrokerPosition> positions = ibkr.positions();
        assertThat(positions).hasSize(1);
        BrokerPosition p = positions.get(0);
        assertThat(p.instrument().symbol()).isEqualTo("AAPL");
        assertThat(p.quantity()).isEqualTo(Quantity.of("614.2639"));
        assertThat(p.averagePrice().toBigDecimal()).isEqualByComparingTo("192.7477563");
        assertThat(p.marketValue()).isEqualTo(Money.of("121245.87", Currency.USD));
        assertThat(fake.calls).contains("GET /v1/api/portfolio/U1234567/positions/1");

        BrokerAccount account = ibkr.account();
        assertThat(account.accountId()).isEqualTo("U1234567");
        assertThat(account.cash()).isEqualTo(Money.of("214716688.00", Currency.USD));
        assertThat(account.equity()).isEqualTo(Money.of("215335840.00", Currency.USD));
        assertThat(account.unrealizedPnl()).isEqualTo(Money.of("39695.82", Currency.USD));
        // From /portfolio/{acct}/summary: initial margin held, and available funds as what new positions may use.
        assertThat(account.marginUsed()).isEqualTo(Money.of("268478.1875", Currency.USD));
        assertThat(account.buyingPower()).isEqualTo(Money.of("205266944", Currency.USD));
    }

    @Test
    void anAccountSummaryWithoutTheMarginFieldIsADecodingErrorNotZeroMargin() {
        fake.summary = "{\"initmarginreq\": {\"amount\": 0, \"isNull\": true}, "
                + "\"availablefunds\": {\"amount\": 100.5, \"isNull\": false}}";
        assertThatThrownBy(() -> builder().build().account()).isInstanceOf(BrokerException.class)
                .hasMessageContaining("initmarginreq");
    }

    @Test
    void aSnapshotIsPolledPastTheSubscribingFirstCall() {
        Quote q = builder().build().quote(aapl).orElseThrow();
        assertThat(q.bid()).isEqualTo(Price.of("168.41"));
        assertThat(q.bidSize()).isEqualTo(Quantity.of("1300"));
        assertThat(q.ask()).isEqualTo(Price.of("168.42"));
        assertThat(q.askSize()).isEqualTo(Quantity.of("600"));
        assertThat(fake.calls).filteredOn(c -> c.endsWith("/snapshot")).hasSize(2);
    }

    @Test
    void modifyKeepsTheClientOrderIdAndCancelIsAcknowledged() {
        IbkrClientPortalBroker ibkr = builder().build();
        ibkr.submit(limit("m-1", "10"));
        Order modified = ibkr.replace(ClientOrderId.of("m-1"), OrderChange.builder().limitPrice(Price.of("191.00"))
                .build());
        assertThat(modified.clientOrderId()).isEqualTo(ClientOrderId.of("m-1"));
        assertThat(ibkr.order(ClientOrderId.of("m-1")).orElseThrow().request().limitPrice())
                .contains(Price.of("191.00"));
        assertThatThrownBy(() -> ibkr.replace(ClientOrderId.of("m-1"), OrderChange.builder()
                .limitPrice(Price.of("192.00")).newClientOrderId(ClientOrderId.of("m-2")).build()))
                .hasMessageContaining("in place");

        assertThat(ibkr.cancel(ClientOrderId.of("m-1"))).isTrue();
        assertThat(ibkr.order(ClientOrderId.of("m-1")).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(ibkr.cancel(ClientOrderId.of("m-1"))).isFalse();
    }

    @Test
    void theSelfSignedGatewayIsTrustedOnlyWhenItsCertificateIsGiven() throws Exception {
        MockWebServer tls = new MockWebServer();
        tls.useHttps(serverContext().getSocketFactory(), false);
        tls.setDispatcher(new FakeIbkr());
        tls.start();
        try {
            String url = tls.url("/v1/api").toString();
            assertThat(url).startsWith("https://");
            assertThatThrownBy(() -> IbkrClientPortalBroker.builder().baseUrl(url).retryPolicy(RetryPolicy.none())
                    .build().sessionStatus()).isInstanceOfSatisfying(BrokerException.class,
                            e -> assertThat(e.type()).isEqualTo(BrokerException.Type.UNAVAILABLE));

            SessionStatus s = IbkrClientPortalBroker.builder().baseUrl(url).retryPolicy(RetryPolicy.none())
                    .trustedCertificate(Path.of("src/test/resources/tls/ibkr-gateway.pem")).build().sessionStatus();
            assertThat(s.authenticated()).isTrue();
        } finally {
            tls.shutdown();
        }
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = IbkrClientPortalBrokerTest.class.getResourceAsStream("/tls/ibkr-gateway.p12")) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
