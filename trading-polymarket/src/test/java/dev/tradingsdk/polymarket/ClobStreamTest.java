package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.BackoffPolicy;
import dev.tradingsdk.core.num.Price;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClobStreamTest {
    private static final String ASSET = ClobMessageHandlerTest.ASSET;
    private static final String SECOND_BOOK = "{\"event_type\":\"book\",\"asset_id\":\"" + ASSET + "\",\"market\":"
            + "\"0x5f\",\"bids\":[{\"price\":\"0.44\",\"size\":\"7\"}],\"asks\":[{\"price\":\"0.46\",\"size\":\"9\"}],"
            + "\"timestamp\":\"1777467700000\",\"hash\":\"h2\"}";

    private final MockWebServer server = new MockWebServer();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    /**
     * Server side of one connection: records what the client sends, plays a script when subscribed and, if asked,
     * drops the connection at the first keepalive PING (after the script has been delivered).
     */
    private static final class ScriptedSocket extends WebSocketListener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final List<String> pings = new CopyOnWriteArrayList<>();
        private final List<String> script;
        private final boolean dropAfterScript;

        ScriptedSocket(List<String> script, boolean dropAfterScript) {
            this.script = script;
            this.dropAfterScript = dropAfterScript;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if ("PING".equals(text)) {
                pings.add(text);
                if (dropAfterScript) {
                    // A mid-stream drop: no close handshake, the TCP connection just goes away.
                    webSocket.cancel();
                } else {
                    webSocket.send("PONG");
                }
                return;
            }
            received.add(text);
            script.forEach(webSocket::send);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            // the scripted drop ends up here
        }
    }

    @Test
    void keepsABookAcrossADroppedConnectionWithAFreshSnapshot() throws Exception {
        ScriptedSocket first = new ScriptedSocket(List.of(Vectors.text("payloads/ws-market-book.json"),
                Vectors.text("payloads/ws-market-price-change.json")), true);
        ScriptedSocket second = new ScriptedSocket(List.of(SECOND_BOOK), false);
        server.enqueue(new MockResponse().withWebSocketUpgrade(first));
        server.enqueue(new MockResponse().withWebSocketUpgrade(second));
        server.start();
        RecordingStreamListener listener = new RecordingStreamListener();
        try (ClobStream stream = ClobStream.market(List.of(ASSET)).url(server.url("/ws/market").toString())
                .listener(listener).pingInterval(Duration.ofMillis(50))
                .backoff(new BackoffPolicy(Duration.ofMillis(20), Duration.ofMillis(50), 2, 0)).build()) {
            stream.connect();
            JsonNode subscription = mapper.readTree(first.received.poll(5, TimeUnit.SECONDS));
            assertThat(subscription.get("type").asText()).isEqualTo("market");
            assertThat(subscription.get("assets_ids").get(0).asText()).isEqualTo(ASSET);

            String resubscription = second.received.poll(5, TimeUnit.SECONDS);
            assertThat(mapper.readTree(resubscription)).isEqualTo(subscription);
            awaitTrue(() -> stream.book(ASSET).map(b -> "h2".equals(b.hash())).orElse(false));
            BookSnapshot book = stream.book(ASSET).orElseThrow();
            assertThat(book.bestBid()).contains(Price.of("0.44"));
            assertThat(book.bestAsk()).contains(Price.of("0.46"));
            assertThat(book.bids()).hasSize(1);
            assertThat(listener.stale.get()).isGreaterThanOrEqualTo(1);
            assertThat(listener.books).extracting(BookSnapshot::hash).contains("1895759e4df7a796bf4f1c5a5950b748306923e2");
            awaitTrue(() -> !second.pings.isEmpty());
            assertThat(listener.malformed).isEmpty();
        }
    }

    @Test
    void userChannelSubscribesWithCredentialsAndReportsLifecycles() throws Exception {
        ScriptedSocket socket = new ScriptedSocket(List.of(Vectors.text("payloads/ws-user-events.json")), false);
        server.enqueue(new MockResponse().withWebSocketUpgrade(socket));
        server.start();
        RecordingStreamListener listener = new RecordingStreamListener();
        try (ClobStream stream = ClobStream.user(ClobClientTest.CREDS, List.of("0x5f"))
                .url(server.url("/ws/user").toString()).listener(listener).build()) {
            stream.connect();
            JsonNode subscription = mapper.readTree(socket.received.poll(5, TimeUnit.SECONDS));
            assertThat(subscription.get("type").asText()).isEqualTo("user");
            assertThat(subscription.get("auth").get("apiKey").asText()).isEqualTo(ClobClientTest.CREDS.apiKey());
            assertThat(subscription.get("markets").get(0).asText()).isEqualTo("0x5f");
            awaitTrue(() -> listener.userTrades.size() == 2);
            assertThat(listener.orders).hasSize(2);
            assertThat(listener.userTrades.get(1).status()).isEqualTo(UserTradeEvent.Status.CONFIRMED);
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
