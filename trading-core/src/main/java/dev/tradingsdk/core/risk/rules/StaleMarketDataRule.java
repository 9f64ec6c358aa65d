package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.market.MarketSnapshot;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import java.math.BigDecimal;
import java.time.Duration;

/** Rejects an order when the market of its instrument is unknown or older than a maximum age. */
public final class StaleMarketDataRule implements RiskRule {

    public static final String CODE = "STALE_MARKET_DATA";

    private final Duration maxAge;
    private final long maxAgeNanos;

    public StaleMarketDataRule(Duration maxAge) {
        this.maxAge = Arguments.positive("maxAge", maxAge);
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        MarketSnapshot snapshot = context.snapshot();
        if (snapshot == null) {
            return RiskViolation.of(CODE, "no market data for " + context.instrument());
        }
        long updated = snapshot.updatedAtNanos();
        if (updated >= context.nowNanos() - maxAgeNanos) {
            return RuleResult.pass();
        }
        long age;
        try {
            age = Math.subtractExact(context.nowNanos(), updated);
        } catch (ArithmeticException e) {
            age = Long.MAX_VALUE;
        }
        return new RiskViolation(CODE, "market data for " + context.instrument() + " is older than " + maxAge
                + " (nanoseconds)", BigDecimal.valueOf(maxAgeNanos), BigDecimal.valueOf(age));
    }
}
