package dev.tradingsdk.core.num;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An immutable exact, non-negative quantity (order size, position size, volume): {@code raw / 10^precision}.
 * Direction lives in {@code Side}, never in the sign. Subtraction below zero throws.
 */
public final class Quantity extends FixedPointValue implements Comparable<Quantity> {

    private Quantity(long raw, int precision) {
        super(checkNonNegative(raw, precision), precision);
    }

    private static long checkNonNegative(long raw, int precision) {
        if (raw < 0) {
            throw new IllegalArgumentException("quantity must not be negative, was " + FixedMath.format(raw,
                    FixedMath.checkPrecision(precision)));
        }
        return raw;
    }

    public static Quantity ofRaw(long raw, int precision) {
        return new Quantity(raw, precision);
    }

    public static Quantity zero(int precision) {
        return new Quantity(0, precision);
    }

    /** Parses a plain decimal; the precision is the number of decimals written. */
    public static Quantity of(String text) {
        int precision = inferPrecision("quantity", text);
        return new Quantity(parseRaw("quantity", text, precision, RoundingMode.UNNECESSARY), precision);
    }

    /** Parses a plain decimal at {@code precision}; more significant decimals than that are rejected. */
    public static Quantity of(String text, int precision) {
        return new Quantity(parseRaw("quantity", text, precision, RoundingMode.UNNECESSARY), precision);
    }

    /** Parses a plain decimal at {@code precision}, rounding extra decimals with {@code mode}. */
    public static Quantity of(String text, int precision, RoundingMode mode) {
        return new Quantity(parseRaw("quantity", text, precision, mode), precision);
    }

    public static Quantity of(BigDecimal value, int precision, RoundingMode mode) {
        return new Quantity(fromBigDecimal("quantity", value, precision, mode), precision);
    }

    public static Quantity of(BigDecimal value, int precision) {
        return of(value, precision, RoundingMode.UNNECESSARY);
    }

    /** A whole-number quantity at {@code precision}. */
    public static Quantity ofUnits(long units, int precision) {
        return new Quantity(Math.multiplyExact(units, FixedMath.powerOfTen(FixedMath.checkPrecision(precision))),
                precision);
    }

    public Quantity plus(Quantity other) {
        int p = Math.max(precision, other.precision);
        return new Quantity(Math.addExact(rawAt(p), other.rawAt(p)), p);
    }

    /** The difference; throws {@link IllegalArgumentException} when it would be negative. */
    public Quantity minus(Quantity other) {
        int p = Math.max(precision, other.precision);
        return new Quantity(Math.subtractExact(rawAt(p), other.rawAt(p)), p);
    }

    public Quantity times(long factor) {
        return new Quantity(Math.multiplyExact(raw, factor), precision);
    }

    public Quantity withPrecision(int newPrecision, RoundingMode mode) {
        FixedMath.checkPrecision(newPrecision);
        return new Quantity(FixedMath.rescale(raw, precision, newPrecision, mode), newPrecision);
    }

    /** {@code this / other} as a plain ratio (dimensionless), rounded with {@code mode} to {@code scale}. */
    public BigDecimal ratioTo(Quantity other, int scale, RoundingMode mode) {
        return toBigDecimal().divide(other.toBigDecimal(), scale, mode);
    }

    public boolean isGreaterThan(Quantity other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Quantity other) {
        return compareTo(other) < 0;
    }

    public static Quantity min(Quantity a, Quantity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Quantity max(Quantity a, Quantity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(Quantity other) {
        return compareValue(other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && compareValue(q) == 0;
    }

    @Override
    public int hashCode() {
        return valueHash();
    }
}
