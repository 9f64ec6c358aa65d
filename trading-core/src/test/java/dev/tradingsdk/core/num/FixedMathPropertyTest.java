package dev.tradingsdk.core.num;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** FixedMath against a BigDecimal oracle on seeded random cases that reach the edges of {@code long}. */
class FixedMathPropertyTest {

    private static final int CASES = 50_000;

    /** The oracle's raw result, or null when the operation must throw ArithmeticException. */
    private static Long oracle(BigDecimal exact, int scale, RoundingMode mode) {
        BigDecimal rounded;
        try {
            rounded = exact.setScale(scale, mode);
        } catch (ArithmeticException inexact) {
            return null;
        }
        BigInteger unscaled = rounded.unscaledValue();
        return unscaled.bitLength() <= 63 ? unscaled.longValue() : null;
    }

    private static void check(String description, Long expected, LongSupplier actual) {
        if (expected == null) {
            try {
                long got = actual.getAsLong();
                fail(description + ": expected ArithmeticException, got " + got);
            } catch (ArithmeticException expectedFailure) {
                return;
            }
        }
        long got;
        try {
            got = actual.getAsLong();
        } catch (RuntimeException e) {
            throw new AssertionError(description + ": expected " + expected + ", threw " + e, e);
        }
        if (got != expected) {
            fail(description + ": expected " + expected + ", got " + got);
        }
    }

    private static String randomDecimal(RandomValues values) {
        StringBuilder text = new StringBuilder();
        int sign = values.nextInt(3);
        text.append(sign == 0 ? "" : sign == 1 ? "-" : "+");
        text.append("0".repeat(values.nextInt(4) == 0 ? values.nextInt(5) : 0));
        int integralDigits = values.nextInt(21);
        text.append(values.digits(integralDigits));
        int fractionDigits = values.nextInt(14);
        if (fractionDigits > 0 || integralDigits == 0 || values.nextInt(8) == 0) {
            text.append('.').append(values.digits(fractionDigits == 0 && integralDigits == 0 ? 1 : fractionDigits));
        }
        return text.toString();
    }

    @Test
    void parseMatchesBigDecimalForEveryRoundingMode() {
        RandomValues values = new RandomValues(11);
        for (int i = 0; i < CASES; i++) {
            String text = randomDecimal(values);
            int precision = values.precision();
            RoundingMode mode = values.mode();
            Long expected = oracle(new BigDecimal(text), precision, mode);
            check("parse(\"" + text + "\", " + precision + ", " + mode + ")", expected,
                    () -> FixedMath.parse(text, precision, mode));
        }
    }

    @Test
    void parseRoundTripsEveryRawValueIncludingTheEdges() {
        RandomValues values = new RandomValues(12);
        for (int i = 0; i < CASES; i++) {
            long raw = values.anyLong();
            int precision = values.precision();
            String text = FixedMath.format(raw, precision);
            assertThat(text).as("format(%d, %d)", raw, precision)
                    .isEqualTo(BigDecimal.valueOf(raw, precision).toPlainString());
            check("parse(\"" + text + "\")", raw, () -> FixedMath.parse(text, precision, RoundingMode.UNNECESSARY));
        }
        assertThat(FixedMath.parse("-9223372036854775808", 0, RoundingMode.UNNECESSARY)).isEqualTo(Long.MIN_VALUE);
        assertThat(FixedMath.parse("-9.223372036854775808", 9, RoundingMode.DOWN))
                .isEqualTo(-9_223_372_036L);
    }

    @Test
    void parseNearTheNegativeEdgeRoundsLikeBigDecimal() {
        for (RoundingMode mode : RoundingMode.values()) {
            for (String text : new String[] {"-922337203.6854775808", "-922337203.6854775807",
                "-922337203.68547758075", "-922337203.68547758085", "922337203.68547758075",
                "922337203.68547758065", "-922337203.6854775809"}) {
                Long expected = oracle(new BigDecimal(text), 9, mode);
                check("parse(\"" + text + "\", 9, " + mode + ")", expected, () -> FixedMath.parse(text, 9, mode));
            }
        }
    }

    @Test
    void parseRejectsMalformedTextNamingIt() {
        for (String bad : new String[] {"", "-", "+", ".", "1.2.3", "1e5", "12a", " 1", "1,5", "--1", "0x10"}) {
            assertThatThrownBy(() -> FixedMath.parse(bad, 2, RoundingMode.UNNECESSARY))
                    .as("\"%s\"", bad).isInstanceOf(NumberFormatException.class);
        }
        assertThatThrownBy(() -> FixedMath.parse("12a", 2, RoundingMode.UNNECESSARY)).hasMessageContaining("\"12a\"");
        assertThatThrownBy(() -> FixedMath.parse("1.234", 2, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("\"1.234\"")
                .hasMessageContaining("2 decimal places");
        assertThatThrownBy(() -> FixedMath.parse("1", 10, RoundingMode.UNNECESSARY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
    }

    @Test
    void parseAcceptsTrailingZerosBeyondThePrecisionWithoutRounding() {
        assertThat(FixedMath.parse("1.2300000000000", 2, RoundingMode.UNNECESSARY)).isEqualTo(123);
        assertThat(FixedMath.parse("-0001.5", 1, RoundingMode.UNNECESSARY)).isEqualTo(-15);
        assertThat(FixedMath.parse(".5", 1, RoundingMode.UNNECESSARY)).isEqualTo(5);
        assertThat(FixedMath.parse("-0.000", 3, RoundingMode.UNNECESSARY)).isZero();
    }

    @Test
    void appendToAppendsAfterExistingText() {
        RandomValues values = new RandomValues(13);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < CASES; i++) {
            long raw = values.anyLong();
            int precision = values.precision();
            out.setLength(0);
            out.append("x=");
            FixedMath.appendTo(out, raw, precision);
            assertThat(out.toString()).isEqualTo("x=" + BigDecimal.valueOf(raw, precision).toPlainString());
        }
    }

    @Test
    void rescaleMatchesBigDecimal() {
        RandomValues values = new RandomValues(14);
        for (int i = 0; i < CASES; i++) {
            long raw = values.anyLong();
            int from = values.precision();
            int to = values.precision();
            RoundingMode mode = values.mode();
            Long expected = oracle(BigDecimal.valueOf(raw, from), to, mode);
            check("rescale(" + raw + ", " + from + ", " + to + ", " + mode + ")", expected,
                    () -> FixedMath.rescale(raw, from, to, mode));
            // The two-argument form is the UNNECESSARY one: a sample is enough, most random raws must throw there.
            if (i % 8 == 0) {
                Long exactOnly = oracle(BigDecimal.valueOf(raw, from), to, RoundingMode.UNNECESSARY);
                check("rescale(" + raw + ", " + from + ", " + to + ")", exactOnly,
                        () -> FixedMath.rescale(raw, from, to));
            }
        }
    }

    @Test
    void divideMatchesBigDecimalUnderRandomRoundingModes() {
        RandomValues values = new RandomValues(15);
        for (int i = 0; i < CASES; i++) {
            long dividend = values.anyLong();
            long divisor = values.nextInt(3) == 0 ? values.smallLong(12) : values.anyLong();
            if (divisor == 0) {
                divisor = 7;
            }
            long d = divisor;
            RoundingMode mode = values.mode();
            // 40 places separate any inexact long quotient from an exact or exact-half one.
            Long expected = oracle(new BigDecimal(dividend).divide(new BigDecimal(d), 40, RoundingMode.DOWN), 0, mode);
            check(dividend + " / " + d + " " + mode, expected, () -> FixedMath.divide(dividend, d, mode));
        }
    }

    @Test
    void divideByPowerOfTenMatchesBigDecimalForEveryExponentAndMode() {
        RandomValues values = new RandomValues(21);
        for (int i = 0; i < CASES * 4; i++) {
            int exponent = values.nextInt(19);
            long divisor = FixedMath.powerOfTen(exponent);
            long dividend = switch (values.nextInt(4)) {
                case 0 -> values.anyLong();
                // exact halves and their neighbours, where the multiply-high quotient's parity decides
                case 1 -> values.anyLong() / divisor * divisor + divisor / 2 + values.nextInt(3) - 1;
                // multiples of the divisor and their neighbours
                case 2 -> values.anyLong() / divisor * divisor + values.nextInt(3) - 1;
                default -> values.smallLong(12);
            };
            RoundingMode mode = values.mode();
            Long expected = oracle(new BigDecimal(dividend).divide(new BigDecimal(divisor), 40, RoundingMode.DOWN), 0,
                    mode);
            check(dividend + " / 10^" + exponent + " " + mode, expected,
                    () -> FixedMath.divideByPowerOfTen(dividend, exponent, mode));
        }
        for (int exponent = 0; exponent <= 18; exponent++) {
            for (long dividend : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 0, 1, -1}) {
                for (RoundingMode mode : RoundingMode.values()) {
                    long divisor = FixedMath.powerOfTen(exponent);
                    int e = exponent;
                    Long expected = oracle(new BigDecimal(dividend).divide(new BigDecimal(divisor), 40,
                            RoundingMode.DOWN), 0, mode);
                    check(dividend + " / 10^" + exponent + " " + mode, expected,
                            () -> FixedMath.divideByPowerOfTen(dividend, e, mode));
                }
            }
        }
    }

    @Test
    void shortDecimalsParseLikeBigDecimal() {
        RandomValues values = new RandomValues(22);
        for (int i = 0; i < CASES; i++) {
            int precision = values.precision();
            String sign = values.nextInt(3) == 0 ? "-" : values.nextInt(8) == 0 ? "+" : "";
            int fractionDigits = values.nextInt(precision + 1);
            int integralDigits = values.nextInt(18 - fractionDigits);
            String text = sign + values.digits(integralDigits)
                    + (fractionDigits > 0 ? "." + values.digits(fractionDigits) : integralDigits == 0 ? "0" : "");
            Long expected = oracle(new BigDecimal(text), precision, RoundingMode.UNNECESSARY);
            check("parse(\"" + text + "\", " + precision + ")", expected,
                    () -> FixedMath.parse(text, precision, RoundingMode.UNNECESSARY));
        }
    }

    @Test
    void divideExactHalvesAndEdges() {
        assertThat(FixedMath.divide(5, 2, RoundingMode.HALF_EVEN)).isEqualTo(2);
        assertThat(FixedMath.divide(7, 2, RoundingMode.HALF_EVEN)).isEqualTo(4);
        assertThat(FixedMath.divide(-5, 2, RoundingMode.HALF_EVEN)).isEqualTo(-2);
        assertThat(FixedMath.divide(-5, 2, RoundingMode.HALF_UP)).isEqualTo(-3);
        assertThat(FixedMath.divide(-5, 2, RoundingMode.HALF_DOWN)).isEqualTo(-2);
        assertThat(FixedMath.divide(-5, 2, RoundingMode.FLOOR)).isEqualTo(-3);
        assertThat(FixedMath.divide(-5, 2, RoundingMode.CEILING)).isEqualTo(-2);
        assertThat(FixedMath.divide(5, -2, RoundingMode.UP)).isEqualTo(-3);
        assertThat(FixedMath.divide(Long.MIN_VALUE, Long.MIN_VALUE, RoundingMode.UNNECESSARY)).isEqualTo(1);
        assertThat(FixedMath.divide(Long.MAX_VALUE, Long.MIN_VALUE, RoundingMode.HALF_UP)).isEqualTo(-1);
        assertThat(FixedMath.divide(Long.MIN_VALUE / 2, Long.MIN_VALUE, RoundingMode.HALF_EVEN)).isZero();
        assertThat(FixedMath.divide(Long.MIN_VALUE / 2, Long.MIN_VALUE, RoundingMode.HALF_UP)).isEqualTo(1);
        assertThat(FixedMath.divide(Long.MIN_VALUE, 1, RoundingMode.UNNECESSARY)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> FixedMath.divide(Long.MIN_VALUE, -1, RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FixedMath.divide(1, 0, RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("zero");
        assertThatThrownBy(() -> FixedMath.divide(10, 4, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("10 / 4");
    }

    @Test
    void multiplyDivideMatchesBigDecimalIncludingThe128BitPath() {
        RandomValues values = new RandomValues(16);
        int wide = 0;
        for (int i = 0; i < CASES; i++) {
            long a = values.anyLong();
            long b = values.anyLong();
            long divisor = values.nextBoolean() ? values.anyLong() : FixedMath.powerOfTen(values.nextInt(19));
            if (divisor == 0) {
                divisor = 3;
            }
            long d = divisor;
            RoundingMode mode = values.mode();
            BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
            if (product.bitLength() > 63) {
                wide++;
            }
            Long expected = oracle(new BigDecimal(product).divide(new BigDecimal(d), 60, RoundingMode.DOWN), 0, mode);
            check(a + " * " + b + " / " + d + " " + mode, expected, () -> FixedMath.multiplyDivide(a, b, d, mode));
        }
        assertThat(wide).as("cases exercising the 128-bit path").isGreaterThan(CASES / 4);
    }

    @Test
    void multiplyDivideWideProductExactHalves() {
        long a = Long.MAX_VALUE;
        long b = 3;
        // (2^63 - 1) * 3 / 2 = 13835058055282163710.5: over the long range whichever way it rounds.
        assertThatThrownBy(() -> FixedMath.multiplyDivide(a, b, 2, RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("overflow");
        // 2^62 * 3 / 2 = 6917529027641081856 exactly, through a 128-bit intermediate.
        assertThat(FixedMath.multiplyDivide(1L << 62, 3, 2, RoundingMode.UNNECESSARY)).isEqualTo(6917529027641081856L);
        // (2^62 + 1) * 3 / 6 = 2305843009213693952.5
        assertThat(FixedMath.multiplyDivide((1L << 62) + 1, 3, 6, RoundingMode.HALF_EVEN)).isEqualTo(2305843009213693952L);
        assertThat(FixedMath.multiplyDivide((1L << 62) + 1, 3, 6, RoundingMode.HALF_UP)).isEqualTo(2305843009213693953L);
        assertThat(FixedMath.multiplyDivide((1L << 62) + 1, -3, 6, RoundingMode.HALF_DOWN))
                .isEqualTo(-2305843009213693952L);
        assertThat(FixedMath.multiplyDivide(Long.MIN_VALUE, 2, 2, RoundingMode.UNNECESSARY)).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> FixedMath.multiplyDivide((1L << 62) + 1, 3, 6, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FixedMath.multiplyDivide(Long.MAX_VALUE, 4, 0, RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void multiplyMatchesBigDecimal() {
        RandomValues values = new RandomValues(17);
        for (int i = 0; i < CASES; i++) {
            long a = values.anyLong();
            long b = values.nextBoolean() ? values.anyLong() : values.smallLong(30);
            int ap = values.precision();
            int bp = values.precision();
            int rp = values.precision();
            RoundingMode mode = values.mode();
            BigDecimal exact = BigDecimal.valueOf(a, ap).multiply(BigDecimal.valueOf(b, bp));
            check("multiply(" + a + "@" + ap + ", " + b + "@" + bp + " -> " + rp + ", " + mode + ")",
                    oracle(exact, rp, mode), () -> FixedMath.multiply(a, ap, b, bp, rp, mode));
        }
    }

    @Test
    void compareAcrossPrecisionsMatchesBigDecimal() {
        RandomValues values = new RandomValues(18);
        for (int i = 0; i < CASES; i++) {
            long a = values.anyLong();
            int ap = values.precision();
            int bp = values.precision();
            // Half the cases compare a value with itself at another precision, to hit equality.
            long b = values.nextBoolean() ? values.anyLong() : scaledOrRandom(a, ap, bp, values);
            int expected = Integer.signum(BigDecimal.valueOf(a, ap).compareTo(BigDecimal.valueOf(b, bp)));
            assertThat(Integer.signum(FixedMath.compare(a, ap, b, bp)))
                    .as("compare(%d@%d, %d@%d)", a, ap, b, bp).isEqualTo(expected);
        }
    }

    private static long scaledOrRandom(long raw, int from, int to, RandomValues values) {
        Long same = oracle(BigDecimal.valueOf(raw, from), to, RoundingMode.DOWN);
        return same != null ? same + values.nextInt(3) - 1 : values.anyLong();
    }

    @Test
    void minimalPrecisionStripsTrailingZeros() {
        RandomValues values = new RandomValues(19);
        for (int i = 0; i < CASES; i++) {
            long raw = values.anyLong();
            int precision = values.precision();
            int expected = Math.max(BigDecimal.valueOf(raw, precision).stripTrailingZeros().scale(), 0);
            assertThat(FixedMath.minimalPrecision(raw, precision)).as("%d@%d", raw, precision)
                    .isEqualTo(raw == 0 ? 0 : expected);
        }
    }

    @Test
    void fromBigDecimalMatchesSetScaleAndNamesTheValue() {
        RandomValues values = new RandomValues(20);
        for (int i = 0; i < CASES / 5; i++) {
            BigDecimal value = BigDecimal.valueOf(values.anyLong(), values.nextInt(15));
            int precision = values.precision();
            RoundingMode mode = values.mode();
            check("fromBigDecimal(" + value + ")", oracle(value, precision, mode),
                    () -> FixedMath.fromBigDecimal(value, precision, mode));
        }
        assertThatThrownBy(() -> FixedMath.fromBigDecimal(new BigDecimal("1.005"), 2, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("1.005");
        assertThatThrownBy(() -> FixedMath.fromBigDecimal(new BigDecimal("1e30"), 0, RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("1000000000000000000000000000000");
    }

    @Test
    void powerOfTenAndPrecisionBounds() {
        assertThat(FixedMath.powerOfTen(18)).isEqualTo(1_000_000_000_000_000_000L);
        assertThatThrownBy(() -> FixedMath.powerOfTen(19)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedMath.checkPrecision(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> FixedMath.parse("1", -1, RoundingMode.DOWN)).isInstanceOf(IllegalArgumentException.class);
    }
}
