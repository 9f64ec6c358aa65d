package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.risk.internal.WideMath;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rejects an order after which gross exposure / equity would exceed a leverage limit. With no positive equity
 * no new exposure is allowed. Orders that reduce a position always pass.
 */
public final class MaxLeverageRule extends ValuedOrderRule {

    public static final String CODE = "MAX_LEVERAGE";
    private static final int LEVERAGE_PRECISION = 4;
    private static final long ONE = FixedMath.powerOfTen(LEVERAGE_PRECISION);

    private final BigDecimal leverage;
    private final long leverageRaw;

    /** {@code maxLeverage}, e.g. {@code 5} for 5:1; up to four decimals. */
    public MaxLeverageRule(BigDecimal maxLeverage) {
        super(CODE, null, true);
        this.leverageRaw = Arguments.positiveRaw("maxLeverage", maxLeverage, LEVERAGE_PRECISION);
        this.leverage = maxLeverage;
    }

    @Override
    RuleResult checkValued(RiskContext context) {
        long gross = context.grossExposureAfterRaw();
        long equity = context.equityRaw();
        if (equity > 0 && WideMath.compareProducts(gross, ONE, equity, leverageRaw) <= 0) {
            return RuleResult.pass();
        }
        long limit = equity <= 0 ? 0 : FixedMath.multiplyDivide(equity, leverageRaw, ONE, RoundingMode.DOWN);
        return moneyViolation("gross exposure after the order would exceed " + leverage.toPlainString()
                + "x equity", limit, gross);
    }
}
