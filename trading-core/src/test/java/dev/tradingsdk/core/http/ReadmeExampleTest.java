package dev.tradingsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The examples in trading-core/README-http-journal.md, verbatim between the marker comments. */
class ReadmeExampleTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void restClientExample() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"symbol\":\"BTCUSDT\",\"price\":\"97000.01\"}"));
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setBody("{\"orderId\":28}"));
        String baseUrl = server.url("/").toString();
        Secret apiKey = Secret.of("my-api-key");

        // README example: begin
        RestClient binance = RestClient.builder("binance", baseUrl)
            .retryPolicy(RetryPolicy.defaults().withMaxAttempts(3))
            .rateLimit(RateLimit.of(20, Duration.ofSeconds(1)).withBurst(10))
            .rateLimit("orders", RateLimit.of(10, Duration.ofSeconds(1)))
            .signer((request, out) -> out.header("X-MBX-APIKEY", apiKey.reveal()))
            .build();
        JsonNode price = binance.get("/api/v3/ticker/price").operation("tickerPrice")
            .query("symbol", "BTCUSDT").executeJson();
        JsonNode order = binance.post("/api/v3/order").operation("newOrder").endpointGroup("orders")
            .idempotencyKey("my-order-1").jsonBody(Map.of("symbol", "BTCUSDT", "side", "BUY")).executeJson();
        // README example: end

        assertThat(price.get("price").asText()).isEqualTo("97000.01");
        assertThat(order.get("orderId").asLong()).isEqualTo(28);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(server.takeRequest().getHeader("X-MBX-APIKEY")).isEqualTo("my-api-key");
    }

    @Test
    void webSocketExample() throws Exception {
        List<String> serverReceived = new CopyOnWriteArrayList<>();
        server.enqueue(new MockResponse().withWebSocketUpgrade(new okhttp3.WebSocketListener() {
            @Override
            public void onMessage(okhttp3.WebSocket webSocket, String text) {
                serverReceived.add(text);
                webSocket.send("{\"event\":\"book\",\"bids\":[]}");
            }

            @Override
            public void onClosing(okhttp3.WebSocket webSocket, int code, String reason) {
                webSocket.close(code, null);
            }
        }));
        String url = server.url("/ws").toString();
        List<String> received = new CopyOnWriteArrayList<>();

        // README example: begin
        ReconnectingWebSocket stream = ReconnectingWebSocket.builder(url)
            .name("clob-market")
            .subscription("{\"type\":\"market\",\"assets_ids\":[\"123\"]}")
            .pingInterval(Duration.ofSeconds(10))
            .backoff(BackoffPolicy.exponential(Duration.ofMillis(250), Duration.ofSeconds(30)))
            .listener(received::add)
            .build();
        stream.connect();
        // ... later
        // README example: end

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (received.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        stream.close();
        assertThat(serverReceived).containsExactly("{\"type\":\"market\",\"assets_ids\":[\"123\"]}");
        assertThat(received).containsExactly("{\"event\":\"book\",\"bids\":[]}");
    }
}
