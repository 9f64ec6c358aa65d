package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.portfolio.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delta of one unit of an instrument with respect to its underlying, raw at {@link #DELTA_PRECISION}
 * (before the contract multiplier). Options need a model or a feed of greeks (the {@code options} package's
 * {@code GreeksBook} computes them from the underlying's price and a volatility); linear instruments have 1.
 */
@FunctionalInterface
public interface DeltaSource {

    int DELTA_PRECISION = 6;

    /** Returned when the delta of an instrument is not known. */
    long UNKNOWN = Long.MIN_VALUE;

    /** Every non-option has delta 1; options are unknown. */
    DeltaSource LINEAR = instrument -> instrument.assetClass() == AssetClass.OPTION ? UNKNOWN
            : FixedMath.powerOfTen(DELTA_PRECISION);

    /** Delta per unit of {@code instrument}, raw, or {@link #UNKNOWN}. */
    long deltaRaw(Instrument instrument);

    /**
     * Fixed deltas for the listed instruments (e.g. options), {@link #LINEAR} for the rest; each delta is rounded
     * half-even to {@value #DELTA_PRECISION} decimals.
     */
    static DeltaSource of(Map<InstrumentId, BigDecimal> deltas) {
        Map<InstrumentId, Long> raw = new HashMap<>();
        deltas.forEach((id, delta) -> {
            if (delta == null) {
                throw new IllegalArgumentException("delta of " + id + " must not be null");
            }
            raw.put(id, FixedMath.fromBigDecimal(delta, DELTA_PRECISION, RoundingMode.HALF_EVEN));
        });
        Map<InstrumentId, Long> table = Map.copyOf(raw);
        return instrument -> {
            Long delta = table.get(instrument.id());
            return delta != null ? delta : LINEAR.deltaRaw(instrument);
        };
    }

    /**
     * Net delta of {@code positions} on {@code underlying} (Σ net size × multiplier × delta over the positions
     * whose instrument has that underlying), in units of the underlying, raw at {@link #DELTA_PRECISION};
     * {@link #UNKNOWN} when the delta of one of them is unknown. Allocation free.
     */
    default long netDeltaRaw(List<Position> positions, String underlying) {
        long net = 0;
        for (int i = 0, n = positions.size(); i < n; i++) {
            Position p = positions.get(i);
            Instrument instrument = p.instrument();
            if (!instrument.underlying().equals(underlying)) {
                continue;
            }
            long delta = deltaRaw(instrument);
            if (delta == UNKNOWN) {
                return UNKNOWN;
            }
            net = Math.addExact(net, exposureRaw(instrument, p.netRaw(), delta));
        }
        return net;
    }

    /**
     * Signed size × multiplier × delta in units of the underlying, raw at {@link #DELTA_PRECISION}, rounded
     * half-even; {@code signedSizeRaw} is at the instrument's size precision. Overflow throws.
     */
    static long exposureRaw(Instrument instrument, long signedSizeRaw, long deltaRaw) {
        long units = FixedMath.multiply(signedSizeRaw, instrument.sizePrecision(), instrument.multiplier().raw(),
                instrument.multiplier().precision(), DELTA_PRECISION, RoundingMode.HALF_EVEN);
        return FixedMath.multiply(units, DELTA_PRECISION, deltaRaw, DELTA_PRECISION, DELTA_PRECISION,
                RoundingMode.HALF_EVEN);
    }
}
