package dev.tradingsdk.polymarket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.BackoffPolicy;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
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

    /** Server side of one connection: records what the client sends and plays a script when subscribed. */
    private static final class ScriptedSocket extends WebSocketListener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final List<String> pings = new CopyOnWriteArrayList<>();
        private final List<String> script;

        ScriptedSocket(List<String> script) {
            this.script = script;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if ("PING".equals(text)) {
                pings.add(text);
                webSocket.send("PONG");
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
            // the dropped connection ends up here
        }
    }

    /** Remembers the client's sockets so a test can pull one away mid-stream (no close handshake). */
    private static final class DroppableSockets extends SocketFactory {
        final List<Socket> sockets = new CopyOnWriteArrayList<>();

        private Socket remember(Socket socket) {
            sockets.add(socket);
            return socket;
        }

        void dropLatest() throws IOException {
            sockets.get(sockets.size() - 1).close();
        }

        @Override
        public Socket createSocket() {
            return remember(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return remember(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return remember(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return remember(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return remember(new Socket(address, port, localAddress, localPort));
        }
    }

    @Test
    void keepsABookAcrossADroppedConnectionWithAFreshSnapshot() throws Exception {
        ScriptedSocket first = new ScriptedSocket(List.of(Vectors.text("payloads/ws-market-book.json"),
                Vectors.text("payloads/ws-market-price-change.json")));
        ScriptedSocket second = new ScriptedSocket(List.of(SECOND_BOOK));
        server.enqueue(new MockResponse().withWebSocketUpgrade(first));
        server.enqueue(new MockResponse().withWebSocketUpgrade(second));
        server.start();
        RecordingStreamListener listener = new RecordingStreamListener();
        DroppableSockets sockets = new DroppableSockets();
        try (ClobStream stream = ClobStream.market(List.of(ASSET)).url(server.url("/ws/market").toString())
                .okHttpClient(new OkHttpClient.Builder().socketFactory(sockets).build())
                .listener(listener).pingInterval(Duration.ofMillis(50))
                .backoff(new BackoffPolicy(Duration.ofMillis(20), Duration.ofMillis(50), 2, 0)).build()) {
            stream.connect();
            JsonNode subscription = mapper.readTree(first.received.poll(5, TimeUnit.SECONDS));
            assertThat(subscription.get("type").asText()).isEqualTo("market");
            assertThat(subscription.get("assets_ids").get(0).asText()).isEqualTo(ASSET);
            awaitTrue(() -> listener.books.stream().anyMatch(
                    b -> "1895759e4df7a796bf4f1c5a5950b748306923e2".equals(b.hash())));
            assertThat(stream.book(ASSET).orElseThrow().bestAsk()).contains(Price.of("0.53"));
            sockets.dropLatest();

            String resubscription = second.received.poll(5, TimeUnit.SECONDS);
            assertThat(mapper.readTree(resubscription)).isEqualTo(subscription);
            awaitTrue(() -> stream.book(ASSET).map(b -> "h2".equals(b.hash())).orElse(false));
            BookSnapshot book = stream.book(ASSET).orElseThrow();
            assertThat(book.bestBid()).contains(Price.of("0.44"));
            assertThat(book.bestAsk()).contains(Price.of("0.46"));
            assertThat(book.bids()).hasSize(1);
            assertThat(listener.stale.get()).isGreaterThanOrEqualTo(1);
            awaitTrue(() -> !second.pings.isEmpty());
            assertThat(listener.malformed).isEmpty();
        }
    }

    @Test
    void userChannelSubscribesWithCredentialsAndReportsLifecycles() throws Exception {
        ScriptedSocket socket = new ScriptedSocket(List.of(Vectors.text("payloads/ws-user-events.json")));
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

    /** A server that accepts the subscription and then says nothing, not even PONG. */
    private static final class SilentSocket extends WebSocketListener {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received.add(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }
    }

    @Test
    void theWatchdogReplacesAnOpenButSilentConnection() throws Exception {
        SilentSocket silent = new SilentSocket();
        ScriptedSocket answering = new ScriptedSocket(List.of(SECOND_BOOK));
        server.enqueue(new MockResponse().withWebSocketUpgrade(silent));
        server.enqueue(new MockResponse().withWebSocketUpgrade(answering));
        server.start();
        RecordingStreamListener listener = new RecordingStreamListener();
        try (ClobStream stream = ClobStream.market(List.of(ASSET)).url(server.url("/ws/market").toString())
                .listener(listener).pingInterval(Duration.ofMillis(50)).silenceTimeout(Duration.ofMillis(300))
                .build()) {
            stream.connect();
            awaitTrue(() -> stream.watchdogReconnects() == 1);
            assertThat(silent.received).as("PINGs went unanswered").contains("PING");
            String resubscription = answering.received.poll(5, TimeUnit.SECONDS);
            assertThat(mapper.readTree(resubscription).get("assets_ids").get(0).asText()).isEqualTo(ASSET);
            awaitTrue(() -> stream.book(ASSET).isPresent());
            // The second server answers every PING with PONG: those replies keep the connection alive.
            Thread.sleep(700);
            assertThat(stream.watchdogReconnects()).isEqualTo(1);
            assertThat(answering.pings.size()).isGreaterThanOrEqualTo(5);
            assertThat(listener.stale.get()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void tickSizeChangesUpdateTheClientsTickCache() throws Exception {
        ScriptedSocket socket = new ScriptedSocket(List.of("{\"event_type\":\"tick_size_change\",\"asset_id\":\""
                + ASSET + "\",\"old_tick_size\":\"0.01\",\"new_tick_size\":\"0.001\"}"));
        server.enqueue(new MockResponse().withWebSocketUpgrade(socket));
        server.start();
        ClobClient client = ClobClient.builder().baseUrl(server.url("/").toString()).build();
        try (ClobStream stream = ClobStream.market(List.of(ASSET)).url(server.url("/ws/market").toString())
                .tickSizes(client).build()) {
            stream.connect();
            awaitTrue(() -> stream.tickSize(ASSET).isPresent());
            // No GET /tick-size is served by this server: the cached value comes from the stream.
            assertThat(client.tickSize(ASSET)).isEqualTo(dev.tradingsdk.polymarket.order.TickSize.THOUSANDTH);
            assertThat(server.getRequestCount()).isEqualTo(1);
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
