package dev.tradingsdk.core.num;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Price, Quantity and Money arithmetic, ordering, equality and hashing against BigDecimal. */
class ValueTypesPropertyTest {

    private static final int CASES = 50_000;

    /**
     * The exact sum/difference at the larger precision, or null when it must throw: when it does not fit a long
     * there, or when an operand does not (the documented limit: both operands are rescaled to that precision).
     */
    private static BigDecimal expected(BigDecimal exact, FixedPointValue a, FixedPointValue b) {
        int p = Math.max(a.precision(), b.precision());
        if (!fitsAt(a.toBigDecimal(), p) || !fitsAt(b.toBigDecimal(), p) || !fitsAt(exact, p)) {
            return null;
        }
        return exact.setScale(p, RoundingMode.UNNECESSARY);
    }

    private static boolean fitsAt(BigDecimal value, int precision) {
        return RandomValues.fitsLong(new BigDecimal(value.setScale(precision, RoundingMode.DOWN)
                .unscaledValue()));
    }

    /** Half full-range longs (mostly overflowing when rescaled), half values up to 2^40 that mostly fit. */
    private static long mostlyInRange(RandomValues values) {
        return values.nextBoolean() ? values.anyLong() : values.smallLong(40);
    }

    private static Price samePriceAtRandomPrecision(Price a, RandomValues values) {
        int p = values.precision();
        return fitsAt(a.toBigDecimal(), p) ? a.withPrecision(p, RoundingMode.DOWN) : a;
    }

    private static <T extends FixedPointValue> void checkResult(String description, BigDecimal expected,
                                                                Supplier<T> actual) {
        if (expected == null) {
            try {
                T got = actual.get();
                fail(description + ": expected an exception, got " + got);
            } catch (ArithmeticException | IllegalArgumentException expectedFailure) {
                return;
            }
        }
        T got = actual.get();
        assertThat(got.toBigDecimal()).as(description).isEqualTo(expected);
        assertThat(got.precision()).as(description).isEqualTo(expected.scale());
    }

    /**
     * plus and minus against BigDecimal; compareTo, equals and hashCode consistent with the numeric value.
     * {@code signed} says whether a negative difference is a result (Price, Money) or must throw (Quantity).
     */
    private static <T extends FixedPointValue & Comparable<T>> void checkPair(T a, T b, BinaryOperator<T> plus,
                                                                              BinaryOperator<T> minus, boolean signed) {
        BigDecimal x = a.toBigDecimal();
        BigDecimal y = b.toBigDecimal();
        String d = a + " , " + b;
        checkResult(d + " plus", expected(x.add(y), a, b), () -> plus.apply(a, b));
        BigDecimal difference = x.subtract(y);
        checkResult(d + " minus", difference.signum() < 0 && !signed ? null : expected(difference, a, b),
                () -> minus.apply(a, b));
        int cmp = Integer.signum(x.compareTo(y));
        assertThat(Integer.signum(a.compareTo(b))).as(d).isEqualTo(cmp);
        assertThat(Integer.signum(b.compareTo(a))).as(d).isEqualTo(-cmp);
        assertThat(a.equals(b)).as(d).isEqualTo(cmp == 0);
        if (cmp == 0) {
            assertThat(a.hashCode()).as(d).isEqualTo(b.hashCode());
        }
    }

    @Test
    void priceArithmeticOrderingAndEquality() {
        RandomValues values = new RandomValues(31);
        for (int i = 0; i < CASES; i++) {
            Price a = Price.ofRaw(mostlyInRange(values), values.precision());
            Price b = values.nextInt(4) == 0 ? samePriceAtRandomPrecision(a, values)
                    : Price.ofRaw(mostlyInRange(values), values.precision());
            checkPair(a, b, Price::plus, Price::minus, true);
            int cmp = a.toBigDecimal().compareTo(b.toBigDecimal());
            assertThat(a.isGreaterThan(b)).isEqualTo(cmp > 0);
            assertThat(a.isLessThan(b)).isEqualTo(cmp < 0);
            assertThat(Price.max(a, b).toBigDecimal()).isEqualByComparingTo(a.toBigDecimal().max(b.toBigDecimal()));
            assertThat(Price.min(a, b).toBigDecimal()).isEqualByComparingTo(a.toBigDecimal().min(b.toBigDecimal()));
        }
    }

    @Test
    void quantityArithmeticNeverGoesNegative() {
        RandomValues values = new RandomValues(32);
        for (int i = 0; i < CASES; i++) {
            Quantity x = Quantity.ofRaw(Math.abs(mostlyInRange(values)) & Long.MAX_VALUE, values.precision());
            Quantity y = Quantity.ofRaw(values.nonNegativeLong(), values.precision());
            // Mostly the larger first, so most differences are valid and a quarter must throw.
            boolean ordered = values.nextInt(4) != 0;
            checkPair(ordered ? Quantity.max(x, y) : x, ordered ? Quantity.min(x, y) : y, Quantity::plus,
                    Quantity::minus, false);
        }
    }

    @Test
    void moneyArithmeticOrderingAndEquality() {
        RandomValues values = new RandomValues(33);
        for (int i = 0; i < CASES; i++) {
            Money a = Money.ofRaw(mostlyInRange(values), values.precision(), Currency.USD);
            Price same = samePriceAtRandomPrecision(Price.ofRaw(a.raw(), a.precision()), values);
            Money b = values.nextInt(4) == 0 ? Money.ofRaw(same.raw(), same.precision(), Currency.USD)
                    : Money.ofRaw(values.anyLong(), values.precision(), Currency.USD);
            checkPair(a, b, Money::plus, Money::minus, true);
        }
    }

    @Test
    void controlCharactersAreRefusedNotTrimmedAway() {
        for (String bad : new String[] {"100\u0000", "\u0000100", "10\u00070", "100\n", "\t100", "100\r", "1\u007f"}) {
            assertThatThrownBy(() -> Price.of(bad)).as("%s", bad.chars().boxed().toList())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character")
                    .hasMessageNotContaining("\u0000");
            assertThatThrownBy(() -> Quantity.of(bad, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("control character");
            assertThatThrownBy(() -> Money.of(bad, Currency.USD)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("control character");
        }
        assertThat(Price.of(" 100 ")).isEqualTo(Price.of("100"));
        String huge = "1".repeat(1_000_000) + "x";
        assertThatThrownBy(() -> Price.of(huge, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000001 characters")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void equalValuesAtDifferentPrecisionsAreEqualWithTheSameHash() {
        assertThat(Price.of("1.20")).isEqualTo(Price.of("1.2")).hasSameHashCodeAs(Price.of("1.2"));
        assertThat(Price.of("1.000000000")).isEqualTo(Price.of("1")).hasSameHashCodeAs(Price.of("1"));
        assertThat(Price.of("-0.50")).isEqualTo(Price.of("-0.5")).hasSameHashCodeAs(Price.of("-0.5"));
        assertThat(Price.of("0.00")).isEqualTo(Price.of("0")).hasSameHashCodeAs(Price.of("-0"));
        assertThat(Quantity.of("3.000")).isEqualTo(Quantity.ofUnits(3, 0)).hasSameHashCodeAs(Quantity.of("3"));
        assertThat(Money.of("2.50", Currency.USD)).isEqualTo(Money.ofRaw(25, 1, Currency.USD))
                .hasSameHashCodeAs(Money.ofRaw(2_500_000, 6, Currency.USD));
        assertThat(Money.of("2.50", Currency.USD)).isNotEqualTo(Money.of("2.50", Currency.EUR));
        assertThat(Price.of("1.20").toString()).isEqualTo("1.20");
        assertThat(Money.of("2.5", Currency.USD).toString()).isEqualTo("2.50 USD");
        assertThat(Price.of("1")).isNotEqualTo(Quantity.of("1"));
    }

    @Test
    void overflowThrowsNeverWraps() {
        Price max = Price.ofRaw(Long.MAX_VALUE, 2);
        assertThatThrownBy(() -> max.plus(Price.ofRaw(1, 2))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Price.ofRaw(Long.MIN_VALUE, 2).minus(Price.ofRaw(1, 2)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Price.ofRaw(Long.MIN_VALUE, 0).negate()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
        // Rescaling a small-precision value up to the other's precision overflows before the addition.
        assertThatThrownBy(() -> Price.ofRaw(Long.MAX_VALUE / 10, 0).plus(Price.ofRaw(1, 9)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Quantity.ofRaw(Long.MAX_VALUE, 0).plus(Quantity.ofRaw(1, 0)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Quantity.ofUnits(Long.MAX_VALUE / 10, 2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofRaw(Long.MAX_VALUE, 2, Currency.USD).times(-2))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofRaw(Long.MAX_VALUE, 2, Currency.USD).withPrecision(3, RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofRaw(Long.MAX_VALUE, 2, Currency.USD)
                .timesRatio(3, 2, RoundingMode.DOWN)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void quantityIsNeverNegative() {
        assertThatThrownBy(() -> Quantity.ofRaw(-1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.001");
        assertThatThrownBy(() -> Quantity.of("-2.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2.5");
        assertThatThrownBy(() -> Quantity.of("1").minus(Quantity.of("1.5"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.5");
        assertThatThrownBy(() -> Quantity.of("1").times(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Quantity.of("-0")).isEqualTo(Quantity.zero(0));
        assertThat(Quantity.of("1.5").minus(Quantity.of("1.50"))).isEqualTo(Quantity.zero(2));
    }

    @Test
    void moneyInTwoCurrenciesDoesNotMix() {
        Money usd = Money.of("10.00", Currency.USD);
        Money eur = Money.of("10.00", Currency.EUR);
        assertThatThrownBy(() -> usd.plus(eur)).isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThatThrownBy(() -> usd.minus(eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd.compareTo(eur)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd.ratioTo(eur, 4, RoundingMode.HALF_EVEN))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> usd.plus(Money.of("1", new Currency("USD", 4))))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("cannot combine money in USD (2 decimals) with money in USD (4 decimals)");
        CurrencyMismatchException e = new CurrencyMismatchException(Currency.USD, Currency.EUR);
        assertThat(e).hasMessage("cannot combine money in USD with money in EUR");
        assertThat(e.left()).isEqualTo(Currency.USD);
        assertThat(e.right()).isEqualTo(Currency.EUR);
    }

    @Test
    void moneyRoundingAndRatios() {
        Money fee = Money.of("123.45", Currency.USD).timesRatio(7, 10_000, RoundingMode.HALF_EVEN);
        assertThat(fee).isEqualTo(Money.of("0.09", Currency.USD));
        assertThat(Money.ofRaw(12_345, 3, Currency.USD).rounded(RoundingMode.HALF_EVEN))
                .isEqualTo(Money.of("12.34", Currency.USD));
        assertThat(Money.ofRaw(12_355, 3, Currency.USD).rounded(RoundingMode.HALF_EVEN).toString())
                .isEqualTo("12.36 USD");
        assertThat(Money.ofRaw(5, 1, Currency.USD).rounded(RoundingMode.UNNECESSARY).precision()).isEqualTo(2);
        assertThat(Money.of("-3", Currency.USD).abs()).isEqualTo(Money.of("3", Currency.USD));
        assertThat(Money.of("110", Currency.USD).ratioTo(Money.of("100", Currency.USD), 4, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("1.1");
        assertThat(Money.of(new BigDecimal("1.23456"), Currency.USD).precision()).isEqualTo(5);
        assertThat(Money.of(new BigDecimal("1E+3"), Currency.JPY).toString()).isEqualTo("1000 JPY");
        assertThat(Quantity.of("3").ratioTo(Quantity.of("4"), 2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("0.75");
    }

    @Test
    void badInputNamesTheValue() {
        assertThatThrownBy(() -> Price.of("12,5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("price").hasMessageContaining("\"12,5\"");
        assertThatThrownBy(() -> Price.of("1.234", 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"1.234\"").hasMessageContaining("precision 2");
        assertThatThrownBy(() -> Price.of("0.0000000001")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0000000001").hasMessageContaining("10 decimal places");
        assertThatThrownBy(() -> Price.of((String) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("price");
        assertThatThrownBy(() -> Quantity.of("abc", 2)).hasMessageContaining("quantity").hasMessageContaining("abc");
        assertThatThrownBy(() -> Money.of("1.005", Currency.USD.precision(), Currency.USD))
                .hasMessageContaining("money").hasMessageContaining("1.005");
        assertThatThrownBy(() -> Price.of(new BigDecimal("1.005"), 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.005");
        assertThatThrownBy(() -> Price.of("9999999999.5", 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9999999999.5");
        assertThatThrownBy(() -> Price.ofRaw(1, 10)).hasMessageContaining("precision").hasMessageContaining("10");
        assertThatThrownBy(() -> new Currency("usd", 2)).hasMessageContaining("\"usd\"");
        assertThatThrownBy(() -> Currency.of("XYZ")).hasMessageContaining("\"XYZ\"");
    }

    @Test
    void parsingWithExplicitRounding() {
        assertThat(Price.of("1.005", 2, RoundingMode.HALF_EVEN)).isEqualTo(Price.of("1.00"));
        assertThat(Price.of("1.015", 2, RoundingMode.HALF_EVEN)).isEqualTo(Price.of("1.02"));
        assertThat(Price.of("-1.005", 2, RoundingMode.HALF_UP)).isEqualTo(Price.of("-1.01"));
        assertThat(Price.of(" 42.10 ")).isEqualTo(Price.of("42.1"));
        assertThat(Quantity.of("0.123456789012", 9, RoundingMode.DOWN).raw()).isEqualTo(123_456_789L);
        assertThat(Price.of(new BigDecimal("2.675"), 2, RoundingMode.HALF_EVEN).toString()).isEqualTo("2.68");
        assertThat(Price.of("0.10").toDouble()).isEqualTo(0.1);
        assertThat(Price.of("-3.5").signum()).isEqualTo(-1);
        assertThat(Price.of("3.50").rawAt(4)).isEqualTo(35_000);
        assertThatThrownBy(() -> Price.of("3.55").rawAt(1)).isInstanceOf(ArithmeticException.class);
    }
}
