package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.risk.MarginModel;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.RawValuation;
import java.util.Objects;

/**
 * Rejects an order whose initial margin under the account's {@link MarginModel} exceeds the account's margin
 * available. Orders that reduce a position free margin and always pass.
 */
public final class MarginAvailableRule extends ValuedOrderRule {

    public static final String CODE = "MARGIN_AVAILABLE";

    private final MarginModel marginModel;

    public MarginAvailableRule(MarginModel marginModel) {
        super(CODE, null, true);
        this.marginModel = Objects.requireNonNull(marginModel, "marginModel");
    }

    @Override
    RuleResult checkValued(RiskContext context) {
        long required = marginModel.initialMarginRaw(context.instrument(), context.orderNotionalRaw());
        long available = RawValuation.moneyRaw(context.account().marginAvailable());
        return required <= available ? RuleResult.pass()
                : moneyViolation("order needs more margin than the account has available", available, required);
    }
}
