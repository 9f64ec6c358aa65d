package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.TradeTick;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.portfolio.PositionSide;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TimerEvent;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Backtests a core {@link Strategy} on Kalshi markets through core's {@link Backtest} (the
 * {@link dev.tradingsdk.core.strategy.TradingEngine} in REPLAY mode), with binary settlement:
 * a YES contract pays $1 if the market resolves yes, else nothing (a scalar market pays its settlement value).
 *
 * <p>Contracts are the YES instrument; holding NO is a short YES position (Kalshi nets YES and NO the same
 * way). At each market's settlement time the strategy stops seeing that market, its open orders are canceled and
 * every position is closed at the settlement value against a settlement book; Kalshi's fee
 * {@code 0.07 × C × P × (1 − P)} is zero at P = 0 or 1, as Kalshi charges no settlement fee. Fees come from
 * {@link KalshiFeeModel}, i.e. from each market's series.
 */
public final class PredictionMarketBacktest {

    private static final String SETTLEMENT = "settlement:";
    private static final Quantity UNLIMITED = Quantity.ofUnits(1_000_000_000L, KalshiInstruments.SIZE_PRECISION);

    private final Builder config;

    private PredictionMarketBacktest(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    private PredictionMarketResult run() {
        List<MarketEvent> events = new ArrayList<>(config.events);
        Map<InstrumentId, Price> values = new HashMap<>();
        for (Settlement s : config.settlements.values()) {
            events.add(new TradeTick(s.instrument, s.at, s.value, Quantity.zero(KalshiInstruments.SIZE_PRECISION), null,
                SETTLEMENT + s.instrument.symbol()));
            List<BookLevel> level = List.of(new BookLevel(s.value, UNLIMITED));
            events.add(new BookSnapshot(s.instrument, s.at.plusNanos(1000), level, level));
            values.put(s.instrument.id(), s.value);
        }
        events.sort(Comparator.comparing(MarketEvent::timestamp));
        Settling settling = new Settling(config.strategy);
        Backtest.Builder backtest = Backtest.builder().initialCash(config.initialCash).events(events).strategy(settling)
            .fees(config.fees).seed(config.seed);
        if (config.start != null) {
            backtest.start(config.start);
        }
        BacktestResult result = backtest.run();

        Money settlementPaid = Money.zero(config.initialCash.currency());
        int sent = 0;
        int filled = 0;
        Map<String, List<Order>> groups = new LinkedHashMap<>();
        for (Order order : result.orders()) {
            String id = order.clientOrderId().value();
            if (id.startsWith(SETTLEMENT)) {
                Price value = values.get(order.instrument().id());
                if (order.side() == Side.SELL) {
                    settlementPaid = settlementPaid.plus(Money.of(value.toBigDecimal()
                        .multiply(order.filledQuantity().toBigDecimal()).setScale(config.initialCash.precision(),
                            RoundingMode.UNNECESSARY), config.initialCash.currency()));
                }
                continue;
            }
            sent++;
            if (order.status() == OrderStatus.FILLED) {
                filled++;
            }
            int colon = id.indexOf(':');
            if (colon > 0) {
                groups.computeIfAbsent(id.substring(0, colon), g -> new ArrayList<>()).add(order);
            }
        }
        int oneLeg = 0;
        for (List<Order> legs : groups.values()) {
            long full = legs.stream().filter(o -> o.status() == OrderStatus.FILLED).count();
            if (full > 0 && full < legs.size()) {
                oneLeg++;
            }
        }
        return new PredictionMarketResult(result, result.finalEquity().minus(result.initialEquity()),
            result.feesPaid(), settlementPaid, sent, filled, groups.size(), oneLeg);
    }

    /**
     * Hides settled markets from the strategy and closes their positions at the settlement value; everything
     * else (including the updates of those closing orders) reaches the strategy unchanged.
     */
    private static final class Settling implements Strategy {
        private final Strategy inner;
        private final Set<InstrumentId> settled = new HashSet<>();

        Settling(Strategy inner) {
            this.inner = inner;
        }

        @Override
        public void onStart(StrategyContext context) {
            inner.onStart(context);
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            Instrument instrument = event.instrument();
            if (event instanceof TradeTick tick && tick.tradeId() != null && tick.tradeId().startsWith(SETTLEMENT)) {
                settled.add(instrument.id());
                context.orders().cancelAll(instrument);
                context.account().position(instrument.id()).filter(p -> !p.isFlat()).ifPresent(p -> close(p, context));
                return;
            }
            if (!settled.contains(instrument.id())) {
                inner.onEvent(event, context);
            }
        }

        private static void close(Position position, StrategyContext context) {
            Side side = position.side() == PositionSide.LONG ? Side.SELL : Side.BUY;
            context.orders().submit(OrderRequest.builder(position.instrument(), side).quantity(position.quantity())
                .market().clientOrderId(ClientOrderId.of(SETTLEMENT + position.instrument().symbol())).build());
        }

        @Override
        public void onTimer(TimerEvent timer, StrategyContext context) {
            inner.onTimer(timer, context);
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext context) {
            inner.onOrderUpdate(order, context);
        }

        @Override
        public void onFill(Fill fill, Order order, StrategyContext context) {
            inner.onFill(fill, order, context);
        }

        @Override
        public void onOutOfSync(Instrument instrument, String reason, StrategyContext context) {
            inner.onOutOfSync(instrument, reason, context);
        }

        @Override
        public void onStop(StrategyContext context) {
            inner.onStop(context);
        }
    }

    private record Settlement(Instrument instrument, Price value, Instant at) {
    }

    /** Run settings: initial cash, events, strategy and fees are required. */
    public static final class Builder {
        private Money initialCash;
        private final List<MarketEvent> events = new ArrayList<>();
        private final Map<InstrumentId, Settlement> settlements = new LinkedHashMap<>();
        private Strategy strategy;
        private FeeModel fees;
        private long seed = 1;
        private Instant start;
        private final GivenOptions given = new GivenOptions();

        private Builder() {
        }

        public Builder initialCash(Money cash) {
            Objects.requireNonNull(cash, "initialCash");
            if (!cash.currency().equals(Currency.USD)) {
                throw new IllegalArgumentException("Kalshi settles in USD; initialCash is in " + cash.currency());
            }
            this.initialCash = given.first("initialCash", cash);
            return this;
        }

        /** Time-ordered events, e.g. {@link SnapshotRecorder#replayEvents} or {@link HistoricalLoader}'s. */
        public Builder events(List<? extends MarketEvent> marketEvents) {
            events.addAll(marketEvents);
            return this;
        }

        /** {@code instrument}'s market resolved {@code result} at {@code at}. */
        public Builder settle(Instrument instrument, Outcome result, Instant at) {
            Objects.requireNonNull(result, "result");
            return settleAt(instrument, Price.ofRaw(result == Outcome.YES ? FixedMath.powerOfTen(
                instrument.pricePrecision()) : 0, instrument.pricePrecision()), at);
        }

        /** A scalar settlement: each YES contract pays {@code value} (0..1 dollar). */
        public Builder settleAt(Instrument instrument, Price value, Instant at) {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(at, "at");
            if (value.signum() < 0 || value.compareTo(Price.of("1")) > 0) {
                throw new IllegalArgumentException("settlement value of " + instrument.symbol()
                    + " must be within 0..1 dollar, was " + value);
            }
            Settlement previous = settlements.put(instrument.id(), new Settlement(instrument, value, at));
            if (previous != null) {
                throw new IllegalArgumentException(instrument.symbol() + " is settled twice: at " + previous.at
                    + " and at " + at);
            }
            return this;
        }

        public Builder strategy(Strategy tradingStrategy) {
            this.strategy = given.firstOfType("strategy", Objects.requireNonNull(tradingStrategy, "strategy"));
            return this;
        }

        public Builder fees(FeeModel feeModel) {
            this.fees = given.firstOfType("fees", Objects.requireNonNull(feeModel, "fees"));
            return this;
        }

        public Builder seed(long venueSeed) {
            this.seed = given.first("seed", venueSeed);
            return this;
        }

        public Builder start(Instant at) {
            this.start = given.first("start", Objects.requireNonNull(at, "start"));
            return this;
        }

        public PredictionMarketResult run() {
            if (initialCash == null || strategy == null || fees == null) {
                throw new IllegalStateException("initialCash, strategy and fees are required");
            }
            if (events.isEmpty() && settlements.isEmpty()) {
                throw new IllegalStateException("no events to replay");
            }
            return new PredictionMarketBacktest(this).run();
        }
    }
}
