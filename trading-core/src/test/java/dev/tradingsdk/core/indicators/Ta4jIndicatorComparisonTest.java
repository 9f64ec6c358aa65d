package dev.tradingsdk.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Every indicator against ta4j 0.17 on the bundled Yahoo BTC-USD daily series (3541 bars, 2014-09-17 ..
 * 2024-05-27), bar by bar. ta4j computes in {@code DoubleNum} (its decimal type changes nothing at this
 * tolerance and made this test three times slower).
 *
 * <p>Tolerance: {@code 1e-9} relative (or absolute near 0) wherever both define a value the same way: SMA,
 * Bollinger Bands, rolling volatility, z-score and VWAP from the first full window on. The recursive ones (EMA,
 * MACD, RSI, ATR) are seeded differently: ta4j starts from the first input, we from the simple average of the
 * first {@code period} inputs (TA-Lib's and Wilder's convention, so no value is reported before it is
 * defined). The gap decays as {@code (1 − α)^t}; they are compared from bar 300 on, where it is far below the
 * same tolerance, and the early gap is checked to exist, so the test would notice a change of seeding.
 */
class Ta4jIndicatorComparisonTest {

    private static final double TOLERANCE = 1e-9;
    private static final int CONVERGED = 300;
    private static List<Bar> bars;
    private static BarSeries series;
    private static ClosePriceIndicator close;

    @BeforeAll
    static void load() throws URISyntaxException {
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        Path csv = Path.of(Objects.requireNonNull(Ta4jIndicatorComparisonTest.class
                .getResource("/data/btc_usd_daily_yahoo.csv")).toURI());
        bars = BarCsvReader.yahooDaily(btc).read(csv).events();
        series = new BaseBarSeriesBuilder().withName("BTC-USD").withNumTypeOf(DoubleNum.class).build();
        for (Bar b : bars) {
            series.addBar(Duration.ofDays(1), b.closeTime().atZone(ZoneOffset.UTC), b.open().toBigDecimal(),
                    b.high().toBigDecimal(), b.low().toBigDecimal(), b.close().toBigDecimal(),
                    b.volume().toBigDecimal());
        }
        close = new ClosePriceIndicator(series);
    }

    private static double close(int i) {
        return bars.get(i).close().toDouble();
    }

    private static void near(double ours, double theirs, int index, String what) {
        double scale = Math.max(1, Math.abs(theirs));
        assertThat(Math.abs(ours - theirs) / scale).as("%s at bar %d: ours %s, ta4j %s", what, index, ours, theirs)
                .isLessThan(TOLERANCE);
    }

    private static double v(Indicator<Num> indicator, int i) {
        return indicator.getValue(i).doubleValue();
    }

    /** Feeds every bar to {@code update}, checks warm-up, and compares from {@code from} on. */
    private static void compare(dev.tradingsdk.core.indicators.Indicator ours, Runnable[] updates,
                                IntToDoubleFunction value, Indicator<Num> theirs, int from, String what) {
        for (int i = 0; i < bars.size(); i++) {
            updates[i].run();
            assertThat(ours.isReady()).as("%s ready after %d inputs", what, i + 1).isEqualTo(i + 1 >= ours.warmUp());
            if (i >= from) {
                near(value.applyAsDouble(i), v(theirs, i), i, what);
            }
        }
    }

    private static Runnable[] closes(java.util.function.DoubleConsumer update) {
        Runnable[] r = new Runnable[bars.size()];
        for (int i = 0; i < r.length; i++) {
            double c = close(i);
            r[i] = () -> update.accept(c);
        }
        return r;
    }

    private static Runnable[] barsTo(java.util.function.Consumer<Bar> update) {
        Runnable[] r = new Runnable[bars.size()];
        for (int i = 0; i < r.length; i++) {
            Bar b = bars.get(i);
            r[i] = () -> update.accept(b);
        }
        return r;
    }

    @Test
    void simpleMovingAverage() {
        SimpleMovingAverage sma = new SimpleMovingAverage(20);
        compare(sma, closes(sma::update), i -> sma.value(), new SMAIndicator(close, 20), 19, "SMA(20)");
    }

    @Test
    void exponentialMovingAverage() {
        ExponentialMovingAverage ema = new ExponentialMovingAverage(20);
        EMAIndicator theirs = new EMAIndicator(close, 20);
        compare(ema, closes(ema::update), i -> ema.value(), theirs, CONVERGED, "EMA(20)");
        ExponentialMovingAverage early = new ExponentialMovingAverage(20);
        for (int i = 0; i < 20; i++) {
            early.update(close(i));
        }
        assertThat(Math.abs(early.value() - v(theirs, 19))).as("the seeds differ").isGreaterThan(1);
    }

    @Test
    void relativeStrengthIndex() {
        RelativeStrengthIndex rsi = new RelativeStrengthIndex(14);
        compare(rsi, closes(rsi::update), i -> rsi.value(), new RSIIndicator(close, 14), CONVERGED, "RSI(14)");
        assertThat(rsi.value()).isBetween(0.0, 100.0);
    }

    @Test
    void macdLineSignalAndHistogram() {
        Macd ours = Macd.standard();
        MACDIndicator line = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = line.getSignalLine(9);
        Indicator<Num> histogram = line.getHistogram(9);
        for (int i = 0; i < bars.size(); i++) {
            ours.update(close(i));
            assertThat(ours.isLineReady()).isEqualTo(i + 1 >= 26);
            assertThat(ours.isReady()).isEqualTo(i + 1 >= 34);
            if (i >= CONVERGED) {
                near(ours.line(), v(line, i), i, "MACD line");
                near(ours.signal(), v(signal, i), i, "MACD signal");
                near(ours.histogram(), v(histogram, i), i, "MACD histogram");
            }
        }
    }

    @Test
    void bollingerBands() {
        BollingerBands ours = new BollingerBands(20, 2);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, DoubleNum.valueOf(2));
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, DoubleNum.valueOf(2));
        for (int i = 0; i < bars.size(); i++) {
            ours.update(close(i));
            if (i >= 19) {
                near(ours.middle(), v(middle, i), i, "middle");
                near(ours.upper(), v(upper, i), i, "upper");
                near(ours.lower(), v(lower, i), i, "lower");
            }
        }
    }

    @Test
    void averageTrueRange() {
        AverageTrueRange atr = new AverageTrueRange(14);
        compare(atr, barsTo(atr::update), i -> atr.value(), new ATRIndicator(series, 14), CONVERGED, "ATR(14)");
    }

    @Test
    void rollingVolatilityIsTheSampleDeviationOfLogReturns() {
        RollingVolatility ours = new RollingVolatility(30);
        RollingVolatility annual = new RollingVolatility(30, 365);
        // ta4j's StandardDeviationIndicator divides by n; ours by n − 1
        StandardDeviationIndicator theirs = new StandardDeviationIndicator(new LogReturns(series), 30);
        double besselCorrection = Math.sqrt(30.0 / 29.0);
        for (int i = 0; i < bars.size(); i++) {
            ours.update(close(i));
            annual.update(close(i));
            assertThat(ours.isReady()).isEqualTo(i >= 30);
            if (i >= 30) {
                near(ours.value(), v(theirs, i) * besselCorrection, i, "volatility");
                near(annual.value(), ours.value() * Math.sqrt(365), i, "annualized");
            }
        }
    }

    @Test
    void rollingZScore() {
        RollingZScore ours = new RollingZScore(20);
        SMAIndicator mean = new SMAIndicator(close, 20);
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        for (int i = 0; i < bars.size(); i++) {
            ours.update(close(i));
            if (i >= 19) {
                double theirs = (close(i) - v(mean, i)) / v(sd, i);
                near(ours.value(), theirs, i, "z-score");
            }
        }
    }

    @Test
    void rollingVwap() {
        Vwap ours = Vwap.rolling(20);
        compare(ours, barsTo(ours::update), i -> ours.value(), new VWAPIndicator(series, 20), 19, "VWAP(20)");
    }

    /** ln(close_i / close_{i−1}); bar 0 has none and reads 0, outside every compared window. */
    private static final class LogReturns extends CachedIndicator<Num> {
        LogReturns(BarSeries series) {
            super(series);
        }

        @Override
        protected Num calculate(int index) {
            if (index == 0) {
                return zero();
            }
            return numOf(Math.log(getBarSeries().getBar(index).getClosePrice().doubleValue()
                    / getBarSeries().getBar(index - 1).getClosePrice().doubleValue()));
        }

        @Override
        public int getUnstableBars() {
            return 1;
        }
    }
}
