package dev.tradingsdk.core.risk;

/** Whether an account (or every account) may trade. Ordered from least to most restrictive. */
public enum TradingState {
    /** Every order is checked against the rules. */
    ACTIVE,
    /** Only orders that reduce an existing position are allowed. */
    REDUCING,
    /** No order is allowed until a person resumes trading. */
    HALTED;

    /** The more restrictive of the two states. */
    public TradingState strictest(TradingState other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
