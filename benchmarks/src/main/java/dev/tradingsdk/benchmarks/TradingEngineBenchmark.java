package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
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
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import dev.tradingsdk.core.risk.rules.MaxDailyLossRule;
import dev.tradingsdk.core.risk.rules.MaxGrossExposureRule;
import dev.tradingsdk.core.risk.rules.MaxNetExposureRule;
import dev.tradingsdk.core.risk.rules.MaxOpenPositionsRule;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.risk.rules.OrderRateThrottleRule;
import dev.tradingsdk.core.risk.rules.PriceCollarRule;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Market events per second through the {@link TradingEngine} with ten risk rules configured.
 * <ul>
 * <li>{@code noOpStrategy}: REPLAY, the strategy does nothing, so the figure is the loop itself (replay merge,
 * clock, timer check, venue matching and marking, the governor's market snapshot, stale check, dispatch).</li>
 * <li>{@code orderPerEvent}: REPLAY against a {@link SimulatedVenue}; the strategy builds and submits a resting
 * limit order on every event and cancels the previous one, so each event also runs the engine's checks, the ten
 * rules and the venue's submit and cancel: the order path of a live event without the live inbox hand-off.</li>
 * <li>{@code orderPerEventPrebuilt}: the same orders built before the run, so its bytes per event are the
 * engine's, the governor's and the simulated venue's ({@code orderPerEvent} adds what building a request costs
 * the strategy: the builder, the id and its text, the limit price, the parsed quantity).</li>
 * <li>{@code orderPerEventScriptedGateway}: the same, against a {@link ScriptedGateway} whose acknowledgements
 * and cancel confirmations are built before the run, so what is left is the engine's and the governor's own
 * path: feed event, strategy, the engine's checks, the ten rules, the gateway call, the order updates back to
 * the strategy.</li>
 * <li>{@code liveOrderPerEvent} ({@link Live}): that path in LIVE: the benchmark thread is the feed, handing
 * each event to the engine's loop thread through its inbox and waiting until the strategy has handled it, so
 * the score is round trips per second.</li>
 * </ul>
 * A REPLAY invocation replays {@value #BARS} one-minute bars; the score is events per second. The REPLAY
 * throttle allows 1,000 orders a second (one order a simulated minute arrives): its ring is allocated per run,
 * and a million-slot ring would show up as 40 B per event that the engine does not allocate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TradingEngineBenchmark {

    static final int BARS = 200_000;
    /**
     * Requests (and scripted acknowledgements) the scripted-gateway runs cycle through: an id comes back 4,096
     * orders later, long after the engine forgot its ended order (it keeps 1,024), so nothing is refused.
     */
    static final int SCRIPTED = 4_096;

    private static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private List<Bar> bars;
    /** {@code orderPerEvent}'s requests, built once: bid {@code i} rests 100.00 under bar {@code i}'s close. */
    private OrderRequest[] bids;
    private ScriptedGateway scripted;

    @Setup
    public void setUp() {
        bars = BenchmarkBars.randomWalk(BTC, BARS, START);
        bids = bids(bars, BARS);
        scripted = new ScriptedGateway(bids, SCRIPTED);
    }

    private static OrderRequest[] bids(List<Bar> bars, int count) {
        OrderRequest[] bids = new OrderRequest[count];
        ClientOrderId.Generator ids = ClientOrderId.sequence("b");
        for (int i = 0; i < count; i++) {
            bids[i] = bid(ids.next(), bars.get(i));
        }
        return bids;
    }

    private static OrderRequest bid(ClientOrderId id, Bar bar) {
        return OrderRequest.buy(BTC).clientOrderId(id).quantity("0.0100")
                .limit(Price.ofRaw(bar.close().raw() - 10_000, 2)).timeInForce(TimeInForce.GTC).build();
    }

    private static RiskRule[] tenRules(int ordersPerSecond) {
        Money big = Money.of("100000000", Currency.USD);
        return new RiskRule[] {new MaxOrderQuantityRule(Quantity.of("100")), new MaxOrderNotionalRule(big),
            new MaxGrossExposureRule(big), new MaxNetExposureRule(big), new MaxOpenPositionsRule(10),
            new OrderRateThrottleRule(ordersPerSecond, Duration.ofSeconds(1)),
            new MaxDailyLossRule(big, ZoneOffset.UTC), new CircuitBreakerRule(5, Money.of("1", Currency.USD)),
            new PriceCollarRule(new BigDecimal("50")), new StaleMarketDataRule(Duration.ofHours(1))};
    }

    private static Portfolio account() {
        return new Portfolio("bench", Money.of("100000", Currency.USD));
    }

    private long replay(Strategy strategy, OrderGateway gateway) {
        TradingEngine.Builder engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(new SimulatedClock(START))
                .feed("bars", MarketReplay.of(List.of(bars.iterator()))).rules(tenRules(1_000))
                .strategy("bench", strategy);
        if (gateway == null) {
            engine.simulatedAccount(account(), SimulatedVenue.builder());
        } else {
            engine.account(gateway, account());
        }
        TradingEngine built = engine.build();
        built.run();
        return built.status().eventsHandled();
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    @ZeroAllocation
    public long noOpStrategy() {
        return replay(new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
            }
        }, null);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public long orderPerEvent() {
        ClientOrderId.Generator ids = ClientOrderId.sequence("b");
        return replay(new RestingBids(bar -> bid(ids.next(), bar)), null);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public long orderPerEventPrebuilt() {
        return replay(new RestingBids(new Cycle(bids, BARS)), null);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    @ZeroAllocation
    public long orderPerEventScriptedGateway() {
        return replay(new RestingBids(new Cycle(bids, SCRIPTED)), scripted.reset());
    }

    /** The next request to rest for {@code bar}. */
    private interface Bids {
        OrderRequest next(Bar bar);
    }

    /** Requests {@code 0, 1, ..., count - 1, 0, 1, ...} of a prebuilt array. */
    private static final class Cycle implements Bids {
        private final OrderRequest[] requests;
        private final int count;
        private int next;

        Cycle(OrderRequest[] requests, int count) {
            this.requests = requests;
            this.count = count;
        }

        @Override
        public OrderRequest next(Bar bar) {
            OrderRequest r = requests[next];
            next = next + 1 == count ? 0 : next + 1;
            return r;
        }
    }

    /** Rests one bid per event, canceling the previous one; counts the events it handled. */
    private static final class RestingBids implements Strategy {
        private final Bids bids;
        private final AtomicLong handled = new AtomicLong();
        private ClientOrderId previous;

        RestingBids(Bids bids) {
            this.bids = bids;
        }

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribe(BTC);
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            if (previous != null) {
                context.orders().cancel(previous);
            }
            previous = context.orders().submit(bids.next((Bar) event)).clientOrderId();
            handled.lazySet(handled.get() + 1);
        }
    }

    /**
     * A venue stand-in for the engine's own figures: it acknowledges the prebuilt requests, in order, with
     * read-only ACCEPTED orders built before the run and confirms a cancel with a prebuilt CANCELED one, both
     * published to the engine from the calling thread as a simulated venue does. A real gateway's own cost
     * (decoding the venue's answer into an order) is not in the figure.
     */
    static final class ScriptedGateway implements OrderGateway {
        private final OrderRequest[] requests;
        private final Order[] accepted;
        private final Order[] canceled;
        private final List<OrderListener> listeners = new ArrayList<>();
        private int next;
        /** The open order's index, or -1. */
        private int open = -1;

        /** Any single order the benchmark sends; it sends no brackets, so it declares none. */
        private static final GatewayCapabilities CAPABILITIES = new GatewayCapabilities(
                EnumSet.allOf(OrderType.class), EnumSet.allOf(TimeInForce.class), false, true, true, true);

        @Override
        public GatewayCapabilities capabilities() {
            return CAPABILITIES;
        }

        ScriptedGateway(OrderRequest[] requests, int count) {
            this.requests = requests;
            this.accepted = new Order[count];
            this.canceled = new Order[count];
            for (int i = 0; i < count; i++) {
                Order order = new Order(requests[i], START);
                order.markSubmitted(START);
                order.markAccepted("S-" + i, START);
                accepted[i] = order.readOnlySnapshot();
                order.markCanceled("canceled by client", START);
                canceled[i] = order.readOnlySnapshot();
            }
        }

        /** Back to the first request, with no order open and no listener, for the next engine. */
        ScriptedGateway reset() {
            next = 0;
            open = -1;
            listeners.clear();
            return this;
        }

        @Override
        public Order submit(OrderRequest request) {
            int i = next;
            if (request != requests[i]) {
                throw new IllegalStateException("scripted gateway expected " + requests[i].clientOrderId() + ", got "
                        + request.clientOrderId());
            }
            next = i + 1 == accepted.length ? 0 : i + 1;
            open = i;
            publish(accepted[i]);
            return accepted[i];
        }

        @Override
        public boolean cancel(ClientOrderId id) {
            if (open < 0 || !requests[open].clientOrderId().equals(id)) {
                return false;
            }
            Order confirmation = canceled[open];
            open = -1;
            publish(confirmation);
            return true;
        }

        private void publish(Order order) {
            for (int i = 0; i < listeners.size(); i++) {
                listeners.get(i).onOrderUpdate(order);
            }
        }

        @Override
        public Optional<Order> order(ClientOrderId id) {
            return open >= 0 && requests[open].clientOrderId().equals(id) ? Optional.of(accepted[open])
                    : Optional.empty();
        }

        @Override
        public List<Order> openOrders() {
            return open < 0 ? List.of() : List.of(accepted[open]);
        }

        @Override
        public void addListener(OrderListener listener) {
            listeners.add(listener);
        }
    }

    /**
     * A LIVE engine on its own loop thread for the whole trial, fed by the benchmark thread: each operation
     * hands one bar to the engine through its inbox and waits until the strategy has handled it. The throttle
     * allows a million orders a second here, as the events come at wall-clock speed.
     */
    @State(Scope.Benchmark)
    public static class Live implements MarketDataFeed {
        private volatile MarketDataListener engineListener;
        private TradingEngine engine;
        private RestingBids strategy;
        private Bar[] events;
        private long sent;

        @Setup
        public void start() {
            List<Bar> walk = BenchmarkBars.randomWalk(BTC, SCRIPTED, START);
            events = walk.toArray(new Bar[0]);
            OrderRequest[] requests = bids(walk, SCRIPTED);
            strategy = new RestingBids(new Cycle(requests, SCRIPTED));
            engine = TradingEngine.builder().mode(EngineMode.LIVE).feed("scripted", this)
                    .account(new ScriptedGateway(requests, SCRIPTED), account()).rules(tenRules(1_000_000))
                    .strategy("bench", strategy).build();
            engine.start();
        }

        @TearDown
        public void stop() {
            engine.stop();
        }

        @Override
        public void subscribe(Instrument instrument, MarketDataListener listener) {
            engineListener = listener;
        }

        @Override
        public void unsubscribe(Instrument instrument, MarketDataListener listener) {
            engineListener = null;
        }

        long roundTrip() {
            engineListener.onEvent(events[(int) (sent % SCRIPTED)]);
            sent++;
            while (strategy.handled.get() < sent) {
                Thread.onSpinWait();
            }
            return sent;
        }
    }

    @Benchmark
    @ZeroAllocation
    public long liveOrderPerEvent(Live live) {
        return live.roundTrip();
    }
}
