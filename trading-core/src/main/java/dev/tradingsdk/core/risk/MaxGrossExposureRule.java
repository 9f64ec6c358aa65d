package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.internal.Arguments;

/**
 * Rejects an order after which the sum of the absolute values of all positions (at the market mid, else at
 * cost) would exceed a limit. Orders that reduce a position always pass.
 */
public final class MaxGrossExposureRule implements RiskRule {

    public static final String CODE = "MAX_GROSS_EXPOSURE";

    private final Money limit;
    private final long limitRaw;

    public MaxGrossExposureRule(Money limit) {
        this.limitRaw = Arguments.positiveMoneyRaw("limit", limit, RiskContext.MONEY_PRECISION);
        this.limit = limit;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        if (context.reducesPosition()) {
            return RuleResult.pass();
        }
        RiskViolation unavailable = MoneyLimits.unavailable(context, CODE, limit);
        if (unavailable != null) {
            return unavailable;
        }
        long gross = context.grossExposureAfterRaw();
        if (gross <= limitRaw) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "gross exposure after the order would exceed " + limit, limitRaw, gross,
                RiskContext.MONEY_PRECISION);
    }
}
