package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.risk.internal.Arguments;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rejects an order after which gross exposure / equity would exceed a leverage limit. With no positive equity
 * no new exposure is allowed. Orders that reduce a position always pass.
 */
public final class MaxLeverageRule implements RiskRule {

    public static final String CODE = "MAX_LEVERAGE";
    private static final int LEVERAGE_PRECISION = 4;

    private final BigDecimal leverage;
    private final long leverageRaw;

    /** {@code maxLeverage}, e.g. {@code 5} for 5:1; up to four decimals. */
    public MaxLeverageRule(BigDecimal maxLeverage) {
        this.leverageRaw = Arguments.positiveRaw("maxLeverage", maxLeverage, LEVERAGE_PRECISION);
        this.leverage = maxLeverage;
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
        long gross = context.grossExposureAfterRaw();
        long equity = context.equityRaw();
        long limit = equity <= 0 ? 0 : FixedMath.multiplyDivide(equity, leverageRaw,
                FixedMath.powerOfTen(LEVERAGE_PRECISION), RoundingMode.DOWN);
        if (gross <= limit) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "gross exposure after the order would exceed " + leverage.toPlainString()
                + "x equity", limit, gross, RiskContext.MONEY_PRECISION);
    }
}
