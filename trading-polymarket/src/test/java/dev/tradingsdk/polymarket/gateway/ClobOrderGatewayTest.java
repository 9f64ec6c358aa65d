package dev.tradingsdk.polymarket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.polymarket.ClobClient;
import dev.tradingsdk.polymarket.arb.PairMarket;
import dev.tradingsdk.polymarket.dto.UserOrderEvent;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import dev.tradingsdk.polymarket.signing.ApiCredentials;
import dev.tradingsdk.polymarket.signing.WalletKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClobOrderGatewayTest {
    private static final String TOKEN = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    private static final Instant NOW = Instant.parse("2026-04-29T13:07:30Z");
    private static final PairMarket MARKET = PairMarket.of("m", TOKEN, "1", NOW.plus(Duration.ofMinutes(15)));

    private final MockWebServer server = new MockWebServer();
    private final List<Order> updates = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private ClobOrderGateway gateway(Duration callTimeout) {
        ClobClient client = ClobClient.builder().baseUrl(server.url("/").toString())
                .walletKey(WalletKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"))
                .credentials(new ApiCredentials("k", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "p"))
                .clock(new SimulatedClock(NOW)).random(new Random(7)).retryPolicy(RetryPolicy.none())
                .timeouts(Duration.ofSeconds(1), callTimeout, callTimeout).build();
        ClobOrderGateway gateway = new ClobOrderGateway(client, Map.of(MARKET.yes(), TOKEN),
                PolymarketFeeModel.crypto(), new SimulatedClock(NOW));
        gateway.addListener(new dev.tradingsdk.core.gateway.OrderListener() {
            @Override
            public void onOrderUpdate(Order order) {
                updates.add(order);
            }

            @Override
            public void onFill(Fill fill, Order order) {
                fills.add(fill);
            }
        });
        return gateway;
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void aRestingOrderIsAcceptedAndFillsFromTheUserChannel() throws Exception {
        server.enqueue(json("{\"minimum_tick_size\":0.01}"));
        server.enqueue(json("{\"neg_risk\":false}"));
        server.enqueue(json("{\"version\":2}"));
        server.enqueue(json("{\"success\":true,\"orderID\":\"0xaaa\",\"status\":\"live\"}"));
        server.start();
        ClobOrderGateway gateway = gateway(Duration.ofSeconds(5));
        Order ack = gateway.submit(OrderRequest.buy(MARKET.yes()).clientOrderId("c1").quantity("10").limit("0.45")
                .postOnly(true).build());
        assertThat(ack.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(ack.venueOrderId()).contains("0xaaa");
        List<RecordedRequest> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(server.takeRequest(1, TimeUnit.SECONDS));
        }
        String body = sent.get(3).getBody().readUtf8();
        assertThat(new ObjectMapper().readTree(body).get("postOnly").asBoolean()).isTrue();

        gateway.userChannelListener().onOrder(new UserOrderEvent("0xaaa", UserOrderEvent.Type.UPDATE, "0x5f", TOKEN,
                Side.BUY, Price.of("0.45"), Quantity.of("10"), Quantity.of("4"), "Up", NOW.toEpochMilli() + 1000));
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.quantity()).isEqualTo(Quantity.of("4", 2));
            assertThat(fill.price()).isEqualTo(Price.of("0.45", 3));
            assertThat(fill.fee()).as("makers pay nothing").isEqualTo(Money.zero(Currency.PUSD));
        });
        assertThat(gateway.order(ack.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        gateway.userChannelListener().onOrder(new UserOrderEvent("0xaaa", UserOrderEvent.Type.CANCELLATION, "0x5f",
                TOKEN, Side.BUY, Price.of("0.45"), Quantity.of("10"), Quantity.of("4"), "Up", 0));
        assertThat(gateway.openOrders()).isEmpty();
        assertThat(updates).extracting(Order::status).containsExactly(OrderStatus.ACCEPTED,
                OrderStatus.PARTIALLY_FILLED, OrderStatus.CANCELED);
    }

    @Test
    void anAmbiguousTakerPostIsLookedUpRePostedAsSignedAndFillsFromItsTrade() throws Exception {
        server.enqueue(json("{\"minimum_tick_size\":0.01}"));
        server.enqueue(json("{\"neg_risk\":false}"));
        server.enqueue(json("{\"version\":2}"));
        server.enqueue(json("{\"success\":true}").setHeadersDelay(1, TimeUnit.SECONDS));
        server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"error\":\"not found\"}"));
        server.enqueue(json("{\"success\":true,\"orderID\":\"0xbbb\",\"status\":\"matched\"}"));
        server.start();
        ClobOrderGateway gateway = gateway(Duration.ofMillis(300));
        Order ack = gateway.submit(OrderRequest.buy(MARKET.yes()).clientOrderId("c2").quantity("10").limit("0.5")
                .timeInForce(TimeInForce.IOC).build());
        assertThat(ack.status()).isEqualTo(OrderStatus.ACCEPTED);
        List<String> calls = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            calls.add(request.getMethod() + " " + request.getRequestUrl().encodedPath().replaceAll("0x[0-9a-f]+", "{id}"));
            if (request.getPath().equals("/order")) {
                orders.add(new ObjectMapper().readTree(request.getBody().readUtf8()).get("order").toString());
            }
        }
        assertThat(calls).containsExactly("GET /tick-size", "GET /neg-risk", "GET /version", "POST /order",
                "GET /data/order/{id}", "POST /order");
        assertThat(orders.get(1)).as("the same signed order, not a new one").isEqualTo(orders.get(0));
        assertThat(new ObjectMapper().readTree(orders.get(0)).get("makerAmount").asText()).isEqualTo("5000000");

        gateway.userChannelListener().onTrade(new UserTradeEvent("t1", UserTradeEvent.Status.MATCHED, "0x5f", TOKEN,
                Side.BUY, Price.of("0.49"), Quantity.of("10"), "0xbbb", List.of("0xm"), NOW.toEpochMilli()));
        gateway.userChannelListener().onTrade(new UserTradeEvent("t1", UserTradeEvent.Status.MINED, "0x5f", TOKEN,
                Side.BUY, Price.of("0.49"), Quantity.of("10"), "0xbbb", List.of("0xm"), NOW.toEpochMilli()));
        assertThat(fills).singleElement().satisfies(fill -> {
            assertThat(fill.price()).isEqualTo(Price.of("0.49", 3));
            assertThat(fill.fee()).isEqualTo(Money.of("0.17493", 6, Currency.PUSD)); // 10 × 0.07 × 0.49 × 0.51
        });
        assertThat(gateway.order(ack.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }
}
