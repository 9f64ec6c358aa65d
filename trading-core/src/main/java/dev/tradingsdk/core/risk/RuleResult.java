package dev.tradingsdk.core.risk;

/**
 * What one {@link RiskRule} says about an order: {@link #pass()} (a shared constant, so passing allocates
 * nothing) or a {@link RiskViolation} with the reason and the numbers involved.
 */
public sealed interface RuleResult permits RuleResult.Pass, RiskViolation {

    /** The shared passing result. */
    static RuleResult pass() {
        return Pass.INSTANCE;
    }

    boolean passed();

    /** The single passing result. */
    enum Pass implements RuleResult {
        INSTANCE;

        @Override
        public boolean passed() {
            return true;
        }
    }
}
