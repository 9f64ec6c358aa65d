package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.internal.Arguments;

/** Rejects an order whose notional (size × price × multiplier) exceeds a limit in the account currency. */
public final class MaxOrderNotionalRule implements RiskRule {

    public static final String CODE = "MAX_ORDER_NOTIONAL";

    private final Money limit;
    private final long limitRaw;

    public MaxOrderNotionalRule(Money limit) {
        this.limitRaw = Arguments.positiveMoneyRaw("limit", limit, RiskContext.MONEY_PRECISION);
        this.limit = limit;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        RiskViolation unavailable = MoneyLimits.unavailable(context, CODE, limit);
        if (unavailable != null) {
            return unavailable;
        }
        long notional = context.orderNotionalRaw();
        if (notional <= limitRaw) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "order notional exceeds " + limit + " for " + context.instrument(), limitRaw,
                notional, RiskContext.MONEY_PRECISION);
    }
}
