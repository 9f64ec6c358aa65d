package dev.tradingsdk.cfd;

import dev.tradingsdk.core.analytics.Metrics;
import dev.tradingsdk.core.analytics.ReturnMetrics;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.strategy.DecisionContext;
import dev.tradingsdk.core.strategy.DecisionFunction;
import dev.tradingsdk.core.strategy.ReadOnlyAccount;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TimerEvent;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trading competition: participants each get a {@link CfdAccount} with the same capital and terms, and their
 * {@link DecisionFunction}s run on a schedule over a stream of prices, live ({@link #onQuotes}, {@link #onMids}
 * as prices arrive) or replayed ({@link #replayMids}). Orders go through each participant's own account, so the
 * leverage, position and margin rules apply; symbols or asset classes outside the rules are refused before
 * that. The competition records every invocation, rejection (with its reason) and liquidation, and ranks the
 * participants on its {@link #leaderboard()}.
 *
 * <p>Status: PENDING until a price arrives at or after {@code start}, then ACTIVE; COMPLETED at {@code end} or
 * on {@link #finish()}. Participants join while PENDING. A participant whose positions are stopped out becomes
 * LIQUIDATED and one whose decision function throws becomes DISQUALIFIED; neither is invoked again, but their
 * accounts keep being marked. Not thread-safe: one thread drives a competition.
 */
public final class Competition {

    private static final Logger LOG = LoggerFactory.getLogger(Competition.class);

    private final String name;
    private final Instant start;
    private final Instant end;
    private final Money initialCapital;
    private final Set<AssetClass> allowedAssetClasses;
    private final Set<String> allowedSymbols;
    private final Duration invocationInterval;
    private final int maxParticipants;
    private final CfdTerms terms;
    private final Clock clock;
    private final Consumer<CfdEvent> eventSink;
    private final Map<String, Entrant> entrants = new LinkedHashMap<>();
    private final Map<InstrumentId, Quote> quotes = new LinkedHashMap<>();
    private final List<Invocation> invocations = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Liquidation> liquidations = new ArrayList<>();
    private CompetitionStatus status = CompetitionStatus.PENDING;
    private Instant nextInvocation;

    private Competition(Builder b) {
        this.name = b.name;
        this.start = b.start;
        this.end = b.end;
        this.initialCapital = b.initialCapital;
        this.allowedAssetClasses = Collections.unmodifiableSet(EnumSet.copyOf(b.allowedAssetClasses));
        this.allowedSymbols = Set.copyOf(b.allowedSymbols);
        this.invocationInterval = b.invocationInterval;
        this.maxParticipants = b.maxParticipants;
        this.terms = b.terms.toBuilder().maxLeverage(b.maxLeverage).maxPositionPercent(b.maxPositionPercent).build();
        this.clock = b.clock;
        this.eventSink = b.eventSink;
        this.nextInvocation = start;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Adds a participant with its decision function; only while PENDING, up to the maximum, names unique. */
    public CfdAccount join(Participant participant, DecisionFunction decisions) {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(decisions, "decisions");
        if (status != CompetitionStatus.PENDING) {
            throw new IllegalStateException("competition " + name + " is " + status + "; participants join while"
                    + " PENDING");
        }
        if (entrants.size() >= maxParticipants) {
            throw new IllegalStateException("competition " + name + " is full at " + maxParticipants
                    + " participants; " + participant.name() + " cannot join");
        }
        if (entrants.containsKey(participant.name())) {
            throw new IllegalArgumentException("participant name " + participant.name() + " is taken in " + name);
        }
        CfdAccount.Builder account = CfdAccount.builder(participant.name(), initialCapital).terms(terms).clock(clock);
        if (eventSink != null) {
            account.eventListener(eventSink);
        }
        Entrant entrant = new Entrant(participant, decisions, account.build(), initialCapital);
        entrant.account.addEventListener(event -> {
            if (event instanceof CfdEvent.Liquidation l) {
                liquidations.add(new Liquidation(participant.name(), l));
            }
        });
        entrants.put(participant.name(), entrant);
        return entrant.account;
    }

    /**
     * Mid prices (bar closes, say) at the clock's time: the terms' spread is put around each, then as
     * {@link #onQuotes}.
     */
    public void onMids(Map<Instrument, Price> mids) {
        List<Quote> list = new ArrayList<>(mids.size());
        Instant now = clock.now();
        for (Map.Entry<Instrument, Price> e : mids.entrySet()) {
            list.add(terms.quoteAroundMid(e.getKey(), e.getValue(), now));
        }
        onQuotes(list);
    }

    /**
     * New quotes at the clock's time: marks every account (stop-outs happen here), runs the decision functions
     * if an invocation is due and the competition is ACTIVE, then samples every account's equity. An invalid
     * quote is refused before anything changes.
     */
    public void onQuotes(Collection<Quote> newQuotes) {
        if (status == CompetitionStatus.COMPLETED) {
            throw new IllegalStateException("competition " + name + " is COMPLETED");
        }
        CfdAccount.checkQuotes(newQuotes);
        // Every account must be able to take the prices before any does: one account's overflow refuses them all.
        for (Entrant entrant : entrants.values()) {
            entrant.account.checkMarks(newQuotes);
        }
        Instant now = clock.now();
        for (Quote q : newQuotes) {
            quotes.put(q.instrument().id(), q);
        }
        if (status == CompetitionStatus.PENDING && !now.isBefore(start)) {
            status = CompetitionStatus.ACTIVE;
            LOG.info("competition {} started at {} with {} participants", name, now, entrants.size());
        }
        for (Entrant entrant : entrants.values()) {
            entrant.account.markAll(newQuotes);
            if (entrant.status == ParticipantStatus.ACTIVE && entrant.account.liquidations() > 0) {
                entrant.status = ParticipantStatus.LIQUIDATED;
                entrant.reason = "stopped out at " + now;
                LOG.info("competition {}: {} liquidated at {}", name, entrant.participant.name(), now);
            }
        }
        if (status == CompetitionStatus.ACTIVE && now.isBefore(end) && !now.isBefore(nextInvocation)) {
            for (Entrant entrant : entrants.values()) {
                if (entrant.status == ParticipantStatus.ACTIVE) {
                    invoke(entrant, now);
                }
            }
            nextInvocation = now.plus(invocationInterval);
        }
        if (status != CompetitionStatus.PENDING) {
            for (Entrant entrant : entrants.values()) {
                entrant.sample(entrant.account.equity());
            }
        }
        if (status == CompetitionStatus.ACTIVE && !now.isBefore(end)) {
            finish();
        }
    }

    private void invoke(Entrant entrant, Instant now) {
        invoke(entrant, now, ReadOnlyAccount.of(entrant.account), entrant.account::submit);
    }

    /** Runs a participant's decision function and submits its orders through {@code submit}. */
    private void invoke(Entrant entrant, Instant now, AccountView view, Function<OrderRequest, Order> submit) {
        String who = entrant.participant.name();
        List<OrderRequest> requests;
        try {
            requests = List.copyOf(entrant.decisions.decide(new DecisionContext(now, view, quotes)));
        } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
            // An error of one participant's code is that participant's: the others keep competing. Errors of the
            // JVM itself (out of memory) are not contained.
            entrant.status = ParticipantStatus.DISQUALIFIED;
            entrant.reason = "decision function failed at " + now + ": " + e;
            LOG.warn("competition {}: {} disqualified", name, who, e);
            invocations.add(new Invocation(now, who, 0, 0));
            return;
        }
        int rejected = 0;
        for (OrderRequest request : requests) {
            Optional<String> refusal = ruleRefusal(request.instrument());
            if (refusal.isPresent()) {
                rejections.add(new Rejection(now, who, request, refusal.get()));
                rejected++;
                continue;
            }
            Order order;
            try {
                order = submit.apply(request);
            } catch (RuntimeException e) {
                // e.g. the participant's journal failed: its account stopped; the others keep trading
                rejections.add(new Rejection(now, who, request, e.toString()));
                rejected++;
                continue;
            }
            if (order.status() == OrderStatus.REJECTED) {
                rejections.add(new Rejection(now, who, request, order.reason()));
                rejected++;
            }
        }
        invocations.add(new Invocation(now, who, requests.size(), rejected));
    }

    private Optional<String> ruleRefusal(Instrument instrument) {
        if (!allowedAssetClasses.contains(instrument.assetClass())) {
            return Optional.of("asset class " + instrument.assetClass() + " of " + instrument
                    + " is not allowed in competition " + name);
        }
        if (!allowedSymbols.isEmpty() && !allowedSymbols.contains(instrument.symbol())) {
            return Optional.of("symbol " + instrument.symbol() + " is not allowed in competition " + name);
        }
        return Optional.empty();
    }

    /**
     * Hosts the participants on a {@link TradingEngine} instead of this competition's own loop: each participant's
     * account becomes an engine account (marked by the engine's feeds: quotes at bid/ask, bars at the terms'
     * spread around the close) and its decision function an engine strategy trading it. The strategy is invoked
     * from the start every invocation interval on the engine's timers; its orders pass this competition's rules,
     * then the engine's checks and risk rules, then the account. Participants see only a read-only account. Call
     * after every participant joined; then drive the engine ({@code run()} in REPLAY, {@code start()} live)
     * instead of {@link #onQuotes}. Status, rejections, liquidations and the leaderboard work as with the own
     * loop, one step per distinct event time.
     *
     * @param instruments what the participants trade and see quotes of
     */
    public TradingEngine.Builder hostOn(TradingEngine.Builder engine, List<Instrument> instruments) {
        Objects.requireNonNull(engine, "engine");
        List<Instrument> subscribed = List.copyOf(instruments);
        if (subscribed.isEmpty()) {
            throw new IllegalArgumentException("instruments must not be empty");
        }
        if (status != CompetitionStatus.PENDING || entrants.isEmpty()) {
            throw new IllegalStateException("competition " + name + " is " + status + " with " + entrants.size()
                    + " participants; host it once the participants joined, while PENDING");
        }
        for (Entrant entrant : entrants.values()) {
            engine.account(entrant.account, entrant.account);
            engine.strategy(entrant.participant.name(), new HostedParticipant(entrant, subscribed),
                    entrant.account.accountId());
        }
        return engine;
    }

    /** One participant as an engine strategy. */
    private final class HostedParticipant implements Strategy {
        private final Entrant entrant;
        private final List<Instrument> instruments;
        private Instant sampledAt;
        private boolean invokeOnNextPrice;

        HostedParticipant(Entrant entrant, List<Instrument> instruments) {
            this.entrant = entrant;
            this.instruments = instruments;
        }

        @Override
        public void onStart(StrategyContext context) {
            for (Instrument i : instruments) {
                context.marketData().subscribe(i);
            }
            context.timers().scheduleOnce("invoke", start);
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            Instant now = context.clock().now();
            if (event instanceof Quote q) {
                quotes.put(q.instrument().id(), q);
            } else if (event instanceof Bar bar) {
                quotes.put(bar.instrument().id(), terms.quoteAroundMid(bar.instrument(), bar.close(), now));
            }
            if (status == CompetitionStatus.PENDING && !now.isBefore(start)) {
                status = CompetitionStatus.ACTIVE;
                LOG.info("competition {} started at {} with {} participants", name, now, entrants.size());
            }
            if (entrant.status == ParticipantStatus.ACTIVE && entrant.account.liquidations() > 0) {
                entrant.status = ParticipantStatus.LIQUIDATED;
                entrant.reason = "stopped out at " + now;
            }
            if (status != CompetitionStatus.PENDING && !now.equals(sampledAt)) {
                entrant.sample(entrant.account.equity());
                sampledAt = now;
            }
            if (status == CompetitionStatus.ACTIVE && !now.isBefore(end)) {
                finish();
            }
            if (invokeOnNextPrice && status == CompetitionStatus.ACTIVE) {
                invokeOnNextPrice = false;
                invokeAndReschedule(context, now);
            }
        }

        @Override
        public void onTimer(TimerEvent timer, StrategyContext context) {
            if (status == CompetitionStatus.PENDING) {
                // no price at or after the start yet: the first invocation waits for one, as in the own loop
                invokeOnNextPrice = true;
                return;
            }
            invokeAndReschedule(context, context.clock().now());
        }

        private void invokeAndReschedule(StrategyContext context, Instant now) {
            if (status == CompetitionStatus.ACTIVE && now.isBefore(end)
                    && entrant.status == ParticipantStatus.ACTIVE) {
                invoke(entrant, now, context.account(), context.orders()::submit);
            }
            Instant next = now.plus(invocationInterval);
            if (next.isBefore(end) && status != CompetitionStatus.COMPLETED) {
                context.timers().scheduleOnce("invoke", next);
            }
        }
    }

    /**
     * Replays mid prices in time order: moves the competition's {@link SimulatedClock} to each step's time and
     * calls {@link #onMids}; stops early once COMPLETED.
     */
    public void replayMids(NavigableMap<Instant, Map<Instrument, Price>> steps) {
        if (!(clock instanceof SimulatedClock simulated)) {
            throw new IllegalStateException("replay needs the competition to run on a SimulatedClock, not " + clock);
        }
        for (Map.Entry<Instant, Map<Instrument, Price>> step : steps.entrySet()) {
            if (status == CompetitionStatus.COMPLETED) {
                return;
            }
            simulated.setTime(step.getKey());
            onMids(step.getValue());
        }
    }

    /** Ends the competition now. */
    public void finish() {
        if (status != CompetitionStatus.COMPLETED) {
            status = CompetitionStatus.COMPLETED;
            LOG.info("competition {} completed at {}", name, clock.now());
        }
    }

    /** Disqualifies a participant (a rules breach found outside the engine); it is not invoked again. */
    public void disqualify(String participant, String reason) {
        Objects.requireNonNull(reason, "reason");
        Entrant entrant = entrant(participant);
        entrant.status = ParticipantStatus.DISQUALIFIED;
        entrant.reason = reason;
    }

    /** The ranking now: by equity, highest first, ties by participant name. */
    public Leaderboard leaderboard() {
        List<LeaderboardEntry> rows = new ArrayList<>(entrants.size());
        for (Entrant e : entrants.values()) {
            CfdAccount a = e.account;
            Money equity = a.equity();
            // one period per step: the steps are not a fixed calendar period, so nothing is annualized
            ReturnMetrics steps = ReturnMetrics.of(Arrays.copyOf(e.returns, e.returnCount), 1);
            BigDecimal maxDrawdownPercent = BigDecimal.valueOf(steps.maxDrawdown()).movePointRight(2)
                    .setScale(4, RoundingMode.HALF_EVEN);
            double sharpe = Double.isNaN(steps.sharpe()) ? 0.0 : steps.sharpe();
            List<ClosedTrade> trades = a.closedTrades();
            rows.add(new LeaderboardEntry(0, e.participant, e.status, equity,
                    CfdMath.pnlPercent(equity.minus(initialCapital), initialCapital), a.realizedPnl(),
                    a.unrealizedPnl(), Money.max(e.peak, equity), maxDrawdownPercent, sharpe, trades.size(),
                    Metrics.winRate(trades), a.fillCount(), a.fees(), a.financing()));
        }
        return Leaderboard.rank(rows);
    }

    public String name() {
        return name;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public Money initialCapital() {
        return initialCapital;
    }

    /** The terms every participant's account trades under (with the competition's leverage and position caps). */
    public CfdTerms terms() {
        return terms;
    }

    public Set<AssetClass> allowedAssetClasses() {
        return allowedAssetClasses;
    }

    /** Allowed symbols; empty means every symbol of an allowed asset class. */
    public Set<String> allowedSymbols() {
        return allowedSymbols;
    }

    public Duration invocationInterval() {
        return invocationInterval;
    }

    public int maxParticipants() {
        return maxParticipants;
    }

    public CompetitionStatus status() {
        return status;
    }

    public List<Participant> participants() {
        List<Participant> list = new ArrayList<>(entrants.size());
        for (Entrant e : entrants.values()) {
            list.add(e.participant);
        }
        return list;
    }

    public ParticipantStatus status(String participant) {
        return entrant(participant).status;
    }

    /** Why the participant is not ACTIVE; empty while it is. */
    public String statusReason(String participant) {
        return entrant(participant).reason;
    }

    /** The participant's account (read-only view for agents; the competition drives it). */
    public CfdAccount account(String participant) {
        return entrant(participant).account;
    }

    public List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    public List<Liquidation> liquidations() {
        return List.copyOf(liquidations);
    }

    private Entrant entrant(String participant) {
        Entrant entrant = entrants.get(participant);
        if (entrant == null) {
            throw new IllegalArgumentException("no participant " + participant + " in competition " + name);
        }
        return entrant;
    }

    @Override
    public String toString() {
        return "Competition[" + name + " " + status + " " + entrants.size() + " participants]";
    }

    /** One call of a participant's decision function and what came of its orders. */
    public record Invocation(Instant time, String participant, int orders, int rejected) {
    }

    /** An order refused by the competition rules or the participant's account, with the reason. */
    public record Rejection(Instant time, String participant, OrderRequest request, String reason) {
    }

    /** A position of a participant closed by the stop-out. */
    public record Liquidation(String participant, CfdEvent.Liquidation event) {
    }

    private static final class Entrant {
        final Participant participant;
        final DecisionFunction decisions;
        final CfdAccount account;
        ParticipantStatus status = ParticipantStatus.ACTIVE;
        String reason = "";
        Money peak;
        Money last;
        double[] returns = new double[64];
        int returnCount;

        Entrant(Participant participant, DecisionFunction decisions, CfdAccount account, Money initial) {
            this.participant = participant;
            this.decisions = decisions;
            this.account = account;
            this.peak = initial;
            this.last = initial;
        }

        /** The equity at the end of a step: its return on the previous step's, and the peak. */
        void sample(Money equity) {
            peak = Money.max(peak, equity);
            // a return on a wiped-out (zero) equity is undefined: such a step adds none
            if (last.isPositive()) {
                if (returnCount == returns.length) {
                    returns = Arrays.copyOf(returns, Math.multiplyExact(returnCount, 2));
                }
                returns[returnCount++] = equity.toDouble() / last.toDouble() - 1.0;
            }
            last = equity;
        }
    }

    /**
     * Fluent builder; {@link #build()} checks the whole definition and names the field it refuses. Each option takes
     * one value (a second throws {@link IllegalStateException} naming both), and terms carrying their own leverage
     * or position cap must agree with the competition's.
     */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private final String name;
        private Instant start;
        private Instant end;
        private Money initialCapital;
        private int maxLeverage;
        private long maxPositionPercent;
        private Set<AssetClass> allowedAssetClasses = EnumSet.of(AssetClass.CRYPTO, AssetClass.FX,
                AssetClass.COMMODITY, AssetClass.INDEX, AssetClass.EQUITY);
        private Set<String> allowedSymbols = Set.of();
        private Duration invocationInterval = Duration.ofHours(1);
        private int maxParticipants = 100;
        private CfdTerms terms = CfdTerms.defaults();
        private Clock clock = Clock.system();
        private Consumer<CfdEvent> eventSink;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("competition name must not be blank, was \"" + name + "\"");
            }
            this.name = name;
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        public Builder window(Instant start, Instant end) {
            once("window", this.start + " .. " + this.end, start + " .. " + end);
            this.start = Objects.requireNonNull(start, "start");
            this.end = Objects.requireNonNull(end, "end");
            return this;
        }

        public Builder initialCapital(Money initialCapital) {
            once("initialCapital", this.initialCapital, initialCapital);
            this.initialCapital = initialCapital;
            return this;
        }

        /** Competition-wide maximum leverage (gross notional / equity, and a cap on each instrument's); required. */
        public Builder maxLeverage(int maxLeverage) {
            once("maxLeverage", this.maxLeverage, maxLeverage);
            this.maxLeverage = maxLeverage;
            return this;
        }

        /** Maximum notional per instrument as a percentage of equity; required. */
        public Builder maxPositionPercent(long percent) {
            once("maxPositionPercent", maxPositionPercent, percent);
            this.maxPositionPercent = percent;
            return this;
        }

        public Builder allowedAssetClasses(Set<AssetClass> assetClasses) {
            once("allowedAssetClasses", allowedAssetClasses, assetClasses);
            this.allowedAssetClasses = Objects.requireNonNull(assetClasses, "allowedAssetClasses");
            return this;
        }

        /** Symbols participants may trade; empty (the default) allows every symbol of an allowed asset class. */
        public Builder allowedSymbols(Set<String> symbols) {
            once("allowedSymbols", allowedSymbols, symbols);
            this.allowedSymbols = Objects.requireNonNull(symbols, "allowedSymbols");
            return this;
        }

        public Builder invocationInterval(Duration interval) {
            once("invocationInterval", invocationInterval, interval);
            this.invocationInterval = interval;
            return this;
        }

        public Builder maxParticipants(int maxParticipants) {
            once("maxParticipants", this.maxParticipants, maxParticipants);
            this.maxParticipants = maxParticipants;
            return this;
        }

        /** Commission, spread, financing, leverage limits and margin levels; caps of its own must equal the above. */
        public Builder terms(CfdTerms terms) {
            once("terms", this.terms, terms);
            this.terms = Objects.requireNonNull(terms, "terms");
            return this;
        }

        /** The time source; a {@link SimulatedClock} for replays. */
        public Builder clock(Clock clock) {
            once("clock", "a Clock", "a Clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Receives every account event of every participant (to journal them); the account id is the name. */
        public Builder eventSink(Consumer<CfdEvent> sink) {
            once("eventSink", "a Consumer", "a Consumer");
            this.eventSink = Objects.requireNonNull(sink, "eventSink");
            return this;
        }

        public Competition build() {
            if (start == null || end == null || !end.isAfter(start)) {
                throw new IllegalArgumentException("window must have end after start, was " + start + " .. " + end);
            }
            if (initialCapital == null || !initialCapital.isPositive()) {
                throw new IllegalArgumentException("initialCapital must be positive, was " + initialCapital);
            }
            if (maxLeverage < 1) {
                throw new IllegalArgumentException("maxLeverage must be at least 1, was " + maxLeverage);
            }
            if (maxPositionPercent < 1) {
                throw new IllegalArgumentException("maxPositionPercent must be at least 1, was " + maxPositionPercent);
            }
            if (terms.maxLeverage() != 0 && terms.maxLeverage() != maxLeverage) {
                throw new IllegalStateException("maxLeverage " + maxLeverage + " conflicts with the terms' maxLeverage "
                        + terms.maxLeverage());
            }
            if (terms.maxPositionPercent() != 0 && terms.maxPositionPercent() != maxPositionPercent) {
                throw new IllegalStateException("maxPositionPercent " + maxPositionPercent
                        + " conflicts with the terms' maxPositionPercent " + terms.maxPositionPercent());
            }
            if (allowedAssetClasses.isEmpty()) {
                throw new IllegalArgumentException("allowedAssetClasses must not be empty");
            }
            for (AssetClass assetClass : allowedAssetClasses) {
                if (assetClass == null) {
                    throw new IllegalArgumentException("allowedAssetClasses must not contain null, was "
                            + allowedAssetClasses);
                }
            }
            for (String symbol : allowedSymbols) {
                if (symbol == null || symbol.isBlank()) {
                    throw new IllegalArgumentException("allowedSymbols must not contain a blank or null symbol, was "
                            + (symbol == null ? "null" : "\"" + symbol + "\"") + " in " + allowedSymbols);
                }
            }
            if (invocationInterval == null || invocationInterval.isNegative() || invocationInterval.isZero()) {
                throw new IllegalArgumentException("invocationInterval must be positive, was " + invocationInterval);
            }
            if (maxParticipants < 1) {
                throw new IllegalArgumentException("maxParticipants must be at least 1, was " + maxParticipants);
            }
            return new Competition(this);
        }
    }
}
