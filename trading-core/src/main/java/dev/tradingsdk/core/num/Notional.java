package dev.tradingsdk.core.num;

import java.math.RoundingMode;

/**
 * Dimensional products of values: price × quantity × multiplier is {@link Money}. The result carries
 * {@code min(pricePrecision + quantityPrecision + multiplierPrecision, 9)} decimals; digits beyond the ninth
 * are rounded half-even (at most 1e-9 of the currency). A product beyond the range of a {@code long} at that
 * precision throws {@link ArithmeticException}.
 */
public final class Notional {

    private Notional() {
    }

    /** {@code price × quantity} in {@code currency}. */
    public static Money of(Price price, Quantity quantity, Currency currency) {
        int precision = Math.min(price.precision() + quantity.precision(), FixedMath.MAX_PRECISION);
        long raw = FixedMath.multiply(price.raw(), price.precision(), quantity.raw(), quantity.precision(),
                precision, RoundingMode.HALF_EVEN);
        return Money.ofRaw(raw, precision, currency);
    }

    /** {@code price × quantity × multiplier} in {@code currency}. */
    public static Money of(Price price, Quantity quantity, Quantity multiplier, Currency currency) {
        Money perUnit = of(price, quantity, currency);
        if (multiplier.raw() == FixedMath.powerOfTen(multiplier.precision())) {
            return perUnit;
        }
        int precision = Math.min(perUnit.precision() + multiplier.precision(), FixedMath.MAX_PRECISION);
        long raw = FixedMath.multiply(perUnit.raw(), perUnit.precision(), multiplier.raw(), multiplier.precision(),
                precision, RoundingMode.HALF_EVEN);
        return Money.ofRaw(raw, precision, currency);
    }

    /**
     * Raw notional at {@code resultPrecision} from raw inputs, for hot paths that work on primitive arrays.
     * Rounds with {@code mode}; throws on overflow.
     */
    public static long raw(long priceRaw, int pricePrecision, long quantityRaw, int quantityPrecision,
                           int resultPrecision, RoundingMode mode) {
        return FixedMath.multiply(priceRaw, pricePrecision, quantityRaw, quantityPrecision, resultPrecision, mode);
    }
}
