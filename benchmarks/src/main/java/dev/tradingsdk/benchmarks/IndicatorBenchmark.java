package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.indicators.AverageTrueRange;
import dev.tradingsdk.core.indicators.BollingerBands;
import dev.tradingsdk.core.indicators.Macd;
import dev.tradingsdk.core.indicators.RelativeStrengthIndex;
import dev.tradingsdk.core.indicators.SimpleMovingAverage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * One streaming update and one read per operation, in steady state (warmed up), for our
 * {@code core.indicators} and for ta4j 0.17 computing the same indicator on a {@link DoubleNum} bar series capped
 * at 500 bars (how ta4j runs live: append a bar, read the value at the end index). Inputs cycle through 4096
 * prebuilt bars of a seeded random walk.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class IndicatorBenchmark {

    private static final int BARS = 4096;

    /** The input bars: high, low, close, volume. */
    @State(Scope.Thread)
    public static class Inputs {
        final double[] high = new double[BARS];
        final double[] low = new double[BARS];
        final double[] close = new double[BARS];
        final double[] volume = new double[BARS];
        int i;

        @Setup
        public void setUp() {
            SplittableRandom random = new SplittableRandom(42);
            double price = 50_000;
            for (int k = 0; k < BARS; k++) {
                double open = price;
                price *= 1 + random.nextGaussian() * 0.01;
                high[k] = Math.max(open, price) * (1 + random.nextDouble() * 0.003);
                low[k] = Math.min(open, price) * (1 - random.nextDouble() * 0.003);
                close[k] = price;
                volume[k] = 1 + random.nextDouble() * 100;
            }
        }

        int next() {
            i = (i + 1) & (BARS - 1);
            return i;
        }
    }

    /** Our indicators, warmed up over the inputs once. */
    @State(Scope.Thread)
    public static class Ours {
        final SimpleMovingAverage sma = new SimpleMovingAverage(20);
        final RelativeStrengthIndex rsi = new RelativeStrengthIndex(14);
        final Macd macd = Macd.standard();
        final BollingerBands bollinger = new BollingerBands(20, 2);
        final AverageTrueRange atr = new AverageTrueRange(14);

        @Setup
        public void setUp(Inputs in) {
            for (int k = 0; k < BARS; k++) {
                sma.update(in.close[k]);
                rsi.update(in.close[k]);
                macd.update(in.close[k]);
                bollinger.update(in.close[k]);
                atr.update(in.high[k], in.low[k], in.close[k]);
            }
        }
    }

    /** ta4j's indicators over a capped bar series, warmed up over the inputs once. */
    @State(Scope.Thread)
    public static class Ta4j {
        BarSeries series;
        ZonedDateTime time = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Indicator<Num> sma;
        Indicator<Num> rsi;
        Indicator<Num> macd;
        Indicator<Num> bollinger;
        Indicator<Num> atr;

        @Setup
        public void setUp(Inputs in) {
            series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).withMaxBarCount(500).build();
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            sma = new SMAIndicator(close, 20);
            rsi = new RSIIndicator(close, 14);
            macd = new MACDIndicator(close, 12, 26);
            bollinger = new BollingerBandsUpperIndicator(new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20)),
                    new StandardDeviationIndicator(close, 20));
            atr = new ATRIndicator(series, 14);
            for (int k = 0; k < BARS; k++) {
                add(in, k);
                sma.getValue(series.getEndIndex());
                rsi.getValue(series.getEndIndex());
                macd.getValue(series.getEndIndex());
                bollinger.getValue(series.getEndIndex());
                atr.getValue(series.getEndIndex());
            }
        }

        void add(Inputs in, int k) {
            time = time.plusMinutes(1);
            series.addBar(Duration.ofMinutes(1), time, in.close[k], in.high[k], in.low[k], in.close[k], in.volume[k]);
        }

        double value(Indicator<Num> indicator) {
            return indicator.getValue(series.getEndIndex()).doubleValue();
        }
    }

    @Benchmark
    public double oursSma(Inputs in, Ours ours) {
        ours.sma.update(in.close[in.next()]);
        return ours.sma.value();
    }

    @Benchmark
    public double ta4jSma(Inputs in, Ta4j ta4j) {
        ta4j.add(in, in.next());
        return ta4j.value(ta4j.sma);
    }

    @Benchmark
    public double oursRsi(Inputs in, Ours ours) {
        ours.rsi.update(in.close[in.next()]);
        return ours.rsi.value();
    }

    @Benchmark
    public double ta4jRsi(Inputs in, Ta4j ta4j) {
        ta4j.add(in, in.next());
        return ta4j.value(ta4j.rsi);
    }

    @Benchmark
    public double oursMacd(Inputs in, Ours ours) {
        ours.macd.update(in.close[in.next()]);
        return ours.macd.line();
    }

    @Benchmark
    public double ta4jMacd(Inputs in, Ta4j ta4j) {
        ta4j.add(in, in.next());
        return ta4j.value(ta4j.macd);
    }

    @Benchmark
    public double oursBollinger(Inputs in, Ours ours) {
        ours.bollinger.update(in.close[in.next()]);
        return ours.bollinger.upper();
    }

    @Benchmark
    public double ta4jBollinger(Inputs in, Ta4j ta4j) {
        ta4j.add(in, in.next());
        return ta4j.value(ta4j.bollinger);
    }

    @Benchmark
    public double oursAtr(Inputs in, Ours ours) {
        int k = in.next();
        ours.atr.update(in.high[k], in.low[k], in.close[k]);
        return ours.atr.value();
    }

    @Benchmark
    public double ta4jAtr(Inputs in, Ta4j ta4j) {
        ta4j.add(in, in.next());
        return ta4j.value(ta4j.atr);
    }
}
