package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.FixedMath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The delta of one unit of an instrument with respect to its underlying, raw at {@link #DELTA_PRECISION}
 * (before the contract multiplier). Options need a model or a feed of greeks; linear instruments have 1.
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
}
