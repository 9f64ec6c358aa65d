package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;

/** Rejects an order whose notional (size × price × multiplier) exceeds a limit in the account currency. */
public final class MaxOrderNotionalRule extends ValuedOrderRule {

    public static final String CODE = "MAX_ORDER_NOTIONAL";

    private final Money limit;
    private final long limitRaw;

    public MaxOrderNotionalRule(Money limit) {
        super(CODE, limit, false);
        this.limitRaw = Arguments.positiveMoneyRaw("limit", limit, RiskContext.MONEY_PRECISION);
        this.limit = limit;
    }

    @Override
    RuleResult checkValued(RiskContext context) {
        long notional = context.orderNotionalRaw();
        return notional <= limitRaw ? RuleResult.pass()
                : moneyViolation("order notional exceeds " + limit + " for " + context.instrument(), limitRaw,
                        notional);
    }
}
