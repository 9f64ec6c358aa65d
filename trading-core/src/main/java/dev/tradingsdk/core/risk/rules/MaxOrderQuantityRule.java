package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import java.util.Map;
import java.util.Objects;

/** Rejects an order larger than a size limit (a fat-finger check); the limit may differ per instrument. */
public final class MaxOrderQuantityRule implements RiskRule {

    public static final String CODE = "MAX_ORDER_QUANTITY";

    private final Quantity defaultLimit;
    private final Map<InstrumentId, Quantity> limits;

    /** The same limit for every instrument. */
    public MaxOrderQuantityRule(Quantity limit) {
        this(limit, Map.of());
    }

    /** {@code limits} per instrument, {@code defaultLimit} for the others. */
    public MaxOrderQuantityRule(Quantity defaultLimit, Map<InstrumentId, Quantity> limits) {
        this.defaultLimit = checkLimit("defaultLimit", defaultLimit);
        limits.forEach((id, q) -> checkLimit("limit of " + id, q));
        this.limits = Map.copyOf(limits);
    }

    private static Quantity checkLimit(String field, Quantity limit) {
        if (limit == null || limit.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive quantity, was " + limit);
        }
        return limit;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        Quantity limit = limits.isEmpty() ? defaultLimit
                : Objects.requireNonNullElse(limits.get(context.instrument().id()), defaultLimit);
        Quantity size = context.order().quantity();
        if (FixedMath.compare(size.raw(), size.precision(), limit.raw(), limit.precision()) <= 0) {
            return RuleResult.pass();
        }
        return new RiskViolation(CODE, "order size " + size + " exceeds the limit " + limit + " for "
                + context.instrument(), limit.toBigDecimal(), size.toBigDecimal());
    }
}
