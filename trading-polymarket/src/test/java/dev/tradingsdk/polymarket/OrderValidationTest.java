package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.order.InvalidOrderException;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.polymarket.order.ClobOrderRequest;
import dev.tradingsdk.polymarket.order.ClobOrderType;
import dev.tradingsdk.polymarket.order.TickSize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad order input is refused with an {@link InvalidOrderException} naming field and value, before any request. */
class OrderValidationTest {
    private static final String TOKEN = ClobClientTest.TOKEN;

    private final MockWebServer server = new MockWebServer();
    private ClobClient client;

    @BeforeEach
    void start() throws Exception {
        // Any request that does get through is answered as if the order were fine, so only validation can fail.
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                    .setBody("{\"version\":2,\"success\":true,\"orderID\":\"0x1\",\"status\":\"live\"}"));
        }
        server.start();
        client = ClobClient.builder().baseUrl(server.url("/").toString()).walletKey(ClobClientTest.KEY)
                .credentials(ClobClientTest.CREDS).clock(new SimulatedClock(ClobClientTest.NOW))
                .random(new Random(7)).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static ClobOrderRequest.Builder limit(String price, String size) {
        return ClobOrderRequest.limit(TOKEN, Side.BUY, new BigDecimal(price), new BigDecimal(size))
                .tickSize(TickSize.HUNDREDTH).negRisk(false);
    }

    @ParameterizedTest
    @CsvSource({
        "0.505, 10, price, 0.505, not a multiple of the tick size 0.01",
        "0.00, 10, price, 0.00, must lie in [0.01, 0.99]",
        "0.995, 10, price, 0.995, must lie in [0.01, 0.99]",
        "1.00, 10, price, 1.00, must lie in [0.01, 0.99]",
        "0.50, 0.004, size, 0.004, must be at least 0.01",
    })
    void badLimitOrdersSendNothing(String price, String size, String field, String value, String reason) {
        ClobOrderRequest request = limit(price, size).build();
        assertThatThrownBy(() -> client.postOrder(request)).isInstanceOfSatisfying(InvalidOrderException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e).hasMessageContaining(reason);
        });
        assertThatThrownBy(() -> client.createOrder(request)).isInstanceOf(InvalidOrderException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void badMarketOrdersSendNothing() {
        ClobOrderRequest offTick = ClobOrderRequest.market(TOKEN, Side.SELL, new BigDecimal("0.0001"), BigDecimal.TEN)
                .tickSize(TickSize.THOUSANDTH).negRisk(true).build();
        assertThatThrownBy(() -> client.postOrder(offTick)).isInstanceOfSatisfying(InvalidOrderException.class,
                e -> assertThat(e.field() + " " + e.value()).isEqualTo("price 0.0001"));
        ClobOrderRequest dust = ClobOrderRequest.market(TOKEN, Side.BUY, new BigDecimal("0.5"), new BigDecimal("0.009"))
                .tickSize(TickSize.HUNDREDTH).negRisk(false).build();
        assertThatThrownBy(() -> client.postOrder(dust)).isInstanceOfSatisfying(InvalidOrderException.class,
                e -> assertThat(e.field() + " " + e.value()).isEqualTo("amount 0.009"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void badOrderShapesAreRefusedByTheBuilder() {
        assertThatThrownBy(() -> limit("0.5", "0").build()).isInstanceOfSatisfying(InvalidOrderException.class,
                e -> assertThat(e.field() + " " + e.value()).isEqualTo("size 0"));
        assertThatThrownBy(() -> limit("0.5", "10").orderType(ClobOrderType.GTD).build())
                .isInstanceOfSatisfying(InvalidOrderException.class,
                        e -> assertThat(e.field() + " " + e.value()).isEqualTo("expiration 0"));
        assertThatThrownBy(() -> ClobOrderRequest.market(TOKEN, Side.BUY, new BigDecimal("0.5"), BigDecimal.TEN)
                .postOnly().build()).isInstanceOfSatisfying(InvalidOrderException.class,
                        e -> assertThat(e.field()).isEqualTo("postOnly"));
        assertThatThrownBy(() -> ClobOrderRequest.limit("0x12", Side.BUY, BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOfSatisfying(InvalidOrderException.class,
                        e -> assertThat(e.field() + " " + e.value()).isEqualTo("tokenId 0x12"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void expiredGtdSendsNothing() {
        long now = ClobClientTest.NOW.getEpochSecond();
        ClobOrderRequest request = limit("0.5", "10").goodTill(now - 1).build();
        assertThatThrownBy(() -> client.postOrder(request)).isInstanceOfSatisfying(InvalidOrderException.class,
                e -> assertThat(e.field() + " " + e.value()).isEqualTo("expiration " + (now - 1)));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void gtdInsideTheSecurityThresholdSendsNothing() {
        long now = ClobClientTest.NOW.getEpochSecond();
        ClobOrderRequest tooSoon = limit("0.5", "10").goodTill(now + 60).build();
        assertThatThrownBy(() -> client.postOrder(tooSoon)).isInstanceOfSatisfying(InvalidOrderException.class, e -> {
            assertThat(e.field() + " " + e.value()).isEqualTo("expiration " + (now + 60));
            assertThat(e).hasMessageContaining("60 s security threshold");
        });
        assertThat(server.getRequestCount()).isZero();
        ClobOrderRequest justLongEnough = limit("0.5", "10").goodTill(now + 61).build();
        assertThat(client.postOrder(justLongEnough).orderId()).isEqualTo("0x1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void cancelsWithoutATargetSendNothing() {
        assertThatThrownBy(() -> client.cancelOrders(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderIds must not be empty");
        assertThatThrownBy(() -> client.cancelMarketOrders(null, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("market and assetId are both empty").hasMessageContaining("cancelAll()");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void batchesAboveFifteenOrdersSendNothing() {
        List<ClobOrderRequest> sixteen = Collections.nCopies(ClobClient.MAX_BATCH_ORDERS + 1, limit("0.5", "10")
                .build());
        assertThatThrownBy(() -> client.postOrders(sixteen)).isInstanceOfSatisfying(InvalidOrderException.class, e -> {
            assertThat(e.field()).isEqualTo("orders");
            assertThat(e.value()).isEqualTo("16 orders");
            assertThat(e).hasMessageContaining("1 to 15");
        });
        assertThatThrownBy(() -> client.postOrders(List.of())).isInstanceOf(InvalidOrderException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void oneBadOrderInABatchSendsNothing() {
        List<ClobOrderRequest> batch = new ArrayList<>(Collections.nCopies(3, limit("0.5", "10").build()));
        batch.add(limit("0.505", "10").build());
        assertThatThrownBy(() -> client.postOrders(batch)).isInstanceOfSatisfying(InvalidOrderException.class,
                e -> assertThat(e.field() + " " + e.value()).isEqualTo("price 0.505"));
        assertThat(server.getRequestCount()).isZero();
    }
}
