package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.EpochNanos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks orders against a fixed list of {@link RiskRule}s and the trading state, and holds the kill switch.
 *
 * <pre>{@code
 * RiskGovernor governor = RiskGovernor.builder().clock(clock)
 *         .rule(new MaxOrderQuantityRule(Quantity.of("10")))
 *         .rule(new StaleMarketDataRule(Duration.ofSeconds(5)))
 *         .listener(audit::add)
 *         .build();
 * RiskDecision decision = governor.check(order, account, market);
 * }</pre>
 *
 * <p>Every rule sees every order, so a rejection lists all failing rules. An accepted order counts as
 * submitted: the rules' {@link RiskRule#onAccepted} hooks run (rate counters, seen ids) and the shared
 * {@link RiskDecision#ACCEPTED} is returned, so the accept path allocates nothing when the rules, the account
 * view, the market state and the listeners do not. A rule that throws rejects the order (fail closed).
 *
 * <p>Acceptance is all or nothing. The listeners record it first ({@link RiskEventListener#orderAccepted}); if
 * one throws, the order is rejected ({@link #AUDIT_ERROR}) before any rule counted it. Then the rules'
 * {@code onAccepted} hooks run; if one throws, the hooks that ran are taken back
 * ({@link RiskRule#onAcceptanceRevoked}) and the order is rejected ({@link #RULE_ERROR}), so a retry is not a
 * "duplicate" and the throttle did not count it. Other events (rejections, state changes) reach every listener
 * even when one throws; that failure is logged and never undoes or blocks the change: {@link #halt} always
 * halts and returns normally. A rule whose post-trade hook ({@code onFill}, {@code onClosedTrade}) throws can no
 * longer be trusted for that account, which is halted.
 *
 * <p>Trading states: the global state (the kill switch, {@link #halt}/{@link #resume}) and one per account;
 * the stricter applies. HALTED rejects every order, REDUCING every order that does not reduce a position, and
 * a reduce-only order that would not reduce is rejected in any state. Callers must route every submission
 * through {@link #check}, including the approval of an earlier proposal, so a halt blocks those too. Every
 * decision and state change is sent to the listeners. Thread-safe: all methods lock the governor.
 */
public final class RiskGovernor implements KillSwitch {

    /** Code of the violation for orders refused because trading is halted. */
    public static final String HALTED = "HALTED";
    /** Code of the violation for non-reducing orders while the account is REDUCING. */
    public static final String REDUCING = "REDUCING";
    /** Code of the violation for a reduce-only order that would not reduce a position. */
    public static final String REDUCE_ONLY = "REDUCE_ONLY";
    /** Code of the violation reported when a rule (its check or its acceptance hook) throws. */
    public static final String RULE_ERROR = "RULE_ERROR";
    /** Code of the violation reported when an audit listener cannot record an acceptance. */
    public static final String AUDIT_ERROR = "AUDIT_ERROR";

    private static final Logger LOG = LoggerFactory.getLogger(RiskGovernor.class);

    private final Clock clock;
    private final RiskRule[] rules;
    private final RiskEventListener[] listeners;
    private final RiskContext context = new RiskContext();
    private TradingState globalState = TradingState.ACTIVE;
    private final Map<String, TradingState> accountStates = new HashMap<>();
    private final Map<String, StateChange> lastChanges = new HashMap<>();

    private RiskGovernor(Builder b) {
        this.clock = b.clock == null ? Clock.system() : b.clock;
        this.rules = b.rules.toArray(new RiskRule[0]);
        this.listeners = b.listeners.toArray(new RiskEventListener[0]);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rules, in check order. */
    public List<RiskRule> rules() {
        return List.of(rules);
    }

    /** Checks {@code order} for {@code account} against the trading state and every rule. */
    public synchronized RiskDecision check(OrderRequest order, AccountView account, MarketState market) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(market, "market");
        String accountId = account.accountId();
        long now = clock.epochNanos();
        RiskContext ctx = context;
        ctx.reset(order, account, market, now, effectiveState(accountId));
        List<RiskViolation> violations = stateViolations(ctx);
        for (RiskRule rule : rules) {
            RuleResult result;
            try {
                result = rule.check(ctx);
            } catch (RuntimeException e) {
                LOG.warn("risk rule {} failed on order {}; rejecting it", rule.code(), order.clientOrderId(), e);
                result = RiskViolation.of(RULE_ERROR, rule.code() + " failed: " + e);
            }
            if (!result.passed()) {
                if (violations == null) {
                    violations = new ArrayList<>(4);
                }
                violations.add((RiskViolation) result);
            }
        }
        if (violations == null) {
            RiskViolation failure = recordAcceptance(ctx, accountId, order, now);
            if (failure == null) {
                return RiskDecision.ACCEPTED;
            }
            violations = violationList(failure);
        }
        RiskDecision decision = RiskDecision.rejected(violations);
        publish(new RiskEvent.OrderRejected(accountId, order.clientOrderId(), order.instrument().id(),
                order.side(), order.quantity(), decision.violations(), EpochNanos.toInstant(now)));
        return decision;
    }

    /**
     * Takes back the acceptance of {@code order}, the last order this governor accepted, because it was never
     * sent (the gateway failed and the venue does not know it): every rule's {@link RiskRule#onAcceptanceRevoked}
     * runs, last rule first, so the throttle and the duplicate-id rule count only what a venue saw. Call it before
     * any other {@link #check}; a rule that throws here is logged and the others still run.
     */
    public synchronized void revokeAcceptance(OrderRequest order, AccountView account, MarketState market) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(market, "market");
        RiskContext ctx = context;
        ctx.reset(order, account, market, clock.epochNanos(), effectiveState(account.accountId()));
        for (int undo = rules.length - 1; undo >= 0; undo--) {
            try {
                rules[undo].onAcceptanceRevoked(ctx);
            } catch (RuntimeException e) {
                LOG.error("risk rule {} failed to take back unsent order {}", rules[undo].code(),
                        order.clientOrderId(), e);
            }
        }
    }

    /** Tells the listeners, then the rules' hooks; on any failure undoes the hooks and returns the violation. */
    private RiskViolation recordAcceptance(RiskContext ctx, String accountId, OrderRequest order, long now) {
        for (RiskEventListener listener : listeners) {
            try {
                listener.orderAccepted(accountId, order, now);
            } catch (RuntimeException e) {
                LOG.error("audit listener failed to record the acceptance of order {}; rejecting it",
                        order.clientOrderId(), e);
                return RiskViolation.of(AUDIT_ERROR, "the acceptance could not be recorded: " + e);
            }
        }
        for (int applied = 0; applied < rules.length; applied++) {
            try {
                rules[applied].onAccepted(ctx);
            } catch (RuntimeException e) {
                LOG.error("risk rule {} failed to record the acceptance of order {}; rejecting it",
                        rules[applied].code(), order.clientOrderId(), e);
                // Only the rules whose hook completed recorded anything; a hook that throws records nothing.
                for (int undo = applied - 1; undo >= 0; undo--) {
                    try {
                        rules[undo].onAcceptanceRevoked(ctx);
                    } catch (RuntimeException revokeFailure) {
                        LOG.error("risk rule {} failed to take back order {}", rules[undo].code(),
                                order.clientOrderId(), revokeFailure);
                    }
                }
                return RiskViolation.of(RULE_ERROR, rules[applied].code() + " failed to record the acceptance: "
                        + e);
            }
        }
        return null;
    }

    private static List<RiskViolation> stateViolations(RiskContext ctx) {
        TradingState state = ctx.state();
        if (state == TradingState.HALTED) {
            return violationList(RiskViolation.of(HALTED, "trading is halted for account "
                    + ctx.account().accountId() + "; a person must resume it"));
        }
        boolean reduceOnly = ctx.order().reduceOnly();
        if ((state == TradingState.REDUCING || reduceOnly) && !ctx.reducesPosition()) {
            String code = state == TradingState.REDUCING ? REDUCING : REDUCE_ONLY;
            return violationList(RiskViolation.of(code, "order " + ctx.order().clientOrderId() + " ("
                    + ctx.order().side() + " " + ctx.order().quantity() + ") does not reduce the position in "
                    + ctx.instrument() + " (net raw " + ctx.positionNetRaw() + ")"));
        }
        return null;
    }

    private static List<RiskViolation> violationList(RiskViolation violation) {
        List<RiskViolation> list = new ArrayList<>(4);
        list.add(violation);
        return list;
    }

    private TradingState effectiveState(String accountId) {
        TradingState own = accountStates.get(accountId);
        return own == null ? globalState : globalState.strictest(own);
    }

    /** Engages the kill switch: every order of every account is rejected until {@link #resume}. */
    public void halt(String who, String why) {
        setState(TradingState.HALTED, who, why);
    }

    /** Releases the kill switch (global state back to ACTIVE); account states are unchanged. */
    public void resume(String who, String why) {
        setState(TradingState.ACTIVE, who, why);
    }

    /** Sets the global state. */
    public synchronized void setState(TradingState state, String who, String why) {
        StateChange change = change(StateChange.GLOBAL, globalState, state, who, why);
        globalState = state;
        record(change);
    }

    /** Sets one account's own state (the global state still applies on top of it). */
    public synchronized void setAccountState(String accountId, TradingState state, String who, String why) {
        requireText("accountId", accountId);
        if (StateChange.GLOBAL.equals(accountId)) {
            throw new IllegalArgumentException("accountId \"" + accountId + "\" is reserved for the global state");
        }
        TradingState from = accountStates.getOrDefault(accountId, TradingState.ACTIVE);
        StateChange change = change(accountId, from, state, who, why);
        accountStates.put(accountId, state);
        record(change);
    }

    /** Halts one account until {@link #resumeAccount}. */
    @Override
    public void haltAccount(String accountId, String who, String why) {
        setAccountState(accountId, TradingState.HALTED, who, why);
    }

    /** Sets one account back to ACTIVE. */
    public void resumeAccount(String accountId, String who, String why) {
        setAccountState(accountId, TradingState.ACTIVE, who, why);
    }

    private StateChange change(String scope, TradingState from, TradingState to, String who, String why) {
        Objects.requireNonNull(to, "state");
        requireText("who", who);
        requireText("why", why);
        return new StateChange(scope, from, to, who, why, clock.now());
    }

    private void record(StateChange change) {
        lastChanges.put(change.scope(), change);
        LOG.info("trading state of {} changed {} -> {} by {}: {}", change.scope(), change.from(), change.to(),
                change.who(), change.why());
        publish(new RiskEvent.TradingStateChanged(change));
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, was " + (value == null ? "null"
                    : "\"" + value + "\""));
        }
    }

    /** The global state. */
    public synchronized TradingState state() {
        return globalState;
    }

    /** The state that applies to {@code accountId}: the stricter of its own and the global state. */
    public synchronized TradingState state(String accountId) {
        return effectiveState(accountId);
    }

    public synchronized boolean isHalted(String accountId) {
        return effectiveState(accountId) == TradingState.HALTED;
    }

    /** The last change of {@code scope} (an account id or {@link StateChange#GLOBAL}), if any. */
    public synchronized Optional<StateChange> lastChange(String scope) {
        return Optional.ofNullable(lastChanges.get(scope));
    }

    /** Passes a fill to every rule's post-trade hook. */
    public synchronized void onFill(String accountId, Fill fill) {
        Objects.requireNonNull(fill, "fill");
        for (RiskRule rule : rules) {
            try {
                rule.onFill(accountId, fill);
            } catch (RuntimeException e) {
                postTradeFailure(accountId, rule, "a fill", e);
            }
        }
    }

    /** Passes a closed round trip to every rule; a rule may halt the account from here. */
    public synchronized void onClosedTrade(ClosedTrade trade) {
        Objects.requireNonNull(trade, "trade");
        for (RiskRule rule : rules) {
            try {
                rule.onClosedTrade(trade, this);
            } catch (RuntimeException e) {
                postTradeFailure(trade.accountId(), rule, "a closed trade", e);
            }
        }
    }

    /** Every other rule still sees the event; the account whose limits this rule guards stops trading. */
    private void postTradeFailure(String accountId, RiskRule rule, String what, RuntimeException e) {
        LOG.error("risk rule {} failed on {} of account {}; halting the account", rule.code(), what, accountId, e);
        setAccountState(accountId, TradingState.HALTED, "risk-governor",
                "rule " + rule.code() + " failed on " + what + ": " + e);
    }

    /** Every listener gets the event; one that throws is logged and does not keep it from the others. */
    private void publish(RiskEvent event) {
        for (RiskEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.error("risk listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Fluent builder of a governor. */
    public static final class Builder {
        private Clock clock;
        private final List<RiskRule> rules = new ArrayList<>();
        private final List<RiskEventListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** The clock for check times and state changes; the system clock by default. Set once. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            if (this.clock != null) {
                throw new IllegalStateException("clock set twice: " + this.clock + " and " + clock);
            }
            this.clock = clock;
            return this;
        }

        /**
         * Adds a rule; rules are checked in the order added. A rule whose {@link RiskRule#code() code} is already
         * taken is refused, naming both: violations and audit records name a rule by its code, so two rules with
         * one code (two quantity limits, the same rule twice) could not be told apart.
         */
        public Builder rule(RiskRule rule) {
            Objects.requireNonNull(rule, "rule");
            Arguments.requireNewRuleCode(rules, rule);
            rules.add(rule);
            return this;
        }

        public Builder rules(RiskRule... rules) {
            for (RiskRule rule : rules) {
                rule(rule);
            }
            return this;
        }

        /** Adds an audit listener. */
        public Builder listener(RiskEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public RiskGovernor build() {
            return new RiskGovernor(this);
        }
    }
}
