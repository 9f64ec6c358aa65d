package dev.tradingsdk.core.risk;

import java.util.Objects;

/**
 * Rejects an order whose initial margin under the account's {@link MarginModel} exceeds the account's margin
 * available. Orders that reduce a position free margin and always pass.
 */
public final class MarginAvailableRule implements RiskRule {

    public static final String CODE = "MARGIN_AVAILABLE";

    private final MarginModel marginModel;

    public MarginAvailableRule(MarginModel marginModel) {
        this.marginModel = Objects.requireNonNull(marginModel, "marginModel");
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
        RiskViolation unavailable = MoneyLimits.unavailable(context, CODE, null);
        if (unavailable != null) {
            return unavailable;
        }
        long required = marginModel.initialMarginRaw(context.instrument(), context.orderNotionalRaw());
        long available = RiskContext.moneyRaw(context.account().marginAvailable());
        if (required <= available) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "order needs more margin than the account has available", available,
                required, RiskContext.MONEY_PRECISION);
    }
}
