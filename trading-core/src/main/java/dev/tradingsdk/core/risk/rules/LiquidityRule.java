package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import dev.tradingsdk.core.risk.internal.WideMath;
import java.math.BigDecimal;

/**
 * Rejects an order when the opposite side of the book, up to the order's limit price (all of it for a market
 * order), holds less than {@code k ×} the order size.
 */
public final class LiquidityRule implements RiskRule {

    public static final String CODE = "INSUFFICIENT_LIQUIDITY";
    private static final int FACTOR_PRECISION = 4;
    private static final long ONE = FixedMath.powerOfTen(FACTOR_PRECISION);

    private final BigDecimal factor;
    private final long factorRaw;

    /** {@code depthFactor} k (up to four decimals), e.g. {@code 3} for depth of at least 3 × the order size. */
    public LiquidityRule(BigDecimal depthFactor) {
        this.factorRaw = Arguments.positiveRaw("depthFactor", depthFactor, FACTOR_PRECISION);
        this.factor = depthFactor;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        MarketSnapshot s = context.snapshot();
        Side side = context.order().side();
        long available = 0;
        if (s != null) {
            Price limit = context.order().limitPriceOrNull();
            long limitRaw = limit != null ? limit.rawAt(context.instrument().pricePrecision())
                    : side == Side.BUY ? Long.MAX_VALUE : Long.MIN_VALUE;
            available = s.availableRaw(side, limitRaw);
        }
        long size = context.orderQuantityRaw();
        if (WideMath.compareProducts(available, ONE, factorRaw, size) >= 0) {
            return RuleResult.pass();
        }
        int sp = context.instrument().sizePrecision();
        BigDecimal needed = FixedMath.toBigDecimal(size, sp).multiply(factor);
        return new RiskViolation(CODE, "only " + FixedMath.format(available, sp) + " available on the "
                + (side == Side.BUY ? "ask" : "bid") + " side of " + context.instrument() + ", need "
                + factor.toPlainString() + " x " + FixedMath.format(size, sp), needed,
                FixedMath.toBigDecimal(available, sp));
    }
}
