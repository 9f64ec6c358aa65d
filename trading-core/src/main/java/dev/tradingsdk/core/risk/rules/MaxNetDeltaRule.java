package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.risk.DeltaSource;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Rejects an order after which the net delta on its underlying (Σ net size × multiplier × delta over every
 * position with the same underlying, in units of the underlying) would exceed a limit in absolute value and
 * be larger than before. Deltas come from a {@link DeltaSource}; an unknown delta rejects the order. The
 * rejection's message names the net delta before and after the order, and its {@code actual} is |after|.
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
        long orderDelta = deltas.deltaRaw(instrument);
        if (orderDelta == DeltaSource.UNKNOWN) {
            return RiskViolation.of(NO_DELTA, "no delta known for " + instrument);
        }
        String underlying = instrument.underlying();
        List<Position> positions = context.account().positions();
        long before = deltas.netDeltaRaw(positions, underlying);
        if (before == DeltaSource.UNKNOWN) {
            return RiskViolation.of(NO_DELTA, "no delta known for a held position on " + underlying + ": "
                    + unknownHeld(positions, underlying));
        }
        long after = Math.addExact(before, DeltaSource.exposureRaw(instrument, context.signedOrderQuantityRaw(),
                orderDelta));
        // absExact: Math.abs(Long.MIN_VALUE) stays negative and would pass any limit.
        long absAfter = Math.absExact(after);
        if (absAfter <= limitRaw || absAfter < Math.absExact(before)) {
            return RuleResult.pass();
        }
        return RiskViolation.of(CODE, "net delta on " + underlying + " would go from "
                + FixedMath.toBigDecimal(before, P).toPlainString() + " to "
                + FixedMath.toBigDecimal(after, P).toPlainString() + " (order delta "
                + FixedMath.toBigDecimal(after - before, P).toPlainString() + "), beyond the limit "
                + limit.toPlainString(), limitRaw, absAfter, P);
    }

    private String unknownHeld(List<Position> positions, String underlying) {
        StringBuilder held = new StringBuilder();
        for (Position p : positions) {
            Instrument pi = p.instrument();
            if (pi.underlying().equals(underlying) && deltas.deltaRaw(pi) == DeltaSource.UNKNOWN) {
                held.append(held.length() == 0 ? "" : ", ").append(pi);
            }
        }
        return held.toString();
    }
}
