package dev.tradingsdk.polymarket.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.polymarket.ClobClient;
import dev.tradingsdk.polymarket.arb.PairMarket;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import dev.tradingsdk.polymarket.signing.ApiCredentials;
import dev.tradingsdk.polymarket.signing.WalletKey;
import dev.tradingsdk.testkit.OrderGatewayContract;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;

/**
 * The test kit's gateway contract against {@link ClobOrderGateway} on a MockWebServer CLOB. Resting orders answer
 * "live", IOC (FAK) orders "matched"; {@link #settle()} then delivers the matched trades through the gateway's
 * user-channel listener, as the user WebSocket would.
 */
class ClobOrderGatewayContractTest extends OrderGatewayContract {
    private static final String TOKEN = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    private static final PairMarket MARKET = PairMarket.of("contract", TOKEN, "1",
            Clock.system().now().plus(Duration.ofHours(1)));

    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private MockWebServer server;
    private ClobOrderGateway clobGateway;

    @Override
    protected OrderGateway newGateway() {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                String body = switch (request.getMethod() + " " + path) {
                    case "GET /tick-size" -> "{\"minimum_tick_size\":0.01}";
                    case "GET /neg-risk" -> "{\"neg_risk\":false}";
                    case "GET /version" -> "{\"version\":2}";
                    case "POST /order" -> posted(request);
                    case "DELETE /order" -> canceled(request);
                    default -> null;
                };
                return body == null ? new MockResponse().setResponseCode(404).setBody("{\"error\":\"not found\"}")
                        : new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ClobClient client = ClobClient.builder().baseUrl(server.url("/").toString())
                .walletKey(WalletKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"))
                .credentials(new ApiCredentials("k", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "p"))
                .retryPolicy(RetryPolicy.none()).build();
        clobGateway = new ClobOrderGateway(client, MARKET.tokens(), PolymarketFeeModel.crypto(), Clock.system());
        return clobGateway;
    }

    private String posted(RecordedRequest request) {
        try {
            JsonNode body = mapper.readTree(request.getBody().readUtf8());
            boolean taker = body.get("orderType").asText().equals("FAK");
            return "{\"success\":true,\"orderID\":\"0x" + Integer.toHexString(ids.incrementAndGet())
                    + "\",\"status\":\"" + (taker ? "matched" : "live") + "\"}";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String canceled(RecordedRequest request) {
        try {
            String id = mapper.readTree(request.getBody().readUtf8()).get("orderID").asText();
            return "{\"canceled\":[\"" + id + "\"],\"not_canceled\":{}}";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopServer() throws IOException {
        server.shutdown();
    }

    @Override
    protected Instrument instrument() {
        return MARKET.yes();
    }

    @Override
    protected OrderRequest restingBuy(ClientOrderId id) {
        return OrderRequest.buy(MARKET.yes()).clientOrderId(id).quantity("10").limit("0.1").build();
    }

    @Override
    protected OrderRequest fillingBuy(ClientOrderId id) {
        return OrderRequest.buy(MARKET.yes()).clientOrderId(id).quantity("10").limit("0.5")
                .timeInForce(TimeInForce.IOC).build();
    }

    /** The user channel's MATCHED trade for every open taker order. */
    @Override
    protected void settle() {
        for (Order order : clobGateway.openOrders()) {
            if (order.request().timeInForce() == TimeInForce.IOC && order.venueOrderId().isPresent()) {
                clobGateway.userChannelListener().onTrade(new UserTradeEvent("trade-" + order.venueOrderId().get(),
                        UserTradeEvent.Status.MATCHED, "0x5f", TOKEN, order.side(),
                        order.request().limitPrice().orElseThrow(), order.leavesQuantity(),
                        order.venueOrderId().get(), List.of(), System.currentTimeMillis()));
            }
        }
    }
}
