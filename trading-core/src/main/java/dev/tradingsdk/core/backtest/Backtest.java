package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.analytics.EquityCurve;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.portfolio.Position;
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
 * An event-driven backtest: replays one or more time-ordered event sources, merged by time, through a
 * {@link SimulatedVenue} and a {@link Strategy}.
 *
 * <p>For each event, in this order: the venue fills working orders against it (see {@link SimulatedVenue} for
 * the no-look-ahead rules) and marks the account; the clock moves to the event's time; the strategy sees the
 * event; the equity is sampled. So a strategy acting on bar {@code t} fills at bar {@code t+1}'s open at the
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

    private final Builder config;

    private Backtest(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    private BacktestResult run() {
        Instant start = config.start != null ? config.start : Instant.EPOCH;
        SimulatedClock clock = new SimulatedClock(start);
        Portfolio portfolio = new Portfolio(config.accountId, config.initialCash);
        SimulatedVenue venue = config.venue.build(portfolio, clock);
        StrategyContext context = new StrategyContext(venue, portfolio, clock);
        int precision = Math.max(config.initialCash.precision(), config.equityPrecision);
        // With one sample per event of a known-size source, the curve never has to grow.
        EquityCurve.Builder curve = config.totalEvents > 0 && config.sampleEvery.isZero()
                && config.totalEvents < Integer.MAX_VALUE
                ? EquityCurve.builder(portfolio.currency(), precision, (int) config.totalEvents)
                : EquityCurve.builder(portfolio.currency(), precision);
        MarketReplay replay = MarketReplay.of(config.sources);
        long sampleEvery = config.sampleEvery.toNanos();
        long lastSample = Long.MIN_VALUE;
        long events = 0;
        long wallStart = System.nanoTime();
        long nextReport = config.progressEvery;

        config.strategy.onStart(context);
        while (replay.hasNext()) {
            MarketEvent event = replay.next();
            long nanos = MarketReplay.epochNanos(event.timestamp());
            venue.onMarketEvent(event);
            if (nanos > clock.epochNanos()) {
                clock.setEpochNanos(nanos);
            }
            config.strategy.onEvent(event, context);
            if (lastSample == Long.MIN_VALUE || nanos - lastSample >= sampleEvery || nanos == lastSample) {
                sample(curve, portfolio, venue, nanos);
                if (nanos != lastSample) {
                    lastSample = nanos;
                }
            }
            events++;
            if (config.progress != null && events == nextReport) {
                report(events, wallStart, clock, false);
                nextReport += config.progressEvery;
            }
        }
        config.strategy.onFinish(context);
        if (lastSample != clock.epochNanos() && events > 0) {
            sample(curve, portfolio, venue, clock.epochNanos());
        }
        if (config.progress != null) {
            report(events, wallStart, clock, true);
        }
        return new BacktestResult(config.initialCash, portfolio.equity(), portfolio, curve.build(),
                venue.allOrders(), venue.fills(), venue.closedTrades(), venue.tradedNotional(), events);
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
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Starting cash; its currency is the account's. */
        public Builder initialCash(Money initialCash) {
            this.initialCash = Objects.requireNonNull(initialCash, "initialCash");
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

        /** See {@link SimulatedVenue.Builder#preTradeCheck}. */
        public Builder preTradeCheck(PreTradeCheck check) {
            venue.preTradeCheck(check);
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

        /** Simulated time before the first event (the epoch by default); orders placed in onStart carry it. */
        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** Reports progress every {@code everyEvents} events and once at the end. */
        public Builder progress(ProgressListener listener, long everyEvents) {
            if (everyEvents <= 0) {
                throw new IllegalArgumentException("everyEvents must be positive, was " + everyEvents);
            }
            this.progress = Objects.requireNonNull(listener, "listener");
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
