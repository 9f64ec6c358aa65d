package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.risk.internal.Arguments;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much margin an account must post to hold a position. Venues with their own model (a CFD engine)
 * implement it; {@link #rate} and {@link #byAssetClass} cover fixed margin rates.
 */
@FunctionalInterface
public interface MarginModel {

    /** Decimal places of margin rates. */
    int RATE_PRECISION = 6;

    /** A cash account: the full notional. */
    MarginModel CASH = rate(BigDecimal.ONE);

    /**
     * Initial margin for a position of {@code notionalRaw} (raw at {@link RiskContext#MONEY_PRECISION}) in
     * {@code instrument}, raw at the same precision.
     */
    long initialMarginRaw(Instrument instrument, long notionalRaw);

    /** The same rate for every instrument, e.g. {@code 0.05} for 20:1 leverage; rounded up. */
    static MarginModel rate(BigDecimal rate) {
        long rateRaw = Arguments.positiveRaw("rate", rate, RATE_PRECISION);
        long one = FixedMath.powerOfTen(RATE_PRECISION);
        return (instrument, notionalRaw) -> FixedMath.multiplyDivide(notionalRaw, rateRaw, one, RoundingMode.UP);
    }

    /** A rate per asset class; asset classes not listed need the full notional. */
    static MarginModel byAssetClass(Map<AssetClass, BigDecimal> rates) {
        EnumMap<AssetClass, Long> raw = new EnumMap<>(AssetClass.class);
        rates.forEach((assetClass, rate) -> raw.put(assetClass,
                Arguments.positiveRaw("rate of " + assetClass, rate, RATE_PRECISION)));
        long one = FixedMath.powerOfTen(RATE_PRECISION);
        long[] table = new long[AssetClass.values().length];
        for (AssetClass c : AssetClass.values()) {
            table[c.ordinal()] = raw.getOrDefault(c, one);
        }
        return (instrument, notionalRaw) -> FixedMath.multiplyDivide(notionalRaw,
                table[instrument.assetClass().ordinal()], one, RoundingMode.UP);
    }
}
