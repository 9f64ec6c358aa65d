package dev.tradingsdk.core.num;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An immutable exact price: {@code raw / 10^precision}. Prices may be negative (spreads, some options).
 * Equality is by numeric value, so {@code 1.20} equals {@code 1.2}.
 */
public final class Price extends FixedPointValue implements Comparable<Price> {

    private Price(long raw, int precision) {
        super(raw, precision);
    }

    /** A price from its raw value at {@code precision}. */
    public static Price ofRaw(long raw, int precision) {
        return new Price(raw, precision);
    }

    /** Parses a plain decimal; the precision is the number of decimals written. */
    public static Price of(String text) {
        int precision = inferPrecision("price", text);
        return new Price(parseRaw("price", text, precision, RoundingMode.UNNECESSARY), precision);
    }

    /** Parses a plain decimal at {@code precision}; more significant decimals than that are rejected. */
    public static Price of(String text, int precision) {
        return new Price(parseRaw("price", text, precision, RoundingMode.UNNECESSARY), precision);
    }

    /** Parses a plain decimal at {@code precision}, rounding extra decimals with {@code mode}. */
    public static Price of(String text, int precision, RoundingMode mode) {
        return new Price(parseRaw("price", text, precision, mode), precision);
    }

    /** Scales {@code value} to {@code precision}, rounding with {@code mode}. */
    public static Price of(BigDecimal value, int precision, RoundingMode mode) {
        return new Price(fromBigDecimal("price", value, precision, mode), precision);
    }

    /** Scales {@code value} to {@code precision}; throws when it has more decimals than that. */
    public static Price of(BigDecimal value, int precision) {
        return of(value, precision, RoundingMode.UNNECESSARY);
    }

    /** The sum, at the larger precision of the two. */
    public Price plus(Price other) {
        int p = Math.max(precision, other.precision);
        return new Price(Math.addExact(rawAt(p), other.rawAt(p)), p);
    }

    /** The difference, at the larger precision of the two. */
    public Price minus(Price other) {
        int p = Math.max(precision, other.precision);
        return new Price(Math.subtractExact(rawAt(p), other.rawAt(p)), p);
    }

    public Price negate() {
        return new Price(Math.negateExact(raw), precision);
    }

    /** This price times a whole number (e.g. a tick count). */
    public Price times(long factor) {
        return new Price(Math.multiplyExact(raw, factor), precision);
    }

    /** The same value at another precision, rounding with {@code mode} when reducing it. */
    public Price withPrecision(int newPrecision, RoundingMode mode) {
        FixedMath.checkPrecision(newPrecision);
        return new Price(FixedMath.rescale(raw, precision, newPrecision, mode), newPrecision);
    }

    public boolean isGreaterThan(Price other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Price other) {
        return compareTo(other) < 0;
    }

    /**
     * The midpoint of {@code bid} and {@code ask}, exact at one decimal more than the finer of the two (at
     * precision {@value FixedMath#MAX_PRECISION}, where no decimal is left, rounded half-even): see
     * {@link FixedMath#midRaw}.
     */
    public static Price mid(Price bid, Price ask) {
        int precision = Math.min(Math.max(bid.precision(), ask.precision()) + 1, FixedMath.MAX_PRECISION);
        return new Price(FixedMath.midRaw(bid.rawAt(precision), ask.rawAt(precision)), precision);
    }

    public static Price min(Price a, Price b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Price max(Price a, Price b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(Price other) {
        return compareValue(other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Price p && compareValue(p) == 0;
    }

    @Override
    public int hashCode() {
        return valueHash();
    }
}
