package dev.tradingsdk.core.num;

import java.math.BigDecimal;
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

    /**
     * {@code price × quantity × multiplier} in {@code currency}, rounded once: the exact triple product goes
     * through a 128-bit step (or BigDecimal when price × quantity alone exceeds a long), never through a
     * rounded intermediate.
     */
    public static Money of(Price price, Quantity quantity, Quantity multiplier, Currency currency) {
        if (multiplier.raw() == 1 && multiplier.precision() == 0) {
            return of(price, quantity, currency);
        }
        int productPrecision = price.precision() + quantity.precision();
        int precision = Math.min(productPrecision + multiplier.precision(), FixedMath.MAX_PRECISION);
        long priceTimesQuantity;
        try {
            priceTimesQuantity = Math.multiplyExact(price.raw(), quantity.raw());
        } catch (ArithmeticException wide) {
            BigDecimal exact = price.toBigDecimal().multiply(quantity.toBigDecimal())
                    .multiply(multiplier.toBigDecimal());
            return Money.ofRaw(FixedMath.fromBigDecimal(exact, precision, RoundingMode.HALF_EVEN), precision, currency);
        }
        long raw = FixedMath.multiply(priceTimesQuantity, productPrecision, multiplier.raw(), multiplier.precision(),
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
