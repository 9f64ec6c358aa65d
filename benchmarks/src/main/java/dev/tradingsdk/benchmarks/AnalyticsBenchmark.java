package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.analytics.ReturnMetrics;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.criteria.MaximumDrawdownCriterion;
import org.ta4j.core.criteria.pnl.ReturnCriterion;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * All return statistics (total return, CAGR, volatility, Sharpe, Sortino, max drawdown and its duration,
 * Calmar) over a series of returns, beside ta4j computing the two of them it defines on the same kind of
 * series (max drawdown and total return of a buy-and-hold record on a {@link DoubleNum} bar series). ta4j
 * needs a bar series in memory (about 200 bytes a bar), so it runs at 100k bars only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AnalyticsBenchmark {

    /** Our figures over {@code size} daily-like returns. */
    @State(Scope.Benchmark)
    public static class Ours {
        @Param({"100000", "1000000"})
        int size;
        double[] returns;

        @Setup
        public void setUp() {
            returns = returns(size);
        }
    }

    /** ta4j's bar series and a buy-and-hold record over 100k bars made from the same kind of returns. */
    @State(Scope.Benchmark)
    public static class Ta4j {
        BarSeries series;
        TradingRecord record;

        @Setup
        public void setUp() {
            double[] r = returns(100_000);
            series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
            ZonedDateTime t = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            double price = 100;
            for (double x : r) {
                double open = price;
                price *= 1 + x;
                t = t.plusDays(1);
                series.addBar(Duration.ofDays(1), t, open, Math.max(open, price), Math.min(open, price), price, 1);
            }
            record = new BaseTradingRecord();
            Num one = series.numOf(1);
            record.enter(0, series.getBar(0).getClosePrice(), one);
            record.exit(series.getEndIndex(), series.getBar(series.getEndIndex()).getClosePrice(), one);
        }
    }

    static double[] returns(int size) {
        SplittableRandom random = new SplittableRandom(7);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = (random.nextDouble() - 0.499) * 0.04;
        }
        return out;
    }

    @Benchmark
    public ReturnMetrics oursAllReturnMetrics(Ours state) {
        return ReturnMetrics.of(state.returns, 365);
    }

    @Benchmark
    public double ta4jMaxDrawdownAndReturn100k(Ta4j state) {
        return new MaximumDrawdownCriterion().calculate(state.series, state.record).doubleValue()
                + new ReturnCriterion().calculate(state.series, state.record).doubleValue();
    }
}
