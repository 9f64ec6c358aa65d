package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.sweep.LocalSweepExecutor;
import dev.tradingsdk.core.sweep.ParameterSet;
import dev.tradingsdk.core.sweep.ParameterSpace;
import dev.tradingsdk.core.sweep.RunDigest;
import dev.tradingsdk.core.sweep.Sweep;
import dev.tradingsdk.core.sweep.SweepOutcome;
import dev.tradingsdk.core.sweep.SweepResults;
import dev.tradingsdk.core.sweep.SweepRow;
import dev.tradingsdk.examples.strategies.MovingAverageCrossover;
import dev.tradingsdk.spark.SparkSweepExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A timed benchmark main, not JMH (one sweep is seconds to minutes of work, so the JIT warm-up that JMH manages
 * is a small part of it): a grid of moving-average crossovers over the bundled BTC-USD daily bars, run (1) by a
 * serial loop, (2) by {@link LocalSweepExecutor} on every core, (3) by {@link SparkSweepExecutor} on
 * {@code local[N]} including the session's start. It checks the three give identical rows and prints the times
 * and ratios. Run it with {@code benchmarks/sweep-scaling.sh [configurations]} (default 20 000).
 */
public final class SweepScalingBenchmark {

    static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();

    private SweepScalingBenchmark() {
    }

    /** The bundled bars, read from the jar's resources (the same on the driver and every executor). */
    static List<Bar> bars() {
        try (InputStream in = SweepScalingBenchmark.class.getResourceAsStream("/data/btc_usd_daily_yahoo.csv")) {
            if (in == null) {
                throw new IllegalStateException("the benchmarks jar has no /data/btc_usd_daily_yahoo.csv");
            }
            Path file = Files.createTempFile("btc_usd_daily", ".csv");
            try {
                Files.write(file, in.readAllBytes());
                return BarCsvReader.yahooDaily(BTC).asOf(Instant.parse("2024-05-27T12:00:00Z")).read(file).events();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SweepOutcome crossover(ParameterSet p, List<Bar> bars) {
        BacktestResult result = Backtest.builder().initialCash(Money.of("100000", Currency.USD)).events(bars)
                .strategy(new MovingAverageCrossover(BTC, p.integer("fast"), p.integer("slow"), Quantity.of("1.0000")))
                .fees(FeeModel.bps("10")).run();
        RunDigest digest = RunDigest.sha256();
        for (Fill f : result.fills()) {
            digest.add(f);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("final_equity", result.finalEquity().toDouble());
        metrics.put("fills", (double) result.fills().size());
        return new SweepOutcome(metrics, digest.add(result.finalEquity()).hex());
    }

    /** {@code count} configurations: fast 2..101 × slow from 102 up, taken in grid order. */
    static Sweep<List<Bar>> sweep(int count) {
        int slowValues = Math.max(1, (count + 99) / 100);
        List<ParameterSet> grid = ParameterSpace.builder().integers("fast", 2, 101, 1)
                .integers("slow", 102, 101 + slowValues, 1).build().grid();
        return Sweep.<List<Bar>>builder().name("ma-scaling").configurations(grid.subList(0, count))
                .data(SweepScalingBenchmark::bars).task(SweepScalingBenchmark::crossover).chunkSize(50).build();
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int cores = Runtime.getRuntime().availableProcessors();
        Sweep<List<Bar>> sweep = sweep(count);
        List<Bar> bars = bars();
        System.out.printf("sweep of %,d crossover backtests over %,d bars on %d cores, %s, %s%n", count, bars.size(),
                cores, System.getProperty("java.vm.name"), System.getProperty("java.version"));

        warmUp(bars);
        long t0 = System.nanoTime();
        List<SweepRow> serial = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ParameterSet p = sweep.configurations().get(i);
            serial.add(new SweepRow(i, p, crossover(p, bars)));
        }
        double serialSeconds = seconds(t0);
        System.out.printf("serial loop:            %8.2f s%n", serialSeconds);

        long t1 = System.nanoTime();
        SweepResults local = LocalSweepExecutor.builder().threads(cores).build().execute(sweep);
        double localSeconds = seconds(t1);
        check("local executor", local, serial);
        System.out.printf("local executor (%d th): %8.2f s  = %.2f× the serial loop%n", cores, localSeconds,
                serialSeconds / localSeconds);

        long t2 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("sweep-scaling")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            SweepResults onSpark = SparkSweepExecutor.on(spark, cores * 4).execute(sweep);
            double sparkSeconds = seconds(t2);
            check("Spark", onSpark, serial);
            System.out.printf("Spark local[%d]:        %8.2f s  = %.2f× the local executor's time (session start"
                    + " included)%n", cores, sparkSeconds, sparkSeconds / localSeconds);
        } finally {
            spark.stop();
        }
        System.out.println("rows identical across the three: yes");
    }

    private static void warmUp(List<Bar> bars) {
        Sweep<List<Bar>> small = sweep(200);
        for (ParameterSet p : small.configurations()) {
            crossover(p, bars);
        }
    }

    private static void check(String who, SweepResults results, List<SweepRow> serial) {
        if (!results.rows().equals(serial)) {
            throw new IllegalStateException(who + " returned rows different from the serial loop");
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
