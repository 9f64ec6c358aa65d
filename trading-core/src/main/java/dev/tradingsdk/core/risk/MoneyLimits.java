package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.num.Money;

/** Preconditions shared by the rules that compare money with a limit. */
final class MoneyLimits {

    private MoneyLimits() {
    }

    /**
     * The violation when the order cannot be valued or {@code limit} is not in the account currency;
     * {@code null} when the rule can compare.
     */
    static RiskViolation unavailable(RiskContext context, String code, Money limit) {
        if (limit != null && !limit.currency().equals(context.account().currency())) {
            return RiskViolation.of(RiskContext.CURRENCY_MISMATCH, code + " limit " + limit
                    + " is not in the account currency " + context.account().currency());
        }
        return context.moneyFiguresUnavailable(code);
    }
}
