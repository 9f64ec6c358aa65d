package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import java.math.BigDecimal;

/**
 * Rejects an order that would open a position (a leg) in a new instrument when the account already holds the
 * maximum number of open positions. Orders in instruments already held always pass.
 */
public final class MaxOpenPositionsRule implements RiskRule {

    public static final String CODE = "MAX_OPEN_POSITIONS";

    private final int maxPositions;

    public MaxOpenPositionsRule(int maxPositions) {
        this.maxPositions = Arguments.positive("maxPositions", maxPositions);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        if (context.positionNetRaw() != 0) {
            return RuleResult.pass();
        }
        int open = context.openPositionCount();
        if (open < maxPositions) {
            return RuleResult.pass();
        }
        return new RiskViolation(CODE, "opening a position in " + context.instrument() + " would make "
                + (open + 1) + " open positions", BigDecimal.valueOf(maxPositions), BigDecimal.valueOf(open + 1L));
    }
}
