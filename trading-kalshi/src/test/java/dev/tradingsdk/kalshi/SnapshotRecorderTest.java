package dev.tradingsdk.kalshi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.TradeTick;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording to the journal (poll and stream), de-duplication, zoned times, replay; the historical loader. */
class SnapshotRecorderTest {

    static final String TICKER = "KXHIGHNY-26MAY05-B74.5";
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void pollsAreRecordedOncePerSlotAndAcrossRestarts(@TempDir Path dir) throws Exception {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-05-04T18:22:40Z"));
        try (MockKalshi kalshi = new MockKalshi()) {
            kalshi.always("GET /markets/" + TICKER + "/orderbook", Vectors.body("orderbook.json", "/response"));
            KalshiClient client = KalshiClient.builder().baseUrl(kalshi.baseUrl()).signer(KalshiClientTest.signer())
                    .timeSource(new MockKalshi.FakeTime()).build();
            try (SnapshotRecorder recorder = SnapshotRecorder.open(dir, clock, NEW_YORK)) {
                assertThat(recorder.pollOnce(client, List.of(TICKER), SnapshotRecorder.DEFAULT_POLL_INTERVAL)).isEqualTo(1);
                clock.advance(Duration.ofSeconds(1));
                assertThat(recorder.pollOnce(client, List.of(TICKER), SnapshotRecorder.DEFAULT_POLL_INTERVAL)).isZero();
                clock.advance(Duration.ofSeconds(5));
                assertThat(recorder.pollOnce(client, List.of(TICKER, "NO-SUCH-MARKET"),
                        SnapshotRecorder.DEFAULT_POLL_INTERVAL)).isEqualTo(1);
            }
            try (SnapshotRecorder reopened = SnapshotRecorder.open(dir, clock, NEW_YORK)) {
                assertThat(reopened.pollOnce(client, List.of(TICKER), SnapshotRecorder.DEFAULT_POLL_INTERVAL)).isZero();
                List<MarketSnapshot> snapshots = reopened.snapshots();
                assertThat(snapshots).hasSize(2);
                MarketSnapshot first = snapshots.get(0);
                assertThat(first.source()).isEqualTo(SnapshotSource.POLL);
                assertThat(first.seq()).isEqualTo(Instant.parse("2026-05-04T18:22:40Z").toEpochMilli() / 5000);
                assertThat(first.recordedAt().getZone()).isEqualTo(NEW_YORK);
                assertThat(first.recordedAt().toLocalTime().toString()).isEqualTo("14:22:40");
                assertThat(first.orderbook().bestYesAsk().orElseThrow().price()).isEqualTo(Price.of("0.4400"));

                List<MarketEvent> events = reopened.replayEvents(KalshiInstruments::yesContract);
                BookSnapshot book = (BookSnapshot) events.get(0);
                assertThat(book.bestBid()).contains(Price.of("0.4200"));
                assertThat(book.bestAsk()).contains(Price.of("0.4400"));
                assertThat(book.timestamp()).isEqualTo(Instant.parse("2026-05-04T18:22:40Z"));
            }
        }
    }

    @Test
    void pollingRunsOnItsOwnThreadUntilClosed(@TempDir Path dir) throws Exception {
        try (MockKalshi kalshi = new MockKalshi()) {
            kalshi.always("GET /markets/" + TICKER + "/orderbook", Vectors.body("orderbook.json", "/response"));
            KalshiClient client = KalshiClient.builder().baseUrl(kalshi.baseUrl()).build();
            try (SnapshotRecorder recorder = SnapshotRecorder.open(dir, dev.tradingsdk.core.time.Clock.system(), NEW_YORK)) {
                recorder.startPolling(client, List.of(TICKER), Duration.ofMillis(40));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (recorder.snapshots().size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(recorder.snapshots().size()).isGreaterThanOrEqualTo(3);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorder.startPolling(client, List.of(TICKER),
                        Duration.ofMillis(40))).hasMessageContaining("already polling");
            }
            int afterClose = kalshi.requests.size();
            Thread.sleep(120);
            assertThat(kalshi.requests).hasSize(afterClose);
        }
    }

    @Test
    void streamBooksAreRecordedAsWebSocketSnapshotsAndAReconnectNeverCollides(@TempDir Path dir) {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-05-04T18:00:00Z"));
        Instrument instrument = KalshiInstruments.yesContract(TICKER);
        OrderBook book = new KalshiOrderbook(TICKER, List.of(new PriceLevel(Price.of("0.4200"), Quantity.of("13.00"))),
                List.of(new PriceLevel(Price.of("0.5600"), Quantity.of("17.00")))).toOrderBook(instrument);
        book.markUpdate(7, 0);
        try (SnapshotRecorder recorder = SnapshotRecorder.open(dir, clock, NEW_YORK)) {
            List<String> seenByMine = new java.util.ArrayList<>();
            KalshiStreamListener listener = KalshiStreamListener.combine(recorder.streamListener(10),
                    new KalshiStreamListener() {
                        @Override
                        public void onBook(String ticker, OrderBook b, boolean snapshot) {
                            seenByMine.add(ticker + (snapshot ? " snapshot" : " delta"));
                        }
                    });
            listener.onBook(TICKER, book, true);
            listener.onBook(TICKER, book, false);
            listener.onDisconnected("test");
            listener.onBook(TICKER, book, true);
            assertThat(seenByMine).containsExactly(TICKER + " snapshot", TICKER + " delta", TICKER + " snapshot");
            List<MarketSnapshot> snapshots = recorder.snapshots();
            assertThat(snapshots).extracting(MarketSnapshot::seq).containsExactly(1_000_000_007L, 2_000_000_007L);
            assertThat(snapshots).allMatch(s -> s.source() == SnapshotSource.WEBSOCKET);
            assertThat(snapshots.get(0).yesBids()).containsExactly(new PriceLevel(Price.of("0.4200"), Quantity.of("13.00")));
            assertThat(snapshots.get(0).noBids()).containsExactly(new PriceLevel(Price.of("0.5600"), Quantity.of("17.00")));
        }
    }

    @Test
    void candlesBecomeBarsAndTradesTicksInTimeOrder() {
        Instrument instrument = KalshiInstruments.yesContract(TICKER);
        List<Candlestick> candles = List.of(
                KalshiPayloads.candlestick(Vectors.json("candlesticks.json").at("/response/candlesticks/0"), TICKER),
                KalshiPayloads.candlestick(Vectors.json("candlesticks.json").at("/response/candlesticks/1"), TICKER));
        List<MarketEvent> bars = HistoricalLoader.bars(instrument, candles, Candlestick.Interval.ONE_HOUR);
        assertThat(bars).singleElement().isInstanceOfSatisfying(Bar.class, bar -> {
            assertThat(bar.closeTime()).isEqualTo(Instant.ofEpochSecond(1777917600));
            assertThat(bar.openTime()).isEqualTo(Instant.ofEpochSecond(1777917600 - 3600));
            assertThat(bar.close()).isEqualTo(Price.of("0.4300"));
            assertThat(bar.volume()).isEqualTo(Quantity.of("1520.00"));
        });
        List<KalshiTrade> trades = new java.util.ArrayList<>();
        for (var t : Vectors.json("trades.json").at("/response/trades")) {
            trades.add(KalshiPayloads.trade(t, "ticker"));
        }
        List<MarketEvent> ticks = HistoricalLoader.ticks(instrument, trades);
        assertThat(ticks).extracting(MarketEvent::timestamp).isSorted();
        TradeTick first = (TradeTick) ticks.get(0);
        assertThat(first.price()).isEqualTo(Price.of("0.4200"));
        assertThat(first.aggressor()).isEqualTo(Side.SELL);
        assertThat(((TradeTick) ticks.get(1)).aggressor()).isEqualTo(Side.BUY);
    }
}
