package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays the recorded Polymarket "Up" top of book and fills against it. */
class BookReplayTest {

    private static final Instrument UP = Instrument.builder("BTC-UPDOWN-1767397500-UP", Venue.of("POLYMARKET"))
            .assetClass(AssetClass.BINARY_OUTCOME).quoteCurrency(Currency.USDC).pricePrecision(3).sizePrecision(2)
            .build();

    private static List<BookSnapshot> snapshots() {
        return BookCsvReader.topOfBook(UP).columns("ts_ny", "yes_bid", "yes_ask", "yes_bid_depth", "yes_ask_depth")
                .read(TestData.path("polymarket_btc-updown-15m-1767397500_depth.csv")).events();
    }

    /** Sends {@code request} while handling the first event, then does nothing. */
    private static Strategy submitOnFirstEvent(OrderRequest request) {
        return new Strategy() {
            private boolean sent;

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                if (!sent) {
                    sent = true;
                    context.orders().submit(request);
                }
            }
        };
    }

    @Test
    void recorderFloatArtifactsInSizesRoundToTheNearestCentWhenAsked() {
        // line 17 of the recorded file: yes_bid_depth 1288.6299999999999, yes_ask_depth 2452.32
        BookCsvReader reader = BookCsvReader.topOfBook(UP)
                .columns("ts_ny", "yes_bid", "yes_ask", "yes_bid_depth", "yes_ask_depth");
        Instant at = Instant.parse("2026-01-02T23:58:36.687114Z");
        BookSnapshot down = reader.read(TestData.path("polymarket_btc-updown-15m-1767397500_depth.csv")).events()
                .stream().filter(b -> b.timestamp().equals(at)).findFirst().orElseThrow();
        BookSnapshot nearest = reader.sizeRounding(java.math.RoundingMode.HALF_EVEN)
                .read(TestData.path("polymarket_btc-updown-15m-1767397500_depth.csv")).events()
                .stream().filter(b -> b.timestamp().equals(at)).findFirst().orElseThrow();
        assertThat(down.bids().get(0).size()).isEqualTo(Quantity.of("1288.62"));
        assertThat(nearest.bids().get(0).size()).isEqualTo(Quantity.of("1288.63"));
        assertThat(nearest.asks().get(0).size()).isEqualTo(Quantity.of("2452.32"));
    }

    @Test
    void readsTheRecordedBookIncludingOneSidedRows() {
        List<BookSnapshot> books = snapshots();
        assertThat(books).hasSize(97);
        BookSnapshot first = books.get(0);
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2026-01-02T23:58:17.699638Z"));
        assertThat(first.bestBid().orElseThrow().toString()).isEqualTo("0.720");
        assertThat(first.asks().get(0).size().toString()).isEqualTo("1902.13");
        assertThat(books.stream().filter(b -> b.asks().isEmpty() || b.bids().isEmpty())).hasSize(19);
        assertThat(books.get(96).asks()).isEmpty();
    }

    @Test
    void marketOrderTakesTheNextSnapshotsAskAndWaitsForMoreWhenDepthRunsOut() {
        List<BookSnapshot> books = snapshots();
        BookSnapshot second = books.get(1);
        BookSnapshot third = books.get(2);
        long wanted = second.asks().get(0).size().raw() + 10_000;  // 100.00 more than the second row shows
        Strategy strategy = submitOnFirstEvent(OrderRequest.buy(UP).clientOrderId("take")
                .quantity(Quantity.ofRaw(wanted, 2)).build());
        BacktestResult result = Backtest.builder().initialCash(Money.of("100000", Currency.USDC))
                .events(books.subList(0, 3)).strategy(strategy).fees(FeeModel.none()).run();
        List<Fill> fills = result.fills();
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).price()).isEqualTo(second.bestAsk().orElseThrow());
        assertThat(fills.get(0).quantity()).isEqualTo(second.asks().get(0).size());
        assertThat(fills.get(0).timestamp()).isEqualTo(second.timestamp());
        assertThat(fills.get(1).price()).isEqualTo(third.bestAsk().orElseThrow());
        assertThat(fills.get(1).quantity().toString()).isEqualTo("100.00");
        assertThat(result.orders().get(0).status()).isEqualTo(OrderStatus.FILLED);
    }

    private static final String L2 = "timestamp,bid_price_1,bid_size_1,bid_price_2,bid_size_2,ask_price_1,"
            + "ask_size_1,ask_price_2,ask_size_2\n"
            + "1700000000000,0.500,100,0.490,200,0.510,50,0.520,300\n"
            + "1700000001000,0.500,100,0.490,200,0.510,50,0.520,300\n"
            + "1700000002000,0.505,80,,,0.515,40,0.530,10\n";

    @Test
    void twoLevelBookIsReadAndAMarketOrderWalksBothLevels() {
        List<BookSnapshot> books = BookCsvReader.levels(UP, 2).read(new StringReader(L2), "l2.csv")
                .events();
        assertThat(books).hasSize(3);
        assertThat(books.get(2).bids()).hasSize(1);
        Strategy strategy = submitOnFirstEvent(OrderRequest.buy(UP).clientOrderId("walk").quantity("120").build());
        BacktestResult result = Backtest.builder().initialCash(Money.of("1000", Currency.USDC)).events(books)
                .strategy(strategy).fees(FeeModel.bps("100")).run();
        assertThat(result.fills()).extracting(f -> f.price().toString() + "x" + f.quantity())
                .containsExactly("0.510x50.00", "0.520x70.00");
        // 0.51·50 + 0.52·70 = 61.90 paid, plus 1% fees 0.619
        assertThat(result.portfolio().cash().toBigDecimal()).isEqualByComparingTo("937.481");
    }

    @Test
    void unsortedLevelsAreRejectedWithTheLine() {
        String bad = L2.replace("0.500,100,0.490", "0.480,100,0.490");
        assertThatThrownBy(() -> BookCsvReader.levels(UP, 2)
                .read(new StringReader(bad), "l2.csv"))
                .isInstanceOf(MarketDataFormatException.class).hasMessageContaining("l2.csv line 2")
                .hasMessageContaining("descending");
    }

    @Test
    void limitBelowTheAskRestsUntilTheBookCrossesIt() {
        List<BookSnapshot> books = snapshots();
        Strategy strategy = submitOnFirstEvent(OrderRequest.sell(UP).clientOrderId("short").quantity("10")
                .limit("0.950").build());
        BacktestResult result = Backtest.builder().initialCash(Money.of("1000", Currency.USDC)).events(books)
                .strategy(strategy).run();
        Fill fill = result.fills().get(0);
        BookSnapshot crossing = books.stream().filter(b -> b.bestBid().isPresent()
                && b.bestBid().get().compareTo(UP.price("0.950")) >= 0).findFirst().orElseThrow();
        assertThat(fill.timestamp()).isEqualTo(crossing.timestamp());
        assertThat(fill.price()).isEqualTo(UP.price("0.950"));
    }
}
