package dev.tradingsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsdk.core.analytics.EquityCurve;
import dev.tradingsdk.core.analytics.Metrics;
import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.examples.strategies.MovingAverageCrossover;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.Returns;
import org.ta4j.core.criteria.ExpectancyCriterion;
import org.ta4j.core.criteria.MaximumDrawdownCriterion;
import org.ta4j.core.criteria.NumberOfPositionsCriterion;
import org.ta4j.core.criteria.PositionsRatioCriterion;
import org.ta4j.core.criteria.pnl.AverageLossCriterion;
import org.ta4j.core.criteria.pnl.AverageProfitCriterion;
import org.ta4j.core.criteria.pnl.ProfitLossCriterion;
import org.ta4j.core.criteria.pnl.ProfitLossRatioCriterion;
import org.ta4j.core.criteria.pnl.ReturnCriterion;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

/**
 * Our analytics against ta4j 0.17 on the real Yahoo BTC-USD daily series, for the figures both libraries
 * define. Where the definitions differ, the test checks the relation between them instead and says why:
 * <ul>
 * <li>ta4j's drawdown and return criteria work on a trading record's <i>cash flow</i>: one unit of capital,
 * fully invested while a position is open, compounding across positions. Ours work on the account's equity
 * curve (cash plus positions, any position size). For a single position held over the whole series the two
 * are the same curve, so buy-and-hold is compared exactly; the fixed-size crossover run is not.</li>
 * <li>ta4j's expectancy is {@code (1 + avgWin/avgLoss)·winRate − 1}, a ratio; ours is money per trade,
 * {@code winRate·avgWin − lossRate·avgLoss}. They agree up to the factor {@code avgLoss}.</li>
 * <li>ta4j 0.17 has no Sharpe, Sortino, CAGR or volatility criterion; we check our Sharpe against the sample
 * standard deviation of ta4j's own per-bar {@link Returns} instead.</li>
 * </ul>
 */
class Ta4jComparisonTest {

    private static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    private static List<Bar> bars;
    private static BarSeries series;
    private static final Map<Instant, Integer> INDEX_BY_OPEN = new HashMap<>();

    @BeforeAll
    static void load() throws URISyntaxException {
        Path csv = Path.of(Ta4jComparisonTest.class.getResource("/data/btc_usd_daily_yahoo.csv").toURI());
        bars = BarCsvReader.yahooDaily(BTC).asOf(Instant.parse("2024-05-27T12:00:00Z")).read(csv).events();
        series = new BaseBarSeriesBuilder().withName("BTC-USD").withNumTypeOf(DecimalNum.class).build();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            series.addBar(Duration.ofDays(1), b.closeTime().atZone(ZoneOffset.UTC), num(b.open().toString()),
                    num(b.high().toString()), num(b.low().toString()), num(b.close().toString()),
                    num(b.volume().toString()));
            INDEX_BY_OPEN.put(b.openTime(), i);
        }
    }

    private static Num num(String value) {
        return DecimalNum.valueOf(value);
    }

    @Test
    void buyAndHoldDrawdownReturnAndPerBarReturnsAgree() {
        EquityCurve.Builder curve = EquityCurve.builder(Currency.USD, 2);
        for (Bar b : bars) {
            curve.add(b.closeTime(), Money.of(b.close().toBigDecimal(), Currency.USD), Money.zero(Currency.USD));
        }
        Metrics ours = Metrics.compute(curve.build(), List.of(), Money.zero(Currency.USD), Money.zero(Currency.USD),
                365);
        int last = bars.size() - 1;
        TradingRecord hold = new BaseTradingRecord();
        hold.enter(0, num(bars.get(0).close().toString()), num("1"));
        hold.exit(last, num(bars.get(last).close().toString()), num("1"));

        double ta4jDrawdown = new MaximumDrawdownCriterion().calculate(series, hold).doubleValue();
        assertThat(ours.maxDrawdown()).isCloseTo(ta4jDrawdown, within(1e-12)).isGreaterThan(0.8);
        // ta4j's ReturnCriterion includes the base: 1 + total return
        double ta4jReturn = new ReturnCriterion().calculate(series, hold).doubleValue();
        assertThat(1 + ours.totalReturn()).isCloseTo(ta4jReturn, within(1e-9));

        Returns ta4jReturns = new Returns(series, hold, Returns.ReturnType.ARITHMETIC);
        double[] r = new double[last];
        for (int i = 1; i <= last; i++) {
            r[i - 1] = ta4jReturns.getValue(i).doubleValue();
        }
        double mean = 0;
        for (double x : r) {
            mean += x;
        }
        mean /= r.length;
        double squares = 0;
        for (double x : r) {
            squares += (x - mean) * (x - mean);
        }
        double sampleSd = Math.sqrt(squares / (r.length - 1));
        assertThat(ours.volatility()).isCloseTo(sampleSd * Math.sqrt(365), within(1e-12));
        assertThat(ours.sharpe()).isCloseTo(mean / sampleSd * Math.sqrt(365), within(1e-12));
    }

    @Test
    void crossoverTradeFiguresAgree() {
        BacktestResult result = Backtest.builder().initialCash(Money.of("100000", Currency.USD)).events(bars)
                .strategy(new MovingAverageCrossover(BTC, 10, 30, Quantity.of("1"))).run();
        Metrics ours = result.metrics(365);
        TradingRecord record = new BaseTradingRecord();
        for (ClosedTrade t : result.trades()) {
            record.enter(INDEX_BY_OPEN.get(t.entryTime()), num(t.entryPrice().toString()), num("1"));
            record.exit(INDEX_BY_OPEN.get(t.exitTime()), num(t.exitPrice().toString()), num("1"));
        }
        assertThat(ours.tradeCount()).isEqualTo(62);
        assertThat(new NumberOfPositionsCriterion().calculate(series, record).intValue()).isEqualTo(62);
        assertThat(ours.winRate()).isCloseTo(
                PositionsRatioCriterion.WinningPositionsRatioCriterion().calculate(series, record).doubleValue(),
                within(1e-12));
        double totalPnl = result.trades().stream().mapToDouble(t -> t.netPnl().toDouble()).sum();
        assertThat(new ProfitLossCriterion().calculate(series, record).doubleValue()).isCloseTo(totalPnl,
                within(1e-6));
        double avgWin = ours.averageWin().orElseThrow().toDouble();
        double avgLoss = ours.averageLoss().orElseThrow().toDouble();
        assertThat(new AverageProfitCriterion().calculate(series, record).doubleValue()).isCloseTo(avgWin,
                within(1e-4));
        // ta4j reports the average loss as a negative amount; ours is its magnitude
        assertThat(new AverageLossCriterion().calculate(series, record).doubleValue()).isCloseTo(-avgLoss,
                within(1e-4));
        assertThat(new ProfitLossRatioCriterion().calculate(series, record).doubleValue()).isCloseTo(
                avgWin / avgLoss, within(1e-6));
        double ta4jExpectancy = new ExpectancyCriterion().calculate(series, record).doubleValue();
        assertThat(ta4jExpectancy * avgLoss).isCloseTo(ours.expectancy().orElseThrow().toDouble(), within(1e-3));
    }
}
