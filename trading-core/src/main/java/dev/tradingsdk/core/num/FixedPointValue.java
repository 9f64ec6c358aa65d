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
        String t = withoutSpaces(kind, text);
        try {
            return FixedMath.parse(t, precision, mode);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind + " " + quote(text) + " is not a plain decimal number", e);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(kind + " " + quote(text) + " does not fit precision " + precision
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code text} without surrounding spaces. {@link String#trim()} would also drop control characters, so
     * {@code "100\u0000"} (a C string, a corrupted field) would read as 100; any control character is refused.
     */
    private static String withoutSpaces(String kind, String text) {
        if (text == null) {
            throw new IllegalArgumentException(kind + " must not be null");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(kind + " " + quote(text) + " has control character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
        return text.strip();
    }

    /** The text for an error message: quoted, control characters shown as '?', at most 40 characters of it. */
    static String quote(String text) {
        String shown = text.length() <= 40 ? text : text.substring(0, 40);
        StringBuilder out = new StringBuilder(shown.length() + 24).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        out.append('"');
        if (shown.length() < text.length()) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    static int inferPrecision(String kind, String text) {
        String t = withoutSpaces(kind, text);
        int dot = t.indexOf('.');
        int decimals = dot < 0 ? 0 : t.length() - dot - 1;
        if (decimals > FixedMath.MAX_PRECISION) {
            throw new IllegalArgumentException(kind + " " + quote(text) + " has " + decimals
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

    /** Plain decimal text with exactly {@code precision()} decimals. */
    @Override
    public String toString() {
        return FixedMath.format(raw, precision);
    }
}
