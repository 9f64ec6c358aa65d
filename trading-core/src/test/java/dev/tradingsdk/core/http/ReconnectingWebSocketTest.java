package dev.tradingsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconnectingWebSocketTest {

    private MockWebServer server;

    /** Server side of one upgraded connection: what it received, and a handle to drop it. */
    static final class ServerSide extends WebSocketListener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
        volatile WebSocket socket;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received.add(text);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            closeCodes.add(code);
            webSocket.close(code, null);
        }
    }

    /** Client-side events in arrival order. */
    static final class Recorder implements StreamListener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        final List<Integer> reconnectAttempts = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> opens = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(String text) {
            messages.add(text);
        }

        @Override
        public void onOpen() {
            opens.add("open");
        }

        @Override
        public void onStateChange(ConnectionState from, ConnectionState to) {
            states.add(to);
        }

        @Override
        public void onReconnect(int attempt, Duration delay, Throwable cause) {
            reconnectAttempts.add(attempt);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private ReconnectingWebSocket.Builder socket(Recorder recorder) {
        return socket(recorder, new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 2.0, 0.5));
    }

    private ReconnectingWebSocket.Builder socket(Recorder recorder, BackoffPolicy backoff) {
        return ReconnectingWebSocket.builder(server.url("/ws").toString())
            .name("test")
            .listener(recorder)
            .backoff(backoff)
            .random(new SplittableRandom(7))
            .pingInterval(Duration.ofSeconds(5));
    }

    @Test
    void droppedConnectionReconnectsAndReplaysSubscriptionsInOrder() throws Exception {
        ServerSide first = new ServerSide();
        ServerSide second = new ServerSide();
        server.enqueue(new MockResponse().withWebSocketUpgrade(first));
        server.enqueue(new MockResponse().withWebSocketUpgrade(second));
        Recorder recorder = new Recorder();

        try (DroppingProxy proxy = new DroppingProxy(new InetSocketAddress(server.getHostName(), server.getPort()));
             ReconnectingWebSocket ws = ReconnectingWebSocket.builder("ws://127.0.0.1:" + proxy.port() + "/ws")
                 .name("test")
                 .listener(recorder)
                 .backoff(new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 2.0, 0.5))
                 .random(new SplittableRandom(7))
                 .subscription("{\"op\":\"subscribe\",\"channel\":\"book\"}")
                 .build()) {
            ws.connect();
            assertThat(first.received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"op\":\"subscribe\",\"channel\":\"book\"}");
            assertThat(recorder.opens.poll(5, TimeUnit.SECONDS)).isEqualTo("open");
            ws.subscribe("{\"op\":\"subscribe\",\"channel\":\"trades\"}");
            assertThat(first.received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"op\":\"subscribe\",\"channel\":\"trades\"}");
            first.socket.send("tick-1");
            assertThat(recorder.messages.poll(5, TimeUnit.SECONDS)).isEqualTo("tick-1");

            // Abrupt drop: the connection is reset without a close frame.
            proxy.dropAll();

            assertThat(second.received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"op\":\"subscribe\",\"channel\":\"book\"}");
            assertThat(second.received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"op\":\"subscribe\",\"channel\":\"trades\"}");
            assertThat(recorder.opens.poll(5, TimeUnit.SECONDS)).isEqualTo("open");
            second.socket.send("tick-2");
            assertThat(recorder.messages.poll(5, TimeUnit.SECONDS)).isEqualTo("tick-2");
            assertThat(ws.state()).isEqualTo(ConnectionState.OPEN);
            assertThat(recorder.reconnectAttempts).containsExactly(1);
            assertThat(recorder.states).containsExactly(ConnectionState.CONNECTING, ConnectionState.OPEN,
                ConnectionState.RECONNECTING, ConnectionState.CONNECTING, ConnectionState.OPEN);
            assertThat(ws.send("hello")).isTrue();
            assertThat(second.received.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");

            // Closed inside the block so the close frame gets through before the relay is torn down.
            ws.close();
            assertThat(second.closeCodes.poll(5, TimeUnit.SECONDS)).isEqualTo(1000);
        }
        assertThat(recorder.states).endsWith(ConnectionState.CLOSED);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void serverCloseAndFailedHandshakeAreRetriedWithGrowingAttempts() throws Exception {
        ServerSide first = new ServerSide();
        ServerSide third = new ServerSide();
        server.enqueue(new MockResponse().withWebSocketUpgrade(first));
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().withWebSocketUpgrade(third));
        Recorder recorder = new Recorder();

        try (ReconnectingWebSocket ws = socket(recorder).subscription("sub").build()) {
            ws.connect();
            assertThat(first.received.poll(5, TimeUnit.SECONDS)).isEqualTo("sub");
            first.socket.close(1001, "going away");

            assertThat(third.received.poll(5, TimeUnit.SECONDS)).isEqualTo("sub");
            assertThat(recorder.reconnectAttempts).containsExactly(1, 2);
        }
    }

    /** Accepts the upgrade, then closes after {@code holdMillis} (0 = at once). */
    private static MockResponse closingUpgrade(long holdMillis) {
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                if (holdMillis == 0) {
                    webSocket.close(1001, "bye");
                    return;
                }
                Thread closer = new Thread(() -> {
                    try {
                        Thread.sleep(holdMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    webSocket.close(1001, "bye");
                });
                closer.setDaemon(true);
                closer.start();
            }
        });
    }

    @Test
    void aServerThatAcceptsAndClosesAtOnceGetsAGrowingBackoffNotAStorm() throws Exception {
        for (int i = 0; i < 40; i++) {
            server.enqueue(closingUpgrade(0));
        }
        Recorder recorder = new Recorder();
        try (ReconnectingWebSocket ws = socket(recorder,
                new BackoffPolicy(Duration.ofMillis(20), Duration.ofSeconds(10), 2.0, 0.0)).build()) {
            ws.connect();
            Thread.sleep(1500);
        }
        // 20, 40, 80, 160, 320, 640 ms: at most 7 connections in 1.5 s; resetting on every open gave dozens.
        assertThat(server.getRequestCount()).isBetween(3, 8);
        for (int i = 0; i < recorder.reconnectAttempts.size(); i++) {
            assertThat(recorder.reconnectAttempts.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void theBackoffResetsOnlyAfterTheConnectionWasHealthyForAWhile() throws Exception {
        server.enqueue(closingUpgrade(0));
        server.enqueue(closingUpgrade(0));
        server.enqueue(closingUpgrade(400));
        server.enqueue(closingUpgrade(0));
        ServerSide last = new ServerSide();
        server.enqueue(new MockResponse().withWebSocketUpgrade(last));
        Recorder recorder = new Recorder();
        try (ReconnectingWebSocket ws = socket(recorder).healthyAfter(Duration.ofMillis(150)).subscription("sub")
                .build()) {
            ws.connect();
            assertThat(last.received.poll(10, TimeUnit.SECONDS)).isEqualTo("sub");
            assertThat(recorder.reconnectAttempts).containsExactly(1, 2, 1, 2);
        }
        assertThatThrownBy(() -> socket(new Recorder()).healthyAfter(Duration.ofMillis(-1)))
            .hasMessageContaining("healthyAfter");
    }

    @Test
    void aRedirectedUpgradeIsNotFollowedSoItsHeadersNeverReachAnotherHost() throws Exception {
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            other.enqueue(new MockResponse().withWebSocketUpgrade(new ServerSide()));
            server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", other.url("/ws")));
            ServerSide real = new ServerSide();
            server.enqueue(new MockResponse().withWebSocketUpgrade(real));
            Recorder recorder = new Recorder();
            try (ReconnectingWebSocket ws = socket(recorder).header("X-API-KEY", "s3cr3t").subscription("sub")
                    .build()) {
                ws.connect();
                assertThat(real.received.poll(5, TimeUnit.SECONDS)).isEqualTo("sub");
            }
            assertThat(other.getRequestCount()).isZero();
            assertThat(recorder.reconnectAttempts).containsExactly(1);
        }
    }

    @Test
    void closeStopsReconnectingAndSendFailsAfterwards() throws Exception {
        ServerSide first = new ServerSide();
        server.enqueue(new MockResponse().withWebSocketUpgrade(first));
        Recorder recorder = new Recorder();
        ReconnectingWebSocket ws = socket(recorder).build();
        ws.connect();
        assertThat(recorder.opens.poll(5, TimeUnit.SECONDS)).isEqualTo("open");

        ws.close();
        ws.close();

        assertThat(first.closeCodes.poll(5, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(ws.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(ws.send("late")).isFalse();
        assertThat(recorder.reconnectAttempts).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThatThrownBy(ws::connect).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toStringHidesTokensInTheUrlAndHeaders() {
        ReconnectingWebSocket ws = ReconnectingWebSocket.builder("wss://stream.example.com/ws?token=s3cr3t")
            .listener(text -> { })
            .header("Authorization", "Bearer s3cr3t")
            .build();
        assertThat(ws.toString()).doesNotContain("s3cr3t").contains("stream.example.com/ws");
        ws.close();
    }
}
