package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.internal.Arguments;

/**
 * Rejects an order after which the absolute net exposure (long value minus short value) would exceed a limit
 * and be larger than before, so orders that bring net exposure back towards zero (a hedge, a close) pass.
 */
public final class MaxNetExposureRule implements RiskRule {

    public static final String CODE = "MAX_NET_EXPOSURE";

    private final Money limit;
    private final long limitRaw;

    public MaxNetExposureRule(Money limit) {
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
        long after = context.netExposureAfterRaw();
        long net = Math.abs(after);
        long orderValue = context.orderNotionalRaw();
        long before = Math.abs(Math.subtractExact(after, context.order().side().sign() * orderValue));
        if (net <= limitRaw || net < before) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "net exposure after the order would exceed " + limit, limitRaw, net,
                RiskContext.MONEY_PRECISION);
    }
}
