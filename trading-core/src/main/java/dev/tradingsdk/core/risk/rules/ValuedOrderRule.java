package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;

/**
 * The shape shared by the rules that value the order in money: orders that reduce a position may pass
 * unchecked, a money limit must be in the account currency, and the order must have a price and be quoted in
 * the account currency before {@link #checkValued} compares figures.
 */
abstract class ValuedOrderRule implements RiskRule {

    private final String code;
    private final Money limit;
    private final boolean reductionsPass;

    /** {@code limit} is {@code null} for rules whose limit is a ratio (leverage, percent of equity). */
    ValuedOrderRule(String code, Money limit, boolean reductionsPass) {
        this.code = code;
        this.limit = limit;
        this.reductionsPass = reductionsPass;
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final RuleResult check(RiskContext context) {
        if (reductionsPass && context.reducesPosition()) {
            return RuleResult.pass();
        }
        if (limit != null && !limit.currency().equals(context.account().currency())) {
            return RiskViolation.of(RiskContext.CURRENCY_MISMATCH, code + " limit " + limit
                    + " is not in the account currency " + context.account().currency());
        }
        RiskViolation unavailable = context.moneyFiguresUnavailable(code);
        return unavailable != null ? unavailable : checkValued(context);
    }

    /** Compares the valued order with the limit; the money figures of {@code context} are available. */
    abstract RuleResult checkValued(RiskContext context);

    /** A violation of this rule comparing two raw money figures. */
    final RiskViolation moneyViolation(String message, long limitRaw, long actualRaw) {
        return RiskViolation.of(code, message, limitRaw, actualRaw, RiskContext.MONEY_PRECISION);
    }
}
