package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.analytics.EquityCurve;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.risk.RiskEventListener;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.StrategyState;
import dev.tradingsdk.core.strategy.StrategyStatus;
import dev.tradingsdk.core.strategy.TimerEvent;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * An event-driven backtest: a {@link TradingEngine} in {@link EngineMode#REPLAY} replaying one or more
 * time-ordered event sources, merged by time, through a {@link SimulatedVenue}, the configured risk rules and a
 * {@link Strategy}, which receives every event.
 *
 * <p>The equity curve starts with the initial equity at the start time. Then, for each event, in this order:
 * timers due by then fire at their due times; the clock moves to the event's time; the venue fills working orders against it (see
 * {@link SimulatedVenue} for the no-look-ahead rules) and marks the account; the strategy sees the event; the
 * equity is sampled. So a strategy acting on bar {@code t} fills at bar {@code t+1}'s open at the
 * earliest. The same inputs and seed give identical results: nothing depends on wall-clock time or hash order.
 *
 * <pre>{@code
 * BacktestResult result = Backtest.builder()
 *         .initialCash(Money.of("100000", Currency.USD))
 *         .events(bars)
 *         .strategy(strategy)
 *         .fees(FeeModel.bps("10"))
 *         .run();
 * }</pre>
 */
public final class Backtest {

    private static final String STRATEGY_ID = "strategy";

    private final Builder config;

    private Backtest(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    private BacktestResult run() {
        MarketReplay replay = MarketReplay.of(config.sources);
        Instant start = startTime(replay.peek());
        SimulatedClock clock = new SimulatedClock(start);
        Portfolio portfolio = new Portfolio(config.accountId, config.initialCash);
        SimulatedVenue venue = config.venue.build(portfolio, clock);
        int precision = Math.max(config.initialCash.precision(), config.equityPrecision);
        // With one sample per event of a known-size source, the curve never has to grow.
        EquityCurve.Builder curve = config.totalEvents > 0 && config.sampleEvery.isZero()
                && config.totalEvents < Integer.MAX_VALUE - 1
                ? EquityCurve.builder(portfolio.currency(), precision, (int) config.totalEvents + 1)
                : EquityCurve.builder(portfolio.currency(), precision);
        EquitySampler sampler = new EquitySampler(curve, portfolio, venue, clock);
        TradingEngine.Builder engine = TradingEngine.builder()
                .mode(EngineMode.REPLAY)
                .clock(clock)
                .feed("events", replay)
                .account(venue, portfolio)
                .strategy(STRATEGY_ID, new EveryInstrument(config.strategy))
                .strategy("equity", sampler);
        for (RiskRule rule : config.rules) {
            engine.rule(rule);
        }
        for (RiskEventListener listener : config.riskListeners) {
            engine.riskListener(listener);
        }
        TradingEngine built = engine.build();
        built.run();
        StrategyStatus status = built.status().strategy(STRATEGY_ID);
        if (status.state() == StrategyState.FAILED) {
            throw new IllegalStateException("the strategy failed at " + status.failedAt().orElseThrow() + ": "
                    + status.failure().orElseThrow());
        }
        sampler.finish();
        return new BacktestResult(config.initialCash, portfolio.equity(), portfolio, curve.build(),
                venue.allOrders(), venue.fills(), venue.closedTrades(), venue.tradedNotional(), sampler.events);
    }

    /**
     * The configured start; else just before the first event (a bar's open time, or one nanosecond before any
     * other event), so the curve's first point is the initial equity before anything could trade.
     */
    private Instant startTime(MarketEvent first) {
        if (config.start != null) {
            if (first != null && config.start.isAfter(first.timestamp())) {
                throw new IllegalArgumentException("start " + config.start + " is after the first event, at "
                        + first.timestamp());
            }
            return config.start;
        }
        if (first == null) {
            return Instant.EPOCH;
        }
        return first instanceof Bar bar ? bar.openTime() : first.timestamp().minusNanos(1);
    }

    /** Hands the user's strategy every event of the backtest, as a backtest always has. */
    private record EveryInstrument(Strategy strategy) implements Strategy {

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribeAll();
            strategy.onStart(context);
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            strategy.onEvent(event, context);
        }

        @Override
        public void onTimer(TimerEvent timer, StrategyContext context) {
            strategy.onTimer(timer, context);
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext context) {
            strategy.onOrderUpdate(order, context);
        }

        @Override
        public void onFill(Fill fill, Order order, StrategyContext context) {
            strategy.onFill(fill, order, context);
        }

        @Override
        public void onOutOfSync(Instrument instrument, String reason, StrategyContext context) {
            strategy.onOutOfSync(instrument, reason, context);
        }

        @Override
        public void onStop(StrategyContext context) {
            strategy.onStop(context);
        }
    }

    /**
     * Samples the equity after the strategy has seen each event (it runs after it on the loop), starting with
     * the initial equity at the start time.
     */
    private final class EquitySampler implements Strategy {
        private final EquityCurve.Builder curve;
        private final Portfolio portfolio;
        private final SimulatedVenue venue;
        private final SimulatedClock clock;
        private final long sampleEvery = config.sampleEvery.toNanos();
        private final long wallStart = System.nanoTime();
        private long lastSample;
        private long events;
        private long nextReport = config.progressEvery;

        EquitySampler(EquityCurve.Builder curve, Portfolio portfolio, SimulatedVenue venue, SimulatedClock clock) {
            this.curve = curve;
            this.portfolio = portfolio;
            this.venue = venue;
            this.clock = clock;
            this.lastSample = clock.epochNanos();
            sample(curve, portfolio, venue, lastSample);
        }

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribeAll();
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            long nanos = clock.epochNanos();
            if (nanos - lastSample >= sampleEvery || nanos == lastSample) {
                sample(curve, portfolio, venue, nanos);
                lastSample = nanos;
            }
            events++;
            if (config.progress != null && events == nextReport) {
                report(events, wallStart, clock, false);
                nextReport += config.progressEvery;
            }
        }

        void finish() {
            if (lastSample != clock.epochNanos() && events > 0) {
                sample(curve, portfolio, venue, clock.epochNanos());
            }
            if (config.progress != null) {
                report(events, wallStart, clock, true);
            }
        }
    }

    private static void sample(EquityCurve.Builder curve, Portfolio portfolio, SimulatedVenue venue, long nanos) {
        int p = curve.precision();
        Money cash = portfolio.cash();
        long equity = FixedMath.rescale(cash.raw(), cash.precision(), p, RoundingMode.HALF_EVEN);
        long exposure = 0;
        if (!venue.hasOpenPositions()) {
            curve.add(nanos, equity, exposure);
            return;
        }
        List<Position> open = portfolio.positions();
        for (int i = 0; i < open.size(); i++) {
            Position position = open.get(i);
            Money value = position.marketValue(portfolio.markOf(position.instrument().id()).orElseThrow());
            long raw = value.withPrecision(p, RoundingMode.HALF_EVEN).raw();
            equity = Math.addExact(equity, raw);
            exposure = Math.addExact(exposure, Math.abs(raw));
        }
        curve.add(nanos, equity, exposure);
    }

    private void report(long events, long wallStart, SimulatedClock clock, boolean finished) {
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        config.progress.onProgress(new Progress(events, config.totalEvents, seconds > 0 ? events / seconds : 0,
                clock.now(), finished));
    }

    /** Run settings; {@link #initialCash}, at least one event source and a {@link #strategy} are required. */
    public static final class Builder {
        private final List<Iterator<? extends MarketEvent>> sources = new ArrayList<>();
        private long totalEvents;
        private Strategy strategy;
        private Money initialCash;
        private String accountId = "backtest";
        private final SimulatedVenue.Builder venue = SimulatedVenue.builder();
        private final List<RiskRule> rules = new ArrayList<>();
        private final List<RiskEventListener> riskListeners = new ArrayList<>();
        private Duration sampleEvery = Duration.ZERO;
        private int equityPrecision = 6;
        private Instant start;
        private ProgressListener progress;
        private long progressEvery = 1_000_000;

        private Builder() {
        }

        /** A time-ordered event source whose size is known (a list of bars, say); may be called again. */
        public Builder events(Collection<? extends MarketEvent> events) {
            sources.add(events.iterator());
            if (totalEvents >= 0) {
                totalEvents += events.size();
            }
            return this;
        }

        /** A time-ordered event source of unknown length; progress then has no ETA. */
        public Builder events(Iterator<? extends MarketEvent> events) {
            sources.add(Objects.requireNonNull(events, "events"));
            totalEvents = -1;
            return this;
        }

        public Builder strategy(Strategy strategy) {
            this.strategy = once("strategy", this.strategy, Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** Starting cash; its currency is the account's. */
        public Builder initialCash(Money initialCash) {
            this.initialCash = once("initialCash", this.initialCash,
                    Objects.requireNonNull(initialCash, "initialCash"));
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /** See {@link SimulatedVenue.Builder#fees}. */
        public Builder fees(FeeModel fees) {
            venue.fees(fees);
            return this;
        }

        /** See {@link SimulatedVenue.Builder#slippage}. */
        public Builder slippage(SlippageModel slippage) {
            venue.slippage(slippage);
            return this;
        }

        /** See {@link SimulatedVenue.Builder#latency}. */
        public Builder latency(Duration latency) {
            venue.latency(latency);
            return this;
        }

        /** See {@link SimulatedVenue.Builder#seed}. */
        public Builder seed(long seed) {
            venue.seed(seed);
            return this;
        }

        /**
         * A risk rule every order of the strategy passes before the venue sees it, as in live trading: fills and
         * closed round trips feed it, so throttles, daily-loss limits and circuit breakers act in the backtest.
         */
        public Builder rule(RiskRule rule) {
            Objects.requireNonNull(rule, "rule");
            // two rules with one code could not be told apart in violations and audit records
            rules.add(once("rule " + rule.code(),
                    rules.stream().filter(r -> r.code().equals(rule.code())).findFirst().orElse(null), rule));
            return this;
        }

        /** Fails early, as Caffeine's builders do, when an option that takes one value is given a second. */
        private static <T> T once(String option, T current, T next) {
            if (current != null) {
                throw new IllegalStateException(option + " set twice: " + current + " and " + next);
            }
            return next;
        }

        /** Receives the risk governor's decisions and state changes. */
        public Builder riskListener(RiskEventListener listener) {
            riskListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Minimum simulated time between equity samples; zero (the default) samples at every distinct event
         * time. Coarser sampling keeps long tick replays small.
         */
        public Builder sampleEquityEvery(Duration interval) {
            if (interval == null || interval.isNegative()) {
                throw new IllegalArgumentException("sample interval must not be negative, was " + interval);
            }
            this.sampleEvery = interval;
            return this;
        }

        /** Decimal places of the equity curve (default 6, raised to the initial cash's if higher). */
        public Builder equityPrecision(int precision) {
            if (precision < 0 || precision > 9) {
                throw new IllegalArgumentException("equityPrecision must be in 0..9, was " + precision);
            }
            this.equityPrecision = precision;
            return this;
        }

        /**
         * Simulated time before the first event, where the equity curve starts with the initial equity; orders
         * placed in onStart carry it. By default the first bar's open time (one nanosecond before the first
         * event when it is not a bar). Must not be after the first event.
         */
        public Builder start(Instant start) {
            this.start = once("start", this.start, Objects.requireNonNull(start, "start"));
            return this;
        }

        /** Reports progress every {@code everyEvents} events and once at the end. */
        public Builder progress(ProgressListener listener, long everyEvents) {
            if (everyEvents <= 0) {
                throw new IllegalArgumentException("everyEvents must be positive, was " + everyEvents);
            }
            this.progress = once("progress", this.progress, Objects.requireNonNull(listener, "listener"));
            this.progressEvery = everyEvents;
            return this;
        }

        /** Runs the backtest to the end of the data. */
        public BacktestResult run() {
            if (initialCash == null) {
                throw new IllegalStateException("initialCash is required");
            }
            if (strategy == null) {
                throw new IllegalStateException("strategy is required");
            }
            if (sources.isEmpty()) {
                throw new IllegalStateException("at least one event source is required");
            }
            return new Backtest(this).run();
        }
    }
}
