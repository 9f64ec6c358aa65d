package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.risk.internal.Arguments;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Rejects an order after which the net delta on its underlying (Σ net size × multiplier × delta over every
 * position with the same underlying, in units of the underlying) would exceed a limit in absolute value and
 * be larger than before. Deltas come from a {@link DeltaSource}; an unknown delta rejects the order.
 */
public final class MaxNetDeltaRule implements RiskRule {

    public static final String CODE = "MAX_NET_DELTA";
    public static final String NO_DELTA = "NO_DELTA";
    private static final int P = DeltaSource.DELTA_PRECISION;

    private final BigDecimal limit;
    private final long limitRaw;
    private final DeltaSource deltas;

    /** {@code maxNetDelta} in units of the underlying (up to six decimals) per underlying. */
    public MaxNetDeltaRule(BigDecimal maxNetDelta, DeltaSource deltas) {
        this.limitRaw = Arguments.positiveRaw("maxNetDelta", maxNetDelta, P);
        this.limit = maxNetDelta;
        this.deltas = Objects.requireNonNull(deltas, "deltas");
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        Instrument instrument = context.instrument();
        long orderDelta = deltaRaw(instrument);
        if (orderDelta == DeltaSource.UNKNOWN) {
            return RiskViolation.of(NO_DELTA, "no delta known for " + instrument);
        }
        String underlying = instrument.underlying();
        long before = 0;
        List<Position> positions = context.account().positions();
        for (int i = 0, n = positions.size(); i < n; i++) {
            Position p = positions.get(i);
            Instrument pi = p.instrument();
            if (!pi.underlying().equals(underlying)) {
                continue;
            }
            long delta = deltaRaw(pi);
            if (delta == DeltaSource.UNKNOWN) {
                return RiskViolation.of(NO_DELTA, "no delta known for held " + pi);
            }
            before = Math.addExact(before, exposure(pi, p.netRaw(), delta));
        }
        long after = Math.addExact(before, exposure(instrument, context.signedOrderQuantityRaw(), orderDelta));
        // absExact: Math.abs(Long.MIN_VALUE) stays negative and would pass any limit.
        long absAfter = Math.absExact(after);
        if (absAfter <= limitRaw || absAfter < Math.absExact(before)) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "net delta on " + underlying + " after the order would exceed "
                + limit.toPlainString(), limitRaw, absAfter, P);
    }

    private long deltaRaw(Instrument instrument) {
        return deltas.deltaRaw(instrument);
    }

    /** Signed size × multiplier × delta in units of the underlying, raw at the delta precision. */
    private static long exposure(Instrument instrument, long signedSizeRaw, long deltaRaw) {
        long units = FixedMath.multiply(signedSizeRaw, instrument.sizePrecision(), instrument.multiplier().raw(),
                instrument.multiplier().precision(), P, RoundingMode.HALF_EVEN);
        return FixedMath.multiply(units, P, deltaRaw, P, P, RoundingMode.HALF_EVEN);
    }
}
