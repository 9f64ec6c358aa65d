package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.options.GreeksBook;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskEventListener;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.strategy.internal.EngineConfig;
import dev.tradingsdk.core.strategy.internal.EventLoop;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The strategy runtime: one single-threaded event loop owning feeds, gateways, strategies, a
 * {@link dev.tradingsdk.core.risk.RiskGovernor} built from the configured rules, an optional journal and a clock.
 * Feed events, gateway events (acks, fills, rejects) and timer firings are queued and handled in time order on
 * the loop thread; no strategy is ever called concurrently.
 *
 * <p>The {@link EngineMode} and the inputs are configuration; the strategy object is the same in every mode:
 * <pre>{@code
 * TradingEngine engine = TradingEngine.builder()
 *         .mode(EngineMode.REPLAY)
 *         .clock(new SimulatedClock(start))
 *         .feed("bars", MarketReplay.of(List.of(bars.iterator())))
 *         .account(venue, venue.portfolio())
 *         .rules(new MaxOrderNotionalRule(...), new CircuitBreakerRule(...))
 *         .strategy("sma", strategy)
 *         .build();
 * engine.run();
 * }</pre>
 *
 * <p>Every order a strategy submits passes the engine's checks and the governor before its gateway sees it;
 * fills and closed round trips feed the governor, so the throttle, daily-loss and circuit-breaker rules work
 * the same in replay and live. With a {@linkplain Builder#journal journal}, the engine records orders, fills,
 * denials, operator actions and timer firings; building a PAPER or LIVE engine on an existing journal restores
 * its orders, positions and the governor's counters, re-running the journal at its own times whatever the clock
 * says now. A restarted LIVE engine then asks the venue about every order the journal leaves open and adopts what
 * happened while it was down (fills, cancels, orders the venue never received) as journaled inputs; an order it
 * cannot settle is listed in {@link EngineStatus#unreconciledOrders()} and blocks new orders on its instrument
 * ({@link #UNRECONCILED_ORDER}) until a retried lookup settles it.
 */
public interface TradingEngine extends OperatorControls, AutoCloseable {

    /** Violation code: the gateway does not support the order type ({@link OrderEntry#capabilities()}). */
    String UNSUPPORTED_ORDER_TYPE = "UNSUPPORTED_ORDER_TYPE";
    /** Violation code: the gateway does not support the time in force. */
    String UNSUPPORTED_TIME_IN_FORCE = "UNSUPPORTED_TIME_IN_FORCE";
    /** Violation code: the gateway does not support bracket orders. */
    String UNSUPPORTED_BRACKET = "UNSUPPORTED_BRACKET";
    /** Violation code: the gateway does not support post-only orders. */
    String UNSUPPORTED_POST_ONLY = "UNSUPPORTED_POST_ONLY";
    /** Violation code: the gateway does not support reduce-only orders. */
    String UNSUPPORTED_REDUCE_ONLY = "UNSUPPORTED_REDUCE_ONLY";
    /** Violation code: the order would open or increase a short position on a gateway that cannot short. */
    String UNSUPPORTED_SHORT_SELLING = "UNSUPPORTED_SHORT_SELLING";
    /** Violation code: the instrument's market data is stale (out of sync, no fresh snapshot yet). */
    String STALE_MARKET_DATA = "STALE_MARKET_DATA";
    /** Violation code: the submitting strategy failed or stopped. */
    String STRATEGY_STOPPED = "STRATEGY_STOPPED";
    /** Violation code: the gateway threw on submission and does not know the order. */
    String GATEWAY_ERROR = "GATEWAY_ERROR";
    /**
     * Violation code: after a LIVE restart the venue's state of an order on the instrument in the account is
     * unknown (its lookup failed); see {@link EngineStatus#unreconciledOrders()}.
     */
    String UNRECONCILED_ORDER = "UNRECONCILED_ORDER";
    /** Starts the reason of an order a LIVE restart found the venue does not know: it is not sent again. */
    String ORDER_LOST = "ORDER_LOST";

    static Builder builder() {
        return new Builder();
    }

    /** The configured mode. */
    EngineMode mode();

    /**
     * Runs the loop on the calling thread: starts the strategies, handles inputs until the replay's data ends
     * ({@link EngineMode#REPLAY}) or {@link #stop()} is called (any mode), then stops the strategies. Once only.
     */
    void run();

    /** Runs the loop on a new thread named {@code trading-engine}; returns once the strategies have started. */
    void start();

    /**
     * Asks the loop to finish: the strategies get {@link Strategy#onStop}, the journal is synced and closed. Waits
     * for the loop when it runs on another thread; idempotent.
     */
    void stop();

    /** Waits up to {@code timeout} for the loop to end; true when it did. */
    boolean awaitStopped(Duration timeout) throws InterruptedException;

    /** Same as {@link #stop()}. */
    @Override
    void close();

    /**
     * Configuration of an engine; every option is checked when set or at {@link #build()}, with messages naming
     * the option and value.
     */
    final class Builder {

        EngineMode mode;
        Clock clock;
        final Map<String, MarketDataFeed> feeds = new LinkedHashMap<>();
        final Map<String, AccountBinding> accounts = new LinkedHashMap<>();
        final Map<String, StrategyBinding> strategies = new LinkedHashMap<>();
        final List<RiskRule> rules = new ArrayList<>();
        final List<RiskEventListener> riskListeners = new ArrayList<>();
        Path journalDirectory;
        FsyncPolicy fsync;
        GreeksBook greeks;

        Builder() {
        }

        /** Required: where inputs come from and where orders go. */
        public Builder mode(EngineMode mode) {
            Objects.requireNonNull(mode, "mode");
            if (this.mode != null && this.mode != mode) {
                throw new IllegalStateException("mode already set to " + this.mode + "; cannot also be " + mode);
            }
            this.mode = mode;
            return this;
        }

        /**
         * The engine's time. {@link EngineMode#REPLAY} requires a {@link SimulatedClock}, which the engine moves to
         * each event's time; PAPER and LIVE default to {@link Clock#system()}.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A source of market events, by a unique name (shown in {@link EngineStatus#feeds()}). In REPLAY every
         * feed must be a {@link dev.tradingsdk.core.backtest.MarketReplay}; several are merged by time.
         */
        public Builder feed(String name, MarketDataFeed feed) {
            requireName("feed name", name);
            Objects.requireNonNull(feed, "feed");
            if (feeds.containsKey(name)) {
                throw new IllegalArgumentException("feed " + name + " is already configured");
            }
            feeds.put(name, feed);
            return this;
        }

        /**
         * An account: the gateway its strategies' orders go to and the view of its money and positions (for a
         * {@link dev.tradingsdk.core.backtest.SimulatedVenue}, its portfolio). Keyed by
         * {@link AccountView#accountId()}. A gateway that is also a
         * {@link dev.tradingsdk.core.gateway.MarketDataListener} (a simulated venue) receives every market event
         * before the strategies, so it fills against the same prices they see; PAPER requires that, LIVE refuses
         * a {@link dev.tradingsdk.core.backtest.SimulatedVenue}.
         */
        public Builder account(OrderGateway gateway, AccountView account) {
            Objects.requireNonNull(gateway, "gateway");
            Objects.requireNonNull(account, "account");
            String id = account.accountId();
            if (accounts.containsKey(id)) {
                throw new IllegalArgumentException("account " + id + " is already configured");
            }
            accounts.put(id, new AccountBinding(gateway, account, null));
            return this;
        }

        /**
         * A simulated account: the engine builds {@code venue} on its own clock (the replayed time in REPLAY,
         * the time of each input in PAPER), filling into {@code portfolio}. Prefer it to {@link #account} for
         * PAPER: a restart from the journal then reproduces the venue exactly.
         */
        public Builder simulatedAccount(Portfolio portfolio, SimulatedVenue.Builder venue) {
            Objects.requireNonNull(portfolio, "portfolio");
            Objects.requireNonNull(venue, "venue");
            String id = portfolio.accountId();
            if (accounts.containsKey(id)) {
                throw new IllegalArgumentException("account " + id + " is already configured");
            }
            accounts.put(id, new AccountBinding(null, portfolio, clock -> venue.build(portfolio, clock)));
            return this;
        }

        /** A strategy trading the only configured account. */
        public Builder strategy(String strategyId, Strategy strategy) {
            return strategy(strategyId, strategy, null);
        }

        /** A strategy trading account {@code accountId} (configured with {@link #account}). */
        public Builder strategy(String strategyId, Strategy strategy, String accountId) {
            requireName("strategy id", strategyId);
            Objects.requireNonNull(strategy, "strategy");
            if (strategies.containsKey(strategyId)) {
                throw new IllegalArgumentException("strategy " + strategyId + " is already configured");
            }
            strategies.put(strategyId, new StrategyBinding(strategy, accountId));
            return this;
        }

        /** A rule every order passes, in the order added (after the engine's own checks). */
        public Builder rule(RiskRule rule) {
            Objects.requireNonNull(rule, "rule");
            for (RiskRule r : rules) {
                if (r == rule) {
                    throw new IllegalArgumentException("rule " + rule.code() + " is already configured");
                }
            }
            rules.add(rule);
            return this;
        }

        /** Several rules, as {@link #rule} each. */
        public Builder rules(RiskRule... rules) {
            for (RiskRule r : rules) {
                rule(r);
            }
            return this;
        }

        /** Receives the governor's decisions and state changes (audit). */
        public Builder riskListener(RiskEventListener listener) {
            riskListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Journals orders, fills, denials, operator actions and timer firings in {@code directory}; a PAPER or
         * LIVE engine built on a non-empty journal restores its state from it. Records are forced to disk per
         * {@code fsync}.
         */
        public Builder journal(Path directory, FsyncPolicy fsync) {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(fsync, "fsync");
            if (journalDirectory != null) {
                throw new IllegalStateException("journal already set to " + journalDirectory + "; cannot also be "
                        + directory);
            }
            this.journalDirectory = directory;
            this.fsync = fsync;
            return this;
        }

        /**
         * Puts the greeks of every account holding options into {@link AccountStatus#greeks()}. The engine owns
         * {@code book} from here: each time a status is taken it sets the book's time and the prices of its
         * non-option contracts from the engine's last market data (the mid of the last quote or book, the close of
         * the last bar), then values the account's positions; set the options' volatilities before building.
         */
        public Builder greeks(GreeksBook book) {
            Objects.requireNonNull(book, "book");
            if (greeks != null && greeks != book) {
                throw new IllegalStateException("greeks book already set to " + greeks + "; cannot also be " + book);
            }
            this.greeks = book;
            return this;
        }

        /**
         * Checks the configuration: a mode, at least one account and one strategy, every strategy bound to a
         * configured account, a {@link SimulatedClock} and replay feeds in REPLAY.
         */
        public TradingEngine build() {
            if (mode == null) {
                throw new IllegalStateException("mode is required");
            }
            if (accounts.isEmpty()) {
                throw new IllegalStateException("at least one account is required");
            }
            if (strategies.isEmpty()) {
                throw new IllegalStateException("at least one strategy is required");
            }
            for (Map.Entry<String, StrategyBinding> e : strategies.entrySet()) {
                String accountId = e.getValue().accountId();
                if (accountId == null && accounts.size() > 1) {
                    throw new IllegalStateException("strategy " + e.getKey() + " names no account but there are "
                            + accounts.size() + ": " + accounts.keySet());
                }
                if (accountId != null && !accounts.containsKey(accountId)) {
                    throw new IllegalStateException("strategy " + e.getKey() + " trades account " + accountId
                            + ", which is not configured (" + accounts.keySet() + ")");
                }
            }
            if (mode == EngineMode.REPLAY && !(clock instanceof SimulatedClock)) {
                throw new IllegalStateException("REPLAY requires a SimulatedClock, not " + clock);
            }
            if (mode == EngineMode.REPLAY && feeds.isEmpty()) {
                throw new IllegalStateException("REPLAY requires at least one feed");
            }
            List<EngineConfig.AccountConfig> accountList = new ArrayList<>();
            for (Map.Entry<String, AccountBinding> e : accounts.entrySet()) {
                AccountBinding a = e.getValue();
                accountList.add(new EngineConfig.AccountConfig(e.getKey(), a.account(), a.gateway(), a.factory()));
            }
            List<EngineConfig.StrategyConfig> strategyList = new ArrayList<>();
            for (Map.Entry<String, StrategyBinding> e : strategies.entrySet()) {
                strategyList.add(new EngineConfig.StrategyConfig(e.getKey(), e.getValue().strategy(),
                        e.getValue().accountId()));
            }
            return new EventLoop(new EngineConfig(mode, clock, new LinkedHashMap<>(feeds), accountList, strategyList,
                    List.copyOf(rules), List.copyOf(riskListeners), journalDirectory, fsync, greeks));
        }

        private static void requireName(String what, String name) {
            Objects.requireNonNull(name, what);
            if (name.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
        }

        record AccountBinding(OrderGateway gateway, AccountView account, Function<Clock, OrderGateway> factory) {
        }

        record StrategyBinding(Strategy strategy, String accountId) {
        }
    }
}
