package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.portfolio.ClosedTrade;

/**
 * One pre-trade check. {@link #check} reads the {@link RiskContext} and returns {@link RuleResult#pass()} or a
 * {@link RiskViolation}; it must not change the rule's state, so a rejected order leaves no trace. Rules that
 * keep state (rate counters, seen ids, loss streaks) update it in the hooks, which the governor calls under
 * its lock. The pass path of a rule should allocate nothing.
 */
public interface RiskRule {

    /** A short stable code naming the rule, e.g. {@code MAX_ORDER_QUANTITY}; used in violations and audit. */
    String code();

    /** Checks the order in {@code context}. */
    RuleResult check(RiskContext context);

    /**
     * Called when every rule passed the order in {@code context} and it is about to be submitted. A hook that
     * throws must have recorded nothing: the order is rejected and only the rules before it are asked to take
     * the acceptance back.
     */
    default void onAccepted(RiskContext context) {
    }

    /**
     * Takes back {@link #onAccepted} for the order in {@code context}: called at once (under the same lock) when
     * a later rule's hook or an audit listener failed, so the order is rejected and never sent. Rules that keep
     * state in {@code onAccepted} undo it here; it must not throw.
     */
    default void onAcceptanceRevoked(RiskContext context) {
    }

    /** Called for every fill booked on an account this governor watches. */
    default void onFill(String accountId, Fill fill) {
    }

    /** Called when a round trip closes; a rule may halt trading through {@code killSwitch}. */
    default void onClosedTrade(ClosedTrade trade, KillSwitch killSwitch) {
    }
}
