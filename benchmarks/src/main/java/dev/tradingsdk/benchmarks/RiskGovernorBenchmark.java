package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.risk.MarginModel;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.rules.LiquidityRule;
import dev.tradingsdk.core.risk.rules.MarginAvailableRule;
import dev.tradingsdk.core.risk.rules.MaxGrossExposureRule;
import dev.tradingsdk.core.risk.rules.MaxLeverageRule;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.risk.rules.MaxPositionPercentRule;
import dev.tradingsdk.core.risk.rules.PriceCollarRule;
import dev.tradingsdk.core.risk.rules.SpreadGuardRule;
import dev.tradingsdk.core.risk.rules.StaleMarketDataRule;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The accept path of a governor with ten rules (order size and notional, position % of equity, gross exposure,
 * leverage, margin, spread, liquidity, price collar, stale data) against an account holding two positions.
 * Every order passes; the decision is the shared ACCEPTED constant. Run with {@code -prof gc} for B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RiskGovernorBenchmark {

    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    private static final long T0_NANOS = EpochNanos.of(T0);

    private RiskGovernor governor;
    private RiskGovernor oneRuleGovernor;
    private AccountView account;
    private MarketState market;
    private OrderRequest[] orders;
    private int next;

    @Setup
    public void setUp() {
        Instrument btc = crypto("BTCUSD");
        Instrument eth = crypto("ETHUSD");
        Map<InstrumentId, MarketSnapshot> books = new HashMap<>();
        books.put(btc.id(), new TopOfBook(btc).update(49_999_00, 5_0000, 50_001_00, 5_0000, T0_NANOS));
        books.put(eth.id(), new TopOfBook(eth).update(2_999_00, 50_0000, 3_001_00, 50_0000, T0_NANOS));
        market = books::get;
        account = new CachedAccount("bench", Money.of("1000000", Currency.USD),
                List.of(position(btc, "2", "48000.00"), position(eth, "10", "2900.00")));
        governor = RiskGovernor.builder()
                .clock(new SimulatedClock(T0.plusSeconds(1)))
                .rule(new MaxOrderQuantityRule(Quantity.of("10")))
                .rule(new MaxOrderNotionalRule(Money.of("250000", Currency.USD)))
                .rule(new MaxPositionPercentRule(new BigDecimal("50")))
                .rule(new MaxGrossExposureRule(Money.of("2000000", Currency.USD)))
                .rule(new MaxLeverageRule(new BigDecimal("3")))
                .rule(new MarginAvailableRule(MarginModel.rate(new BigDecimal("0.1"))))
                .rule(new SpreadGuardRule(new BigDecimal("10")))
                .rule(new LiquidityRule(new BigDecimal("2")))
                .rule(new PriceCollarRule(new BigDecimal("2")))
                .rule(new StaleMarketDataRule(Duration.ofSeconds(5)))
                .build();
        oneRuleGovernor = RiskGovernor.builder().clock(new SimulatedClock(T0.plusSeconds(1)))
                .rule(new MaxOrderQuantityRule(Quantity.of("10"))).build();
        orders = new OrderRequest[16];
        for (int i = 0; i < orders.length; i++) {
            boolean buy = i % 2 == 0;
            Instrument instrument = i % 4 < 2 ? btc : eth;
            String price = instrument == btc ? (buy ? "50001.00" : "49999.00") : (buy ? "3001.00" : "2999.00");
            orders[i] = OrderRequest.builder(instrument, buy ? Side.BUY : Side.SELL)
                    .clientOrderId("bench-" + i).quantity(instrument == btc ? "0.5" : "5").limit(price).build();
        }
        for (OrderRequest order : orders) {
            if (!governor.check(order, account, market).accepted()) {
                throw new IllegalStateException("benchmark order rejected: " + governor.check(order, account, market));
            }
        }
    }

    @Benchmark
    @ZeroAllocation
    public RiskDecision acceptTenRules() {
        OrderRequest order = orders[next];
        next = (next + 1) & (orders.length - 1);
        return governor.check(order, account, market);
    }

    /** The fixed cost of a check (lock, clock, context, state) with one cheap rule, for comparison. */
    @Benchmark
    @ZeroAllocation
    public RiskDecision acceptOneRule() {
        OrderRequest order = orders[next];
        next = (next + 1) & (orders.length - 1);
        return oneRuleGovernor.check(order, account, market);
    }

    private static Instrument crypto(String symbol) {
        return Instrument.builder(symbol, Venue.SIM).assetClass(AssetClass.CRYPTO).quoteCurrency(Currency.USD)
                .pricePrecision(2).sizePrecision(4).build();
    }

    private static Position position(Instrument instrument, String quantity, String price) {
        Position p = new Position(instrument);
        p.apply(new Fill(ClientOrderId.of("seed-" + instrument.symbol()), "t-" + instrument.symbol(), instrument,
                Side.BUY, Price.of(price), Quantity.of(quantity), Money.zero(Currency.USD), T0));
        return p;
    }

    /** An account view whose figures are computed once, as a venue client caching its last account update. */
    private static final class CachedAccount implements AccountView {
        private final String id;
        private final Money equity;
        private final Money zero;
        private final List<Position> positions;
        private final Map<InstrumentId, Optional<Position>> byInstrument = new HashMap<>();

        CachedAccount(String id, Money equity, List<Position> positions) {
            this.id = id;
            this.equity = equity;
            this.zero = Money.zero(equity.currency());
            this.positions = positions;
            for (Position p : positions) {
                byInstrument.put(p.instrument().id(), Optional.of(p));
            }
        }

        @Override
        public String accountId() {
            return id;
        }

        @Override
        public Currency currency() {
            return equity.currency();
        }

        @Override
        public Money cash() {
            return equity;
        }

        @Override
        public Money equity() {
            return equity;
        }

        @Override
        public Money marginUsed() {
            return zero;
        }

        @Override
        public Money marginAvailable() {
            return equity;
        }

        @Override
        public Money realizedPnl() {
            return zero;
        }

        @Override
        public Money unrealizedPnl() {
            return zero;
        }

        @Override
        public List<Position> positions() {
            return positions;
        }

        @Override
        public Optional<Position> position(InstrumentId instrument) {
            return byInstrument.getOrDefault(instrument, Optional.empty());
        }
    }
}
