package dev.tradingsdk.kalshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.backtest.Liquidity;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backtest over recorded snapshots whose P&L and fees are checked by hand arithmetic. */
class PredictionMarketBacktestTest {

    static final Instant T0 = Instant.parse("2026-05-04T14:00:00Z");
    static final String WEATHER = "KXHIGHNY-26MAY05-B74.5";
    static final String GAME = "KXNBAGAME-26MAY05-BOS";
    static final Instrument WEATHER_YES = KalshiInstruments.yesContract(WEATHER, "0.01", null);
    static final Instrument GAME_YES = KalshiInstruments.yesContract(GAME, "0.01", null);
    static final Series QUADRATIC = new Series("KXHIGHNY", null, null, null, FeeType.QUADRATIC, BigDecimal.ONE);
    static final Series MAKER_HALF = new Series("KXNBAGAME", null, null, null, FeeType.QUADRATIC_WITH_MAKER_FEES,
            new BigDecimal("0.5"));

    static MarketSnapshot snapshot(String ticker, long millis, String yesBid, String noBid, String size) {
        return new MarketSnapshot(ticker, SnapshotSource.POLL, millis, T0.plusMillis(millis)
                .atZone(ZoneId.of("America/New_York")),
                List.of(new PriceLevel(Price.of(yesBid), Quantity.of(size))),
                List.of(new PriceLevel(Price.of(noBid), Quantity.of(size))));
    }

    /** Records the two markets' books through a SnapshotRecorder journal and replays them. */
    static List<MarketEvent> recordedEvents(Path dir) {
        try (SnapshotRecorder recorder = SnapshotRecorder.open(dir, new SimulatedClock(T0), ZoneId.of("America/New_York"))) {
            // Weather: YES bid 0.40, NO bid 0.55 -> YES ask 0.45, 100 each.
            for (long t : new long[] {1000, 2000, 3000}) {
                recorder.record(snapshot(WEATHER, t, "0.40", "0.55", "100"));
            }
            // Game: YES ask 0.42 (NO bid 0.58) twice, then 0.39 (NO bid 0.61).
            recorder.record(snapshot(GAME, 1500, "0.35", "0.58", "50"));
            recorder.record(snapshot(GAME, 2500, "0.35", "0.58", "50"));
            recorder.record(snapshot(GAME, 3500, "0.35", "0.61", "50"));
            return recorder.replayEvents(t -> t.equals(WEATHER) ? WEATHER_YES : GAME_YES);
        }
    }

    /** Buys weather at market and the game with a resting limit; two groups of legs, one left with one leg. */
    static final class TwoMarkets implements Strategy {
        private final Set<String> seen = new HashSet<>();

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            if (!(event instanceof BookSnapshot) || !seen.add(event.instrument().symbol())) {
                return;
            }
            if (event.instrument().equals(WEATHER_YES)) {
                context.orders().submit(OrderRequest.buy(WEATHER_YES).quantity("10").market().clientOrderId("g1:a")
                        .build());
                context.orders().submit(OrderRequest.buy(WEATHER_YES).quantity("5").limit("0.05").clientOrderId("g2:a")
                        .build());
            } else {
                context.orders().submit(OrderRequest.buy(GAME_YES).quantity("10").limit("0.40").clientOrderId("g1:b")
                        .build());
                context.orders().submit(OrderRequest.buy(GAME_YES).quantity("2").market().clientOrderId("g2:b").build());
            }
        }
    }

    @Test
    void pnlFeesAndFillRateMatchTheHandArithmetic(@TempDir Path dir) {
        KalshiFeeModel fees = KalshiFeeModel.forMarkets(Map.of(WEATHER, QUADRATIC, GAME, MAKER_HALF));
        PredictionMarketResult run = PredictionMarketBacktest.builder()
                .initialCash(Money.of("1000.00", Currency.USD))
                .events(recordedEvents(dir))
                .settle(WEATHER_YES, Outcome.YES, T0.plusSeconds(10))
                .settle(GAME_YES, Outcome.NO, T0.plusSeconds(10))
                .fees(fees)
                .strategy(new TwoMarkets())
                .start(T0)
                .run();

        List<Fill> fills = run.result().fills();
        // g1:a market 10 weather at the 2 s ask 0.45, taker: ceil(0.07 x 1 x 10 x 0.45 x 0.55 = 0.17325) = 0.18
        Fill weather = fill(fills, "g1:a");
        assertThat(weather.price()).isEqualTo(Price.of("0.45"));
        assertThat(weather.fee().toBigDecimal()).isEqualByComparingTo("0.18");
        // g2:b market 2 game at the 2.5 s ask 0.42, taker: ceil(0.07 x 0.5 x 2 x 0.42 x 0.58 = 0.017052) = 0.02
        Fill gameTaker = fill(fills, "g2:b");
        assertThat(gameTaker.price()).isEqualTo(Price.of("0.42"));
        assertThat(gameTaker.fee().toBigDecimal()).isEqualByComparingTo("0.02");
        // g1:b limit 10 @ 0.40 rests, then the 3.5 s ask 0.39 crosses it: maker at 0.40,
        // ceil(0.0175 x 0.5 x 10 x 0.40 x 0.60 = 0.021) = 0.03
        Fill gameMaker = fill(fills, "g1:b");
        assertThat(gameMaker.price()).isEqualTo(Price.of("0.40"));
        // (as a taker it would have paid ceil(0.07 x 0.5 x 10 x 0.40 x 0.60 = 0.084) = 0.09)
        assertThat(gameMaker.fee().toBigDecimal()).isEqualByComparingTo("0.03");

        // Settlement: 10 weather YES pay 10 x $1 = 10.00; 12 game YES pay nothing; no fee at P = 1 or 0.
        assertThat(run.settlementPaid().toBigDecimal()).isEqualByComparingTo("10.00");
        assertThat(run.fees().toBigDecimal()).isEqualByComparingTo("0.23");
        // Cash: 1000 - (4.50 + 0.18) - (0.84 + 0.02) - (4.00 + 0.03) + 10.00 = 1000.43
        assertThat(run.result().finalEquity().toBigDecimal()).isEqualByComparingTo("1000.43");
        assertThat(run.pnl().toBigDecimal()).isEqualByComparingTo("0.43");
        assertThat(run.result().portfolio().positions()).isEmpty();
        // 4 orders sent, 3 filled (g2:a at 0.05 never did and was canceled at settlement).
        assertThat(run.ordersSent()).isEqualTo(4);
        assertThat(run.ordersFilled()).isEqualTo(3);
        assertThat(run.fillRate()).isEqualTo(0.75);
        // Groups g1 (both legs filled) and g2 (one of two): one one-leg group.
        assertThat(run.legGroups()).isEqualTo(2);
        assertThat(run.oneLegGroups()).isEqualTo(1);
        assertThat(run.metrics(365).endEquity().toBigDecimal()).isEqualByComparingTo("1000.43");
    }

    @Test
    void settlementIsCheckedUpFront() {
        PredictionMarketBacktest.Builder builder = PredictionMarketBacktest.builder()
                .settle(WEATHER_YES, Outcome.YES, T0);
        assertThatThrownBy(() -> builder.settle(WEATHER_YES, Outcome.NO, T0.plusSeconds(1)))
                .hasMessageContaining("settled twice");
        assertThatThrownBy(() -> builder.settleAt(GAME_YES, Price.of("1.5"), T0)).hasMessageContaining("within 0..1");
        assertThatThrownBy(() -> builder.initialCash(Money.of("1", Currency.EUR))).hasMessageContaining("USD");
    }

    @Test
    void feesComeFromTheSeriesNeverAGuess() {
        KalshiFeeModel fees = KalshiFeeModel.forMarket(WEATHER, QUADRATIC);
        assertThat(fees.fee(WEATHER_YES, Side.BUY, Price.of("0.45"), Quantity.of("10"), Liquidity.MAKER).isZero()).isTrue();
        assertThatThrownBy(() -> fees.fee(GAME_YES, Side.BUY, Price.of("0.45"), Quantity.of("10"), Liquidity.TAKER))
                .hasMessageContaining("no series known for market " + GAME);
        assertThatThrownBy(() -> KalshiFeeModel.forMarket("X", new Series("S", null, null, null, FeeType.FLAT,
                BigDecimal.ONE))).hasMessageContaining("flat");
        // Max taker fee of one contract is at 0.50: ceil(0.0175) = 0.02; 10 @ 0.50 -> ceil(0.175) = 0.18.
        assertThat(KalshiFeeModel.fee(new BigDecimal("0.07"), Quantity.of("1"), Price.of("0.50")).toBigDecimal())
                .isEqualByComparingTo("0.02");
        assertThat(KalshiFeeModel.fee(new BigDecimal("0.07"), Quantity.of("10"), Price.of("0.50")).toBigDecimal())
                .isEqualByComparingTo("0.18");
    }

    private static Fill fill(List<Fill> fills, String clientOrderId) {
        return fills.stream().filter(f -> f.orderId().value().equals(clientOrderId)).reduce((a, b) -> {
            throw new AssertionError("more than one fill for " + clientOrderId);
        }).orElseThrow(() -> new AssertionError("no fill for " + clientOrderId + " in " + fills));
    }
}
