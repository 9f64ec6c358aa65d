package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.risk.internal.RawValuation;
import dev.tradingsdk.core.risk.internal.WideMath;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rejects an order that would make the position in its instrument worth more than a percentage of equity
 * (valued at the order's price). Orders that reduce the position always pass.
 */
public final class MaxPositionPercentRule extends ValuedOrderRule {

    public static final String CODE = "MAX_POSITION_PERCENT";
    private static final int PERCENT_PRECISION = 4;
    private static final long HUNDRED_PERCENT = 100 * FixedMath.powerOfTen(PERCENT_PRECISION);

    private final BigDecimal percent;
    private final long percentRaw;

    /** {@code percentOfEquity}, e.g. {@code 20} for 20 %; up to four decimals. */
    public MaxPositionPercentRule(BigDecimal percentOfEquity) {
        super(CODE, null, true);
        this.percentRaw = Arguments.positiveRaw("percentOfEquity", percentOfEquity, PERCENT_PRECISION);
        this.percent = percentOfEquity;
    }

    @Override
    RuleResult checkValued(RiskContext context) {
        long value = RawValuation.notionalRaw(context.instrument(), Math.abs(context.positionAfterRaw()),
                context.referencePriceRaw());
        long equity = context.equityRaw();
        if (equity > 0 && WideMath.compareProducts(value, HUNDRED_PERCENT, equity, percentRaw) <= 0) {
            return RuleResult.pass();
        }
        long limit = equity <= 0 ? 0 : FixedMath.multiplyDivide(equity, percentRaw, HUNDRED_PERCENT,
                RoundingMode.DOWN);
        return moneyViolation("position in " + context.instrument() + " after the order would exceed "
                + percent.toPlainString() + "% of equity", limit, value);
    }
}
