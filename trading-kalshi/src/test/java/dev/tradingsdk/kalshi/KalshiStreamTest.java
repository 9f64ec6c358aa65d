package dev.tradingsdk.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.http.BackoffPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KalshiStream against a MockWebServer WebSocket replaying ws-messages.json, including its sequence gap. */
class KalshiStreamTest {

    static final JsonNode WS = Vectors.json("ws-messages.json");
    static final String FED = "FED-23DEC-T3.00";

    private MockWebServer server;
    private final List<RecordedRequest> upgrades = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> commands = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean dropFirstConnection;
    private volatile boolean malformedDelta;
    private final Recorder events = new Recorder();
    private KalshiStream stream;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                upgrades.add(request);
                return new MockResponse().withWebSocketUpgrade(new ServerSide(connections.incrementAndGet()));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (stream != null) {
            stream.close();
        }
        server.shutdown();
    }

    private KalshiStream open() {
        stream = KalshiStream.builder(KalshiClientTest.signer()).url(server.url("/trade-api/ws/v2").toString())
                .listener(events).backoff(new BackoffPolicy(Duration.ofMillis(20), Duration.ofMillis(20), 1.0, 0.0))
                .build();
        stream.connect();
        return stream;
    }

    /** Plays the venue: answers commands with the documented replies and the vector messages. */
    private final class ServerSide extends WebSocketListener {
        private final int connection;

        ServerSide(int connection) {
            this.connection = connection;
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            JsonNode command = read(text);
            commands.add(command);
            long id = command.get("id").asLong();
            String cmd = command.get("cmd").asText();
            if (cmd.equals("subscribe")) {
                String channel = command.at("/params/channels/0").asText();
                switch (channel) {
                    case "orderbook_delta" -> {
                        socket.send(reply(id, "subscribed", "{\"channel\":\"orderbook_delta\",\"sid\":2}"));
                        if (malformedDelta) {
                            // The snapshot, then delta seq 2 with a price that is not a number.
                            socket.send(WS.at("/synthetic_gap_sequence/0").toString());
                            socket.send(WS.at("/synthetic_gap_sequence/1").toString().replace("\"0.4300\"", "\"0.43x\""));
                            return;
                        }
                        if (dropFirstConnection && connection == 1) {
                            socket.send(WS.at("/synthetic_gap_sequence/0").toString());
                            socket.close(1001, "going away");
                            return;
                        }
                        for (JsonNode message : WS.get("synthetic_gap_sequence")) {
                            socket.send(message.toString());
                        }
                    }
                    case "ticker" -> {
                        socket.send(reply(id, "subscribed", "{\"channel\":\"ticker\",\"sid\":11}"));
                        // A ticker of the wrong shape first: dropped and logged, the stream goes on.
                        socket.send("{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_ticker\":\"BAD\","
                                + "\"yes_bid_dollars\":\"forty\"}}");
                        socket.send(WS.get("ticker").toString());
                        socket.send(WS.get("legacy_ticker_cents").toString());
                        socket.send(WS.get("trade").toString());
                    }
                    case "fill" -> {
                        socket.send(reply(id, "subscribed", "{\"channel\":\"fill\",\"sid\":13}"));
                        socket.send(WS.get("fill").toString());
                    }
                    case "trade" -> socket.send(reply(id, "subscribed", "{\"channel\":\"trade\",\"sid\":12}"));
                    case "market_lifecycle_v2" -> {
                        socket.send(reply(id, "subscribed", "{\"channel\":\"market_lifecycle_v2\",\"sid\":14}"));
                        // Constructed from the channel's documented fields (no captured example in the vectors).
                        socket.send("{\"type\":\"market_lifecycle_v2\",\"sid\":14,\"msg\":{\"market_ticker\":\""
                                + FED + "\",\"event_type\":\"determined\",\"result\":\"yes\","
                                + "\"determination_ts\":1669149841,\"close_ts\":1669149000}}");
                        socket.send(reply(id + 1, "error", WS.at("/error/msg").toString()));
                    }
                    default -> socket.send(reply(id, "error", "{\"code\":8,\"msg\":\"Unknown channel\"}"));
                }
            } else if (cmd.equals("update_subscription")
                    && command.at("/params/action").asText().equals("get_snapshot")) {
                // The ok carries the sid's seq; then a fresh snapshot (seq 7), a delta, another ok, a delta.
                socket.send("{\"id\":" + id + ",\"sid\":2,\"seq\":6,\"type\":\"ok\",\"msg\":{\"market_tickers\":[\"" + FED
                        + "\"]}}");
                socket.send(withSeq(WS.get("orderbook_snapshot"), 7));
                socket.send(withSeq(WS.get("orderbook_delta"), 8).replace("\"0.960\"", "\"0.2200\""));
                socket.send("{\"id\":" + (id + 1000) + ",\"sid\":2,\"seq\":9,\"type\":\"ok\",\"msg\":{\"market_tickers\":[]}}");
                socket.send(withSeq(WS.get("orderbook_delta"), 10).replace("\"0.960\"", "\"0.0800\"")
                        .replace("\"-54.00\"", "\"-100.00\""));
            } else if (cmd.equals("unsubscribe")) {
                socket.send("{\"id\":" + id + ",\"sid\":2,\"seq\":11,\"type\":\"unsubscribed\"}");
            }
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            socket.close(1000, null);
        }
    }

    private static String reply(long id, String type, String msg) {
        return "{\"id\":" + id + ",\"type\":\"" + type + "\",\"msg\":" + msg + "}";
    }

    private static String withSeq(JsonNode message, long seq) {
        ObjectNode copy = message.deepCopy();
        copy.put("seq", seq);
        return copy.toString();
    }

    private static JsonNode read(String text) {
        try {
            return Vectors.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void booksFollowSnapshotAndDeltasDetectTheGapAndResync() {
        open();
        KalshiStream.Subscription books = stream.subscribe(KalshiChannel.ORDERBOOK_DELTA, List.of(FED));
        await(() -> events.gaps.size() == 1 && events.bookStates.size() >= 6);

        // The subscribe command is exactly the documented one (the first command of the connection has id 1).
        assertThat(commands.get(0)).isEqualTo(WS.get("cmd_subscribe_orderbook"));
        JsonNode expected = WS.get("synthetic_gap_expected");
        // After seq 3: YES bids 0.42 x 13 and 0.43 x 5, NO side emptied.
        String afterSeq3 = events.bookStates.get(2);
        assertThat(afterSeq3).isEqualTo("yes=[0.4200x13.00, 0.4300x5.00] no=[] bestBid=" + Price.of(
                expected.get("after_seq_3_best_yes_bid").asText(), 4) + " bestAsk=none");
        SequenceGap gap = events.gaps.get(0);
        assertThat(gap.sid()).isEqualTo(expected.at("/gap_detected_at/sid").asLong());
        assertThat(gap.expected()).isEqualTo(expected.at("/gap_detected_at/expected_seq").asLong());
        assertThat(gap.received()).isEqualTo(expected.at("/gap_detected_at/received_seq").asLong());
        assertThat(gap.tickers()).containsExactly(FED);
        // Seq 5 was not applied to the stale book: the NO 0.55 level it would add never appears.
        assertThat(events.bookStates).noneMatch(state -> state.contains("0.5500"));
        JsonNode resync = commands.stream().filter(c -> c.get("cmd").asText().equals("update_subscription"))
                .findFirst().orElseThrow();
        assertThat(resync.at("/params/action").asText()).isEqualTo("get_snapshot");
        assertThat(resync.at("/params/sid").asLong()).isEqualTo(2);
        assertThat(resync.at("/params/market_tickers/0").asText()).isEqualTo(FED);

        // The fresh snapshot (seq 7), delta 8 (-54 at YES 0.22), ok seq 9, delta 10 (-100 at YES 0.08): no new gap.
        assertThat(events.bookStates.get(3)).startsWith("yes=[0.0800x300.00, 0.2200x333.00] no=[0.5400x20.00, 0.5600x146.00]");
        assertThat(events.bookStates.get(5)).startsWith("yes=[0.0800x200.00, 0.2200x279.00]");
        assertThat(stream.book(FED).orElseThrow().bestYesAsk().orElseThrow())
                .isEqualTo(new PriceLevel(Price.of("0.4400"), Quantity.of("146.00")));
        assertThat(events.gaps).hasSize(1);

        stream.unsubscribe(books);
        await(() -> commands.stream().anyMatch(c -> c.get("cmd").asText().equals("unsubscribe")));
        assertThat(commands.stream().filter(c -> c.get("cmd").asText().equals("unsubscribe")).findFirst().orElseThrow()
                .at("/params/sids/0").asLong()).isEqualTo(2);
        assertThat(stream.book(FED)).isEmpty();
        assertThat(events.gaps).hasSize(1);
        // Command ids are unique on the connection.
        assertThat(commands.stream().map(c -> c.get("id").asLong()).distinct().count()).isEqualTo(commands.size());
    }

    @Test
    void tickerTradeAndFillChannels() {
        open();
        stream.subscribe(KalshiChannel.TICKER, List.of());
        stream.subscribe(KalshiChannel.FILL, List.of());
        KalshiStream.Subscription lifecycle = stream.subscribe(KalshiChannel.MARKET_LIFECYCLE, List.of(FED));
        await(() -> events.tickers.size() == 2 && events.trades.size() == 1 && events.fills.size() == 1
                && events.lifecycle.size() == 1 && events.errors.size() == 1);
        assertThat(events.tickers).noneMatch(t -> t.ticker().equals("BAD"));
        MarketLifecycleEvent determined = events.lifecycle.get(0);
        assertThat(determined.eventType()).isEqualTo("determined");
        assertThat(determined.result()).contains("yes");
        assertThat(determined.time()).contains(Instant.ofEpochSecond(1669149841));
        assertThat(events.errors.get(0)).isEqualTo("6 Already subscribed");
        stream.addMarkets(lifecycle, List.of("NEW-MARKET-1"));
        await(() -> commands.stream().anyMatch(c -> c.get("cmd").asText().equals("update_subscription")));
        JsonNode add = commands.stream().filter(c -> c.get("cmd").asText().equals("update_subscription")).findFirst()
                .orElseThrow();
        assertThat(add.get("params")).isEqualTo(read("{\"sids\":[14],\"market_tickers\":[\"NEW-MARKET-1\"],"
                + "\"action\":\"add_markets\"}"));
        TickerUpdate ticker = events.tickers.get(0);
        assertThat(ticker.yesBid()).contains(Price.of("0.4500"));
        assertThat(ticker.yesAsk()).contains(Price.of("0.5300"));
        assertThat(ticker.volume()).isEqualTo(Quantity.of("33896.00"));
        TickerUpdate legacy = events.tickers.get(1);
        assertThat(legacy.yesBid()).contains(Price.of("0.4500"));
        assertThat(legacy.volume()).isEqualTo(Quantity.of("33896.00"));
        KalshiTrade trade = events.trades.get(0);
        assertThat(trade.yesPrice()).isEqualTo(Price.of("0.3600"));
        assertThat(trade.takerOutcome()).isEqualTo(Outcome.NO);
        KalshiFill fill = events.fills.get(0);
        assertThat(fill.clientOrderId()).isEqualTo("my-order-1");
        assertThat(fill.outcome()).isEqualTo(Outcome.YES);
        assertThat(fill.count()).isEqualTo(Quantity.of("278.00"));
        assertThat(fill.fee().toBigDecimal()).isEqualByComparingTo("0.01");
        ObjectNode first = commands.get(0).deepCopy();
        first.remove("id");
        assertThat(first.toString()).isEqualTo("{\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"]}}");
    }

    @Test
    void aMalformedBookMessageIsDroppedAndTheBookResyncedNotTheStreamKilled() {
        malformedDelta = true;
        open();
        stream.subscribe(KalshiChannel.ORDERBOOK_DELTA, List.of(FED));
        // The resync's fresh snapshot (seq 7) and deltas 8 and 10 arrive after the snapshot of seq 1: 4 book states.
        await(() -> events.gaps.size() == 1 && events.bookStates.size() >= 4);
        SequenceGap gap = events.gaps.get(0);
        assertThat(gap.expected()).isEqualTo(2);
        assertThat(gap.received()).isEqualTo(2);
        assertThat(gap.tickers()).containsExactly(FED);
        assertThat(commands).anyMatch(c -> c.at("/params/action").asText().equals("get_snapshot"));
        assertThat(events.bookStates.get(0)).startsWith("yes=[0.4200x13.00] no=[0.5600x17.00]");
        assertThat(events.bookStates).noneMatch(state -> state.contains("0.4300"));
        assertThat(events.disconnects).isEmpty();
        assertThat(stream.book(FED)).isPresent();
    }

    @Test
    void theHandshakeIsSignedAndAReconnectResubscribesWithAFreshSnapshot() throws Exception {
        dropFirstConnection = true;
        open();
        stream.subscribe(KalshiChannel.ORDERBOOK_DELTA, List.of(FED));
        await(() -> connections.get() == 2 && stream.book(FED).isPresent() && events.gaps.size() == 1);
        assertThat(events.disconnects).isNotEmpty();
        assertThat(upgrades).hasSize(2);
        for (RecordedRequest upgrade : upgrades) {
            String ts = upgrade.getHeader(KalshiSigner.TIMESTAMP_HEADER);
            assertThat(KalshiSignerTest.verify(ts + "GET/trade-api/ws/v2", upgrade.getHeader(KalshiSigner.SIGNATURE_HEADER)))
                    .isTrue();
            assertThat(upgrade.getHeader(KalshiSigner.KEY_HEADER)).isEqualTo("a952bcbe-ec3b-4b5b-b8f9-11dae589608c");
        }
        assertThat(commands.stream().filter(c -> c.get("cmd").asText().equals("subscribe")).count()).isEqualTo(2);
        assertThat(stream.book(FED)).isPresent();
    }

    @Test
    void theMarketDataFeedTurnsBooksIntoEventsAndGapsIntoOutOfSync() {
        Instrument fed = KalshiInstruments.yesContract(FED, "0.01", null);
        List<MarketEvent> received = Collections.synchronizedList(new ArrayList<>());
        List<String> outOfSync = Collections.synchronizedList(new ArrayList<>());
        KalshiMarketDataFeed feed = KalshiMarketDataFeed.create(KalshiStream.builder(KalshiClientTest.signer())
                .url(server.url("/trade-api/ws/v2").toString())
                .backoff(new BackoffPolicy(Duration.ofMillis(20), Duration.ofMillis(20), 1.0, 0.0)),
                new SimulatedClock(Instant.parse("2026-05-04T18:00:00Z")), 5);
        stream = feed.stream();
        feed.subscribe(fed, new MarketDataListener() {
            @Override
            public void onEvent(MarketEvent event) {
                received.add(event);
            }

            @Override
            public void onOutOfSync(Instrument instrument, String reason) {
                outOfSync.add(instrument.symbol() + ": " + reason);
            }
        });
        feed.connect();
        await(() -> outOfSync.size() == 1 && received.size() >= 6);
        assertThat(outOfSync.get(0)).isEqualTo(FED + ": sequence gap on subscription 2: expected 4, received 5");
        BookSnapshot afterSeq3 = (BookSnapshot) received.get(2);
        assertThat(afterSeq3.instrument()).isEqualTo(fed);
        assertThat(afterSeq3.bestBid()).contains(Price.of("0.4300"));
        assertThat(afterSeq3.asks()).isEmpty();
        BookSnapshot resynced = (BookSnapshot) received.get(3);
        assertThat(resynced.bestAsk()).contains(Price.of("0.4400"));
        assertThat(commands.stream().filter(c -> c.get("cmd").asText().equals("subscribe"))
                .map(c -> c.at("/params/channels/0").asText())).containsExactly("orderbook_delta", "trade");
        feed.close();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Records what the stream delivers, books as text taken inside the callback. */
    static final class Recorder implements KalshiStreamListener {
        final List<String> bookStates = Collections.synchronizedList(new ArrayList<>());
        final List<SequenceGap> gaps = Collections.synchronizedList(new ArrayList<>());
        final List<TickerUpdate> tickers = Collections.synchronizedList(new ArrayList<>());
        final List<KalshiTrade> trades = Collections.synchronizedList(new ArrayList<>());
        final List<KalshiFill> fills = Collections.synchronizedList(new ArrayList<>());
        final List<String> disconnects = Collections.synchronizedList(new ArrayList<>());
        final List<MarketLifecycleEvent> lifecycle = Collections.synchronizedList(new ArrayList<>());
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onLifecycle(MarketLifecycleEvent event) {
            lifecycle.add(event);
        }

        @Override
        public void onError(long commandId, int code, String message) {
            errors.add(code + " " + message);
        }

        @Override
        public void onBook(String ticker, OrderBook book, boolean snapshot) {
            KalshiOrderbook view = new KalshiOrderbook(ticker, levels(book, true), levels(book, false));
            bookStates.add("yes=" + view.yesBids().stream().map(Recorder::text).toList()
                    + " no=" + view.noBids().stream().map(Recorder::text).toList()
                    + " bestBid=" + view.bestYesBid().map(l -> l.price().toString()).orElse("none")
                    + " bestAsk=" + view.bestYesAsk().map(l -> l.price().toString()).orElse("none"));
        }

        private static List<PriceLevel> levels(OrderBook book, boolean yes) {
            List<PriceLevel> out = new ArrayList<>();
            dev.tradingsdk.core.order.Side side = yes ? dev.tradingsdk.core.order.Side.BUY : dev.tradingsdk.core.order.Side.SELL;
            for (int i = 0; i < book.levelCount(side); i++) {
                long price = book.priceRawAt(side, i);
                out.add(new PriceLevel(Price.ofRaw(yes ? price : 10_000 - price, 4), Quantity.ofRaw(book.sizeRawAt(side, i), 2)));
            }
            return out;
        }

        private static String text(PriceLevel level) {
            return level.price() + "x" + level.size();
        }

        @Override
        public void onGap(SequenceGap gap) {
            gaps.add(gap);
        }

        @Override
        public void onTicker(TickerUpdate update) {
            tickers.add(update);
        }

        @Override
        public void onTrade(KalshiTrade trade) {
            trades.add(trade);
        }

        @Override
        public void onFill(KalshiFill fill) {
            fills.add(fill);
        }

        @Override
        public void onDisconnected(String reason) {
            disconnects.add(reason);
        }
    }
}
