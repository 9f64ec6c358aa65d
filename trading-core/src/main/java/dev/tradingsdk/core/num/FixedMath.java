package dev.tradingsdk.core.num;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The one place where fixed-point raw values are scaled, multiplied and divided.
 *
 * <p>A raw value {@code r} at precision {@code p} stands for {@code r / 10^p}. Every method here is exact or
 * rounds only with the {@link RoundingMode} it is given; every overflow throws {@link ArithmeticException}.
 * The long-only paths allocate nothing; a 128-bit intermediate that does not fit a {@code long} falls back to
 * {@link BigInteger}, which is correct but slow and only reached near the edge of the range.
 */
public final class FixedMath {

    /** Largest supported precision (decimal places). */
    public static final int MAX_PRECISION = 9;

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L
    };

    /*
     * Division by 10^k as a multiply-high and a shift (Granlund and Montgomery, "Division by invariant integers
     * using multiplication", 1994): for a dividend n in [0, 2^63) and l = ceil(log2 10^k), the 64-bit
     * m = ceil(2^(63 + l) / 10^k) gives n / 10^k = floor(n × m / 2^(63 + l)) exactly. The hardware 64-bit divide
     * it replaces was most of the cost of price × quantity → cents.
     */
    private static final long[] DIVIDE_MAGIC = new long[POWERS_OF_TEN.length];
    private static final int[] DIVIDE_SHIFT = new int[POWERS_OF_TEN.length];
    /** Largest digits value that can still be scaled up by 10^k without overflow. */
    private static final long[] MAX_UNSCALED = new long[POWERS_OF_TEN.length];
    /** {@link #parse}'s fast path returns this when it cannot decide; no text of at most 18 characters parses to it. */
    private static final long NOT_SHORT = Long.MIN_VALUE;

    static {
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            BigInteger divisor = BigInteger.valueOf(POWERS_OF_TEN[k]);
            int l = BigInteger.valueOf(POWERS_OF_TEN[k] - 1).bitLength();
            BigInteger[] qr = BigInteger.ONE.shiftLeft(63 + l).divideAndRemainder(divisor);
            BigInteger magic = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
            DIVIDE_MAGIC[k] = magic.longValue();
            DIVIDE_SHIFT[k] = l - 1;
        }
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            MAX_UNSCALED[k] = Long.MAX_VALUE / POWERS_OF_TEN[k];
        }
    }

    private FixedMath() {
    }

    /** {@code 10^exponent} for exponent 0..18. */
    public static long powerOfTen(int exponent) {
        if (exponent < 0 || exponent >= POWERS_OF_TEN.length) {
            throw new IllegalArgumentException("exponent must be in 0..18, was " + exponent);
        }
        return POWERS_OF_TEN[exponent];
    }

    /** Throws when {@code precision} is outside 0..{@value #MAX_PRECISION}. */
    public static int checkPrecision(int precision) {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("precision must be in 0.." + MAX_PRECISION + ", was " + precision);
        }
        return precision;
    }

    /** Rescales {@code raw} from one precision to another; throws when scaling down would lose digits. */
    public static long rescale(long raw, int fromPrecision, int toPrecision) {
        return rescale(raw, fromPrecision, toPrecision, RoundingMode.UNNECESSARY);
    }

    /** Rescales {@code raw} from one precision to another, rounding with {@code mode} when scaling down. */
    public static long rescale(long raw, int fromPrecision, int toPrecision, RoundingMode mode) {
        if (toPrecision == fromPrecision) {
            return raw;
        }
        if (toPrecision > fromPrecision) {
            return Math.multiplyExact(raw, powerOfTen(toPrecision - fromPrecision));
        }
        return divideByPowerOfTen(raw, fromPrecision - toPrecision, mode);
    }

    /**
     * The SDK's one mid price: the midpoint of two raw values at the same precision, rounded half-even to that
     * precision. Every mark (portfolio revaluation, risk notional, the simulated venue) and every mid a strategy
     * reads ({@link Price#mid}, the order book's {@code mid()}, the decision context's {@code mid}) comes from
     * here, so a strategy, its risk checks and its backtest value a position at the same price. Half-even: an
     * odd sum is exactly half a unit off the grid, and rounding those halves alternately up and down leaves no
     * drift when a position is marked many times; callers that want the midpoint exact pass raws at one more
     * decimal, where the sum is always even. Allocation-free; throws {@link ArithmeticException} when
     * {@code bidRaw + askRaw} overflows.
     */
    public static long midRaw(long bidRaw, long askRaw) {
        long sum = Math.addExact(bidRaw, askRaw);
        long half = sum >> 1; // the floor of sum / 2, also for negative sums
        return (sum & 1) != 0 && (half & 1) != 0 ? half + 1 : half;
    }

    /** {@code dividend / divisor} rounded with {@code mode}; {@link RoundingMode#UNNECESSARY} throws if inexact. */
    public static long divide(long dividend, long divisor, RoundingMode mode) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (dividend == Long.MIN_VALUE && divisor == -1) {
            throw new ArithmeticException("long overflow");
        }
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        if (remainder == 0) {
            return quotient;
        }
        int sign = (dividend < 0) == (divisor < 0) ? 1 : -1;
        // |remainder| < |divisor|; |divisor| - |remainder| compared as unsigned so a divisor of Long.MIN_VALUE
        // (magnitude 2^63) needs no special case.
        long r = Math.abs(remainder);
        long rest = (divisor == Long.MIN_VALUE ? Long.MIN_VALUE : Math.abs(divisor)) - r;
        boolean awayFromZero = awayFromZero(mode, sign < 0, Long.compareUnsigned(r, rest), quotient, dividend,
                divisor);
        return awayFromZero ? quotient + sign : quotient;
    }

    /**
     * {@code dividend / 10^exponent} rounded with {@code mode}, exactly as {@link #divide} would, by
     * multiply-high instead of a hardware divide; {@code exponent} is 0..18.
     */
    static long divideByPowerOfTen(long dividend, int exponent, RoundingMode mode) {
        long divisor = powerOfTen(exponent);
        if (exponent == 0) {
            return dividend;
        }
        if (dividend == Long.MIN_VALUE) {
            return divide(dividend, divisor, mode);
        }
        long magnitude = Math.abs(dividend);
        // Unsigned high half of magnitude × magic: the magic has its top bit set, so the signed product's high
        // half is short by exactly one magnitude.
        long quotient = (Math.multiplyHigh(magnitude, DIVIDE_MAGIC[exponent]) + magnitude) >>> DIVIDE_SHIFT[exponent];
        long remainder = magnitude - quotient * divisor;
        if (remainder != 0 && awayFromZero(mode, dividend < 0, Long.compare(remainder, divisor - remainder),
                quotient, dividend, divisor)) {
            quotient++;
        }
        return dividend < 0 ? -quotient : quotient;
    }

    /**
     * Whether an inexact quotient rounds away from zero. {@code halfComparison} compares the remainder's
     * magnitude with the divisor's minus it (above 0: past the half); {@code quotient}'s parity decides a tie
     * under {@link RoundingMode#HALF_EVEN} (the sign does not change parity).
     */
    private static boolean awayFromZero(RoundingMode mode, boolean negative, int halfComparison, long quotient,
                                        long dividend, long divisor) {
        if (mode == RoundingMode.HALF_EVEN) {
            return halfComparison > 0 || (halfComparison == 0 && (quotient & 1) != 0);
        }
        return switch (mode) {
            case UNNECESSARY -> throw new ArithmeticException(
                    "rounding necessary: " + dividend + " / " + divisor + " is not exact");
            case DOWN -> false;
            case UP -> true;
            case FLOOR -> negative;
            case CEILING -> !negative;
            case HALF_UP -> halfComparison >= 0;
            case HALF_DOWN, HALF_EVEN -> halfComparison > 0;
        };
    }

    /**
     * {@code a * b / divisor}, rounded with {@code mode}, with a 128-bit intermediate so the product itself
     * may exceed {@code long}; throws when the result does not fit.
     */
    public static long multiplyDivide(long a, long b, long divisor, RoundingMode mode) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return divide(low, divisor, mode);
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .divideAndRemainder(BigInteger.valueOf(divisor));
        BigDecimal exact = new BigDecimal(qr[0]).add(new BigDecimal(qr[1]).divide(
                BigDecimal.valueOf(divisor), 20, RoundingMode.DOWN));
        BigInteger rounded = exact.setScale(0, mode).toBigIntegerExact();
        if (rounded.bitLength() > 63) {
            throw new ArithmeticException("long overflow: " + a + " * " + b + " / " + divisor);
        }
        return rounded.longValue();
    }

    /**
     * Multiplies two raw values and returns the product at {@code resultPrecision}, rounding with {@code mode}.
     * {@code aPrecision + bPrecision} may exceed the result precision (then the product is rounded) or be
     * below it (then it is scaled up exactly).
     */
    public static long multiply(long a, int aPrecision, long b, int bPrecision, int resultPrecision,
                                RoundingMode mode) {
        int productPrecision = aPrecision + bPrecision;
        if (productPrecision >= resultPrecision) {
            int exponent = productPrecision - resultPrecision;
            long high = Math.multiplyHigh(a, b);
            long low = a * b;
            if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
                return divideByPowerOfTen(low, exponent, mode);
            }
            return multiplyDivide(a, b, powerOfTen(exponent), mode);
        }
        return Math.multiplyExact(Math.multiplyExact(a, b), powerOfTen(resultPrecision - productPrecision));
    }

    /**
     * Parses a plain decimal string ({@code "-12.340"}, no exponent) to a raw value at {@code precision},
     * rounding extra decimals with {@code mode} ({@link RoundingMode#UNNECESSARY} rejects them).
     */
    public static long parse(CharSequence text, int precision, RoundingMode mode) {
        checkPrecision(precision);
        int length = text.length();
        if (length > 0 && length <= 18) {
            long raw = parseShort(text, length, precision);
            if (raw != NOT_SHORT) {
                return raw;
            }
        }
        return parseAnyLength(text, length, precision, mode);
    }

    /**
     * The common case of {@link #parse}: at most 18 characters, so at most 18 digits, which accumulate in one
     * {@code long} with no overflow check per digit, and no more decimals than {@code precision}, so nothing
     * rounds. Returns {@link #NOT_SHORT} for anything else (malformed text included), which the general loop
     * then parses or rejects with its messages.
     */
    private static long parseShort(CharSequence text, int length, int precision) {
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        long digits = 0;
        int digitCount = 0;
        int point = -1;
        for (; i < length; i++) {
            char c = text.charAt(i);
            int d = c - '0';
            if (d >= 0 && d <= 9) {
                digits = digits * 10 + d;
                digitCount++;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                return NOT_SHORT;
            }
        }
        int fractionDigits = point < 0 ? 0 : length - 1 - point;
        if (digitCount == 0 || fractionDigits > precision) {
            return NOT_SHORT;
        }
        int scale = precision - fractionDigits;
        if (digits > MAX_UNSCALED[scale]) {
            return NOT_SHORT;
        }
        long raw = digits * POWERS_OF_TEN[scale];
        return negative ? -raw : raw;
    }

    private static long parseAnyLength(CharSequence text, int length, int precision, RoundingMode mode) {
        if (length == 0) {
            throw new NumberFormatException("empty decimal");
        }
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        // Digits accumulate as a negative magnitude: the negative range is one larger, so Long.MIN_VALUE parses.
        long integral = 0;
        int digits = 0;
        int fractionDigits = -1;
        long fraction = 0;
        long dropped = 0;
        boolean droppedNonZero = false;
        int droppedDigits = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (fractionDigits >= 0) {
                    throw new NumberFormatException("more than one '.' in \"" + text + "\"");
                }
                fractionDigits = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a plain decimal: \"" + text + "\"");
            }
            int d = c - '0';
            digits++;
            if (fractionDigits < 0) {
                integral = Math.subtractExact(Math.multiplyExact(integral, 10), d);
            } else if (fractionDigits < precision) {
                fraction = fraction * 10 + d;
                fractionDigits++;
            } else {
                if (droppedDigits == 0) {
                    dropped = d;
                } else if (d != 0) {
                    droppedNonZero = true;
                }
                droppedDigits++;
            }
        }
        if (digits == 0) {
            throw new NumberFormatException("no digits in \"" + text + "\"");
        }
        int used = Math.max(fractionDigits, 0);
        long negativeMagnitude = Math.subtractExact(Math.multiplyExact(integral, powerOfTen(precision)),
                fraction * powerOfTen(precision - used));
        if (droppedDigits > 0 && (dropped != 0 || droppedNonZero)) {
            negativeMagnitude = roundDropped(negativeMagnitude, negative, (int) dropped, droppedNonZero, mode, text,
                    precision);
        }
        return negative ? negativeMagnitude : Math.negateExact(negativeMagnitude);
    }

    private static long roundDropped(long negativeMagnitude, boolean negative, int firstDropped,
                                     boolean restNonZero, RoundingMode mode, CharSequence text, int precision) {
        boolean up = switch (mode) {
            case UNNECESSARY -> throw new ArithmeticException(
                    "\"" + text + "\" has more than " + precision + " decimal places");
            case DOWN -> false;
            case UP -> true;
            case FLOOR -> negative;
            case CEILING -> !negative;
            case HALF_UP -> firstDropped >= 5;
            case HALF_DOWN -> firstDropped > 5 || (firstDropped == 5 && restNonZero);
            case HALF_EVEN -> firstDropped > 5
                    || (firstDropped == 5 && (restNonZero || (negativeMagnitude & 1) != 0));
        };
        return up ? Math.subtractExact(negativeMagnitude, 1) : negativeMagnitude;
    }

    /** Raw value of {@code value} at {@code precision}, rounding with {@code mode}; throws on overflow. */
    public static long fromBigDecimal(BigDecimal value, int precision, RoundingMode mode) {
        checkPrecision(precision);
        try {
            return value.setScale(precision, mode).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            if (mode == RoundingMode.UNNECESSARY && value.stripTrailingZeros().scale() > precision) {
                throw new ArithmeticException(value.toPlainString() + " has more than " + precision
                        + " decimal places");
            }
            throw new ArithmeticException("out of range at precision " + precision + ": " + value.toPlainString());
        }
    }

    /** The exact decimal value of a raw value. */
    public static BigDecimal toBigDecimal(long raw, int precision) {
        return BigDecimal.valueOf(raw, precision);
    }

    /** Plain decimal text with exactly {@code precision} decimals, e.g. {@code -0.050}. */
    public static String format(long raw, int precision) {
        StringBuilder sb = new StringBuilder(24);
        appendTo(sb, raw, precision);
        return sb.toString();
    }

    /** Appends plain decimal text with exactly {@code precision} decimals to {@code out}. */
    public static void appendTo(StringBuilder out, long raw, int precision) {
        if (raw < 0) {
            out.append('-');
        }
        String digits = raw == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(raw));
        if (precision == 0) {
            out.append(digits);
            return;
        }
        int pad = precision + 1 - digits.length();
        if (pad > 0) {
            out.append('0').append('.');
            out.append("0".repeat(pad - 1)).append(digits);
            return;
        }
        int point = digits.length() - precision;
        out.append(digits, 0, point).append('.').append(digits, point, digits.length());
    }

    /** Compares two raw values at possibly different precisions exactly. */
    public static int compare(long a, int aPrecision, long b, int bPrecision) {
        if (aPrecision == bPrecision) {
            return Long.compare(a, b);
        }
        int common = Math.max(aPrecision, bPrecision);
        long high;
        long low;
        if (aPrecision < common) {
            high = Math.multiplyHigh(a, powerOfTen(common - aPrecision));
            low = a * powerOfTen(common - aPrecision);
            return compare128(high, low, b < 0 ? -1 : 0, b);
        }
        high = Math.multiplyHigh(b, powerOfTen(common - bPrecision));
        low = b * powerOfTen(common - bPrecision);
        return compare128(a < 0 ? -1 : 0, a, high, low);
    }

    private static int compare128(long aHigh, long aLow, long bHigh, long bLow) {
        int cmp = Long.compare(aHigh, bHigh);
        return cmp != 0 ? cmp : Long.compareUnsigned(aLow, bLow);
    }

    /** Strips trailing decimal zeros: returns the smallest precision that represents {@code raw} exactly. */
    public static int minimalPrecision(long raw, int precision) {
        int p = precision;
        long r = raw;
        while (p > 0 && r % 10 == 0) {
            r /= 10;
            p--;
        }
        return p;
    }
}
