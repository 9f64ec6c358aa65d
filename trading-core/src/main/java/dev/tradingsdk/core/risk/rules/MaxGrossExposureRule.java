package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;

/**
 * Rejects an order after which the sum of the absolute values of all positions (at the market mid, else at
 * cost) would exceed a limit. Orders that reduce a position always pass.
 */
public final class MaxGrossExposureRule extends ValuedOrderRule {

    public static final String CODE = "MAX_GROSS_EXPOSURE";

    private final Money limit;
    private final long limitRaw;

    public MaxGrossExposureRule(Money limit) {
        super(CODE, limit, true);
        this.limitRaw = Arguments.positiveMoneyRaw("limit", limit, RiskContext.MONEY_PRECISION);
        this.limit = limit;
    }

    @Override
    RuleResult checkValued(RiskContext context) {
        long gross = context.grossExposureAfterRaw();
        return gross <= limitRaw ? RuleResult.pass()
                : moneyViolation("gross exposure after the order would exceed " + limit, limitRaw, gross);
    }
}
