package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.risk.TradingState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of a running (or stopped) engine, taken on its loop thread so every figure is from the
 * same instant: what an operator's status endpoint shows.
 *
 * @param asOf            the engine's time when taken
 * @param tradingState    the governor's global state (HALTED after {@link OperatorControls#halt} or
 *                        {@link OperatorControls#flatten})
 * @param openOrders      detached snapshots of every open order of every strategy
 * @param staleInstruments instruments whose feed lost continuity and have no fresh snapshot yet
 * @param eventsHandled   inputs handled by the loop so far (market events, gateway events, timer firings)
 * @param unreconciledOrders orders a LIVE restart could not yet settle with the venue; new orders on their
 *                        instruments in their accounts are denied until it does
 * @param failure         why the engine itself failed, when {@link EngineState#FAILED}
 */
public record EngineStatus(Instant asOf, EngineMode mode, EngineState state, TradingState tradingState,
                           List<StrategyStatus> strategies, List<AccountStatus> accounts, List<Order> openOrders,
                           List<FeedStatus> feeds, Set<InstrumentId> staleInstruments, long eventsHandled,
                           List<UnreconciledOrder> unreconciledOrders, Optional<String> failure) {

    public EngineStatus {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tradingState, "tradingState");
        strategies = List.copyOf(strategies);
        accounts = List.copyOf(accounts);
        openOrders = List.copyOf(openOrders);
        feeds = List.copyOf(feeds);
        staleInstruments = Set.copyOf(staleInstruments);
        unreconciledOrders = List.copyOf(unreconciledOrders);
        Objects.requireNonNull(failure, "failure");
    }

    /** The status of strategy {@code strategyId}; throws when no such strategy is registered. */
    public StrategyStatus strategy(String strategyId) {
        for (StrategyStatus s : strategies) {
            if (s.strategyId().equals(strategyId)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no strategy " + strategyId + " in " + strategies);
    }

    /** The status of account {@code accountId}; throws when no such account is registered. */
    public AccountStatus account(String accountId) {
        for (AccountStatus a : accounts) {
            if (a.accountId().equals(accountId)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no account " + accountId + " in " + accounts);
    }
}
