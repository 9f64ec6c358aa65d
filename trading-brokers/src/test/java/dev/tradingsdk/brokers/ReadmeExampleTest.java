package dev.tradingsdk.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Runs the README example on the paper broker and on Alpaca paper (a loopback Alpaca) with the same code, only
 * the configuration differing, and checks the README shows exactly this code.
 */
class ReadmeExampleTest {

    // README example start
    static Order placeLimitBuy(Map<String, String> config, Map<String, String> env) {
        try (Broker broker = Brokers.fromConfig(config, env)) {      // paper, alpaca or ibkr: configuration only
            OrderGateway gateway = BrokerGateway.of(broker);          // core's interface: any strategy runs on it
            Instrument aapl = Instrument.builder("AAPL", Venue.of("US")).assetClass(AssetClass.EQUITY)
                    .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();
            OrderRequest buy = OrderRequest.buy(aapl)
                    .clientOrderId(broker.nextClientOrderId())       // the SDK's id: looked up before any re-send
                    .quantity("1").limit("150.00").timeInForce(TimeInForce.DAY).build();
            return gateway.submit(buy);
        }
    }
    // README example end

    @Test
    void theSameCodeTradesThePaperBroker() {
        Order order = placeLimitBuy(Map.of("broker", "paper"), Map.of());
        assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(order.clientOrderId().value()).startsWith("paper-");
    }

    @Test
    void theSameCodeTradesAlpacaPaperByConfigurationOnly() throws Exception {
        List<String> seen = new ArrayList<>();
        try (MockWebServer alpaca = new MockWebServer()) {
            alpaca.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    seen.add(request.getMethod() + " " + request.getPath() + " "
                            + request.getHeader("APCA-API-KEY-ID"));
                    String body = request.getBody().readUtf8();
                    String id = body.replaceAll(".*\"client_order_id\":\"([^\"]+)\".*", "$1");
                    return new MockResponse().setBody(Vectors.body("alpaca-orders.json", "market_order")
                            .replace("eb9e2aaa-f71a-4f51-b5b4-52a6c565dad4", id)
                            .replace("\"type\":\"market\"", "\"type\":\"limit\"")
                            .replace("\"limit_price\":null", "\"limit_price\":\"150.00\""));
                }
            });
            Map<String, String> config = Map.of("broker", "alpaca", "alpaca.baseUrl", alpaca.url("/").toString());
            Map<String, String> env = Map.of("APCA_API_KEY_ID", "PKREADME000000", "APCA_API_SECRET_KEY", "readme-s");

            Order order = placeLimitBuy(config, env);

            assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(order.venueOrderId()).contains("61e69015-8549-4bfd-b9c3-01e75843f47d");
            assertThat(seen).containsExactly("POST /v2/orders PKREADME000000");
        }
    }

    @Test
    void liveNeedsBothSwitchesAndATypoIsNotIgnored() {
        Map<String, String> env = Map.of("APCA_LIVE_API_KEY_ID", "AKLIVE00000000", "APCA_LIVE_API_SECRET_KEY", "s");
        assertThatThrownBy(() -> Brokers.fromConfig(Map.of("broker", "alpaca", "mode", "live"), env))
                .hasMessageContaining("liveTradingEnabled(true)");
        assertThat(Brokers.fromConfig(Map.of("broker", "alpaca", "mode", "live", "live.enabled", "true"), env).mode())
                .isEqualTo(TradingMode.LIVE);
        assertThatThrownBy(() -> Brokers.fromConfig(Map.of("broker", "paper", "alpaca.baseUrl", "http://x"), env))
                .hasMessage("configuration key alpaca.baseUrl is for broker alpaca, but broker is paper");
        assertThatThrownBy(() -> Brokers.fromConfig(Map.of("paper.cahs", "5"), env))
                .hasMessage("unknown configuration key paper.cahs");
    }

    @Test
    void readmeShowsExactlyThisCode() throws Exception {
        ReadmeSnippets.assertReadmeShows("ReadmeExampleTest", "README example");
    }
}
