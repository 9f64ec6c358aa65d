package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bar events per second through the whole backtest loop (merge, venue matching and marking, clock, strategy
 * call, equity sampling) with a strategy that does nothing. One invocation replays {@value #BARS} one-minute
 * bars, so the score is events per second. {@code everyEvent} samples equity at every bar (the default);
 * {@code hourlySamples} samples once per simulated hour, as a long tick replay would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class BacktestThroughputBenchmark {

    static final int BARS = 1_000_000;

    private List<Bar> bars;
    private Money cash;

    @Setup
    public void setUp() {
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        bars = BenchmarkBars.randomWalk(btc, BARS, Instant.parse("2024-01-01T00:00:00Z"));
        cash = Money.of("100000", Currency.USD);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public BacktestResult everyEvent() {
        return Backtest.builder().initialCash(cash).events(bars).strategy((event, context) -> { }).run();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public BacktestResult hourlySamples() {
        return Backtest.builder().initialCash(cash).events(bars).strategy((event, context) -> { })
                .sampleEquityEvery(Duration.ofHours(1)).run();
    }
}
