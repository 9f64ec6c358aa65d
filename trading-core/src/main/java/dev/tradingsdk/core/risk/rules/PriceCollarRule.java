package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.risk.internal.WideMath;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rejects a limit order priced more than a percentage away from the mid; market and stop orders pass. A limit
 * order with no two-sided market is rejected, since it cannot be checked.
 */
public final class PriceCollarRule implements RiskRule {

    public static final String CODE = "PRICE_COLLAR";
    private static final int PERCENT_PRECISION = 4;
    /** |limit − mid| / mid × 100 at four decimals, as |2·limit − (bid + ask)| × 10^6 against pct × (bid + ask). */
    private static final long SCALE = 100 * FixedMath.powerOfTen(PERCENT_PRECISION);

    private final BigDecimal maxPercent;
    private final long maxPercentRaw;

    /** {@code maxDeviationPercent}, e.g. {@code 5} for 5 % of the mid; up to four decimals. */
    public PriceCollarRule(BigDecimal maxDeviationPercent) {
        this.maxPercentRaw = Arguments.positiveRaw("maxDeviationPercent", maxDeviationPercent, PERCENT_PRECISION);
        this.maxPercent = maxDeviationPercent;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        Price limit = context.order().limitPriceOrNull();
        if (limit == null) {
            return RuleResult.pass();
        }
        MarketSnapshot s = context.snapshot();
        if (s == null || !s.isTwoSided()) {
            return RiskViolation.of(SpreadGuardRule.NO_MARKET, "no mid to check the limit price " + limit + " of "
                    + context.order().clientOrderId() + " on " + context.instrument());
        }
        long sum = Math.addExact(s.bidRaw(), s.askRaw());
        long deviation = Math.abs(Math.subtractExact(Math.multiplyExact(2,
                limit.rawAt(context.instrument().pricePrecision())), sum));
        if (sum > 0 && WideMath.compareProducts(deviation, SCALE, maxPercentRaw, sum) <= 0) {
            return RuleResult.pass();
        }
        BigDecimal actual = sum <= 0 ? null : BigDecimal.valueOf(deviation).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(sum), PERCENT_PRECISION, RoundingMode.UP);
        return new RiskViolation(CODE, "limit price " + limit + " is more than " + maxPercent.toPlainString()
                + "% from the mid of " + context.instrument(), maxPercent, actual);
    }
}
