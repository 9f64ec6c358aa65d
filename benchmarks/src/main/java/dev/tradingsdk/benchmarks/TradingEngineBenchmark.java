package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import dev.tradingsdk.core.risk.rules.MaxDailyLossRule;
import dev.tradingsdk.core.risk.rules.MaxGrossExposureRule;
import dev.tradingsdk.core.risk.rules.MaxNetExposureRule;
import dev.tradingsdk.core.risk.rules.MaxOpenPositionsRule;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.risk.rules.OrderRateThrottleRule;
import dev.tradingsdk.core.risk.rules.PriceCollarRule;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.rules.StaleMarketDataRule;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
 * Market events per second through the {@link TradingEngine} in REPLAY with ten risk rules configured.
 * {@code noOpStrategy}: the strategy does nothing, so the figure is the loop itself (replay merge, clock, timer
 * check, venue matching and marking, the governor's market snapshot, stale check, strategy dispatch).
 * {@code orderPerEvent}: the strategy submits a resting limit order on every event (canceling the previous
 * one), so each event also runs the engine's checks, the ten rules and the venue's submit and cancel: the
 * order path a live event takes (feed event, strategy, governor, gateway), without the live inbox hand-off.
 * One invocation replays {@value #BARS} one-minute bars; the score is events per second. The throttle allows
 * 1,000 orders a second (at most one order a simulated minute arrives): its ring is allocated per run, and a
 * million-slot ring would show up as 40 B per event that the engine does not allocate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TradingEngineBenchmark {

    static final int BARS = 200_000;

    private Instrument btc;
    private List<Bar> bars;
    private Instant start;

    @Setup
    public void setUp() {
        btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        start = Instant.parse("2024-01-01T00:00:00Z");
        bars = BenchmarkBars.randomWalk(btc, BARS, start);
    }

    private static RiskRule[] tenRules() {
        Money big = Money.of("100000000", Currency.USD);
        return new RiskRule[] {new MaxOrderQuantityRule(Quantity.of("100")), new MaxOrderNotionalRule(big),
            new MaxGrossExposureRule(big), new MaxNetExposureRule(big), new MaxOpenPositionsRule(10),
            new OrderRateThrottleRule(1_000, Duration.ofSeconds(1)),
            new MaxDailyLossRule(big, ZoneOffset.UTC), new CircuitBreakerRule(5, Money.of("1", Currency.USD)),
            new PriceCollarRule(new BigDecimal("50")), new StaleMarketDataRule(Duration.ofHours(1))};
    }

    private long run(Strategy strategy) {
        SimulatedClock clock = new SimulatedClock(start);
        Portfolio portfolio = new Portfolio("bench", Money.of("100000", Currency.USD));
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock)
                .feed("bars", MarketReplay.of(List.of(bars.iterator())))
                .simulatedAccount(portfolio, SimulatedVenue.builder()).rules(tenRules())
                .strategy("bench", strategy).build();
        engine.run();
        return engine.status().eventsHandled();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public long noOpStrategy() {
        return run(new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(btc);
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public long orderPerEvent() {
        return run(new Strategy() {
            private final ClientOrderId.Generator ids = ClientOrderId.sequence("b");
            private ClientOrderId previous;

            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(btc);
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                if (previous != null) {
                    context.orders().cancel(previous);
                }
                Bar bar = (Bar) event;
                OrderRequest bid = OrderRequest.buy(btc).clientOrderId(ids.next()).quantity("0.0100")
                        .limit(Price.ofRaw(bar.close().raw() - 10_000, 2)).timeInForce(TimeInForce.GTC).build();
                previous = context.orders().submit(bid).clientOrderId();
            }
        });
    }
}
