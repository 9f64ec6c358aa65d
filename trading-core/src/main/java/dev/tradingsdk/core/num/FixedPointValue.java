package dev.tradingsdk.core.num;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shared state and behaviour of the fixed-point value types: a {@code long} raw value and its precision. */
abstract class FixedPointValue {

    final long raw;
    final int precision;

    FixedPointValue(long raw, int precision) {
        this.raw = raw;
        this.precision = FixedMath.checkPrecision(precision);
    }

    static long parseRaw(String kind, String text, int precision, RoundingMode mode) {
        if (text == null) {
            throw new IllegalArgumentException(kind + " must not be null");
        }
        try {
            return FixedMath.parse(text.trim(), precision, mode);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind + " \"" + text + "\" is not a plain decimal number", e);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(kind + " \"" + text + "\" does not fit precision " + precision
                    + ": " + e.getMessage(), e);
        }
    }

    static int inferPrecision(String kind, String text) {
        if (text == null) {
            throw new IllegalArgumentException(kind + " must not be null");
        }
        String t = text.trim();
        int dot = t.indexOf('.');
        int decimals = dot < 0 ? 0 : t.length() - dot - 1;
        if (decimals > FixedMath.MAX_PRECISION) {
            throw new IllegalArgumentException(kind + " \"" + text + "\" has " + decimals
                    + " decimal places; at most " + FixedMath.MAX_PRECISION + " are supported");
        }
        return decimals;
    }

    static long fromBigDecimal(String kind, BigDecimal value, int precision, RoundingMode mode) {
        if (value == null) {
            throw new IllegalArgumentException(kind + " must not be null");
        }
        try {
            return FixedMath.fromBigDecimal(value, precision, mode);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(kind + " " + value.toPlainString() + " does not fit precision "
                    + precision + ": " + e.getMessage(), e);
        }
    }

    /** The raw value: the number of {@code 10^-precision} units. */
    public final long raw() {
        return raw;
    }

    /** Decimal places, 0..9. */
    public final int precision() {
        return precision;
    }

    /** The raw value rescaled to {@code targetPrecision}; throws if that would drop non-zero digits. */
    public final long rawAt(int targetPrecision) {
        return FixedMath.rescale(raw, precision, targetPrecision);
    }

    /** The exact value as a {@link BigDecimal}, for edges such as venue DTOs and reports. */
    public final BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(raw, precision);
    }

    /** An approximate {@code double}, for statistics and display only, never for money arithmetic. */
    public final double toDouble() {
        return (double) raw / FixedMath.powerOfTen(precision);
    }

    /** -1, 0 or 1. */
    public final int signum() {
        return Long.signum(raw);
    }

    public final boolean isZero() {
        return raw == 0;
    }

    final int compareValue(FixedPointValue other) {
        return FixedMath.compare(raw, precision, other.raw, other.precision);
    }

    final int valueHash() {
        int p = FixedMath.minimalPrecision(raw, precision);
        long r = raw / FixedMath.powerOfTen(precision - p);
        return Long.hashCode(r) * 31 + p;
    }

    /** Plain decimal text with exactly {@link #precision()} decimals. */
    @Override
    public String toString() {
        return FixedMath.format(raw, precision);
    }
}
