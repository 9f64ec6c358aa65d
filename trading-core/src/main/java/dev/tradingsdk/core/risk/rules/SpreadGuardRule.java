package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.risk.internal.WideMath;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rejects an order when the spread of its instrument exceeds a limit in basis points of the mid, or when the
 * market is not two-sided.
 */
public final class SpreadGuardRule implements RiskRule {

    public static final String CODE = "SPREAD_TOO_WIDE";
    public static final String NO_MARKET = "NO_MARKET";
    private static final int BPS_PRECISION = 2;
    /** spread / mid × 10_000 bps at two decimals: spread × 2 × 10_000 × 100 compared with bps × (bid + ask). */
    private static final long SCALE = 2L * 10_000 * 100;

    private final BigDecimal maxSpreadBps;
    private final long maxBpsRaw;

    /** {@code maxSpreadBps}: the widest spread allowed, in basis points of the mid (two decimals). */
    public SpreadGuardRule(BigDecimal maxSpreadBps) {
        this.maxBpsRaw = Arguments.positiveRaw("maxSpreadBps", maxSpreadBps, BPS_PRECISION);
        this.maxSpreadBps = maxSpreadBps;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        MarketSnapshot s = context.snapshot();
        if (s == null || !s.isTwoSided()) {
            return RiskViolation.of(NO_MARKET, "no two-sided market for " + context.instrument());
        }
        long spread = Math.subtractExact(s.askRaw(), s.bidRaw());
        long sum = Math.addExact(s.bidRaw(), s.askRaw());
        if (sum > 0 && WideMath.compareProducts(spread, SCALE, maxBpsRaw, sum) <= 0) {
            return RuleResult.pass();
        }
        BigDecimal actual = sum <= 0 ? null : FixedMath.toBigDecimal(spread, 0).multiply(BigDecimal.valueOf(20_000))
                .divide(BigDecimal.valueOf(sum), BPS_PRECISION, RoundingMode.UP);
        return new RiskViolation(CODE, "spread of " + context.instrument() + " is wider than "
                + maxSpreadBps.toPlainString() + " bps of the mid", maxSpreadBps, actual);
    }
}
