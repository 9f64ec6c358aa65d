package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;

/**
 * Rejects an order after which the absolute net exposure (long value minus short value) would exceed a limit
 * and be larger than before, so orders that bring net exposure back towards zero (a hedge, a close) pass.
 */
public final class MaxNetExposureRule extends ValuedOrderRule {

    public static final String CODE = "MAX_NET_EXPOSURE";

    private final Money limit;
    private final long limitRaw;

    public MaxNetExposureRule(Money limit) {
        super(CODE, limit, true);
        this.limitRaw = Arguments.positiveMoneyRaw("limit", limit, RiskContext.MONEY_PRECISION);
        this.limit = limit;
    }

    @Override
    RuleResult checkValued(RiskContext context) {
        long after = context.netExposureAfterRaw();
        long net = Math.abs(after);
        long orderValue = context.order().side().sign() * context.orderNotionalRaw();
        long before = Math.abs(Math.subtractExact(after, orderValue));
        return net <= limitRaw || net < before ? RuleResult.pass()
                : moneyViolation("net exposure after the order would exceed " + limit, limitRaw, net);
    }
}
