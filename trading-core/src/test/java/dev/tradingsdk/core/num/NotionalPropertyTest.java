package dev.tradingsdk.core.num;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** price × quantity (× multiplier) is Money, exact up to 9 decimals and rounded half-even once beyond. */
class NotionalPropertyTest {

    private static final int CASES = 50_000;

    /** The exact product rounded once, half-even, to min(sum of precisions, 9); null when it cannot fit. */
    private static BigDecimal expected(BigDecimal exact, int precisionSum) {
        BigDecimal rounded = exact.setScale(Math.min(precisionSum, FixedMath.MAX_PRECISION), RoundingMode.HALF_EVEN);
        return RandomValues.fitsLong(new BigDecimal(rounded.unscaledValue())) ? rounded : null;
    }

    private static void check(String description, BigDecimal expected, java.util.function.Supplier<Money> actual) {
        if (expected == null) {
            assertThatThrownBy(actual::get).as(description).isInstanceOf(ArithmeticException.class);
            return;
        }
        Money got = actual.get();
        assertThat(got.toBigDecimal()).as(description).isEqualTo(expected);
        assertThat(got.currency()).isEqualTo(Currency.USDC);
    }

    @Test
    void priceTimesQuantityIsExactThenRoundedHalfEven() {
        RandomValues values = new RandomValues(41);
        for (int i = 0; i < CASES; i++) {
            Price price = Price.ofRaw(values.nextBoolean() ? values.smallLong(40) : values.anyLong(), values.precision());
            Quantity quantity = Quantity.ofRaw(Math.abs(values.smallLong(40)), values.precision());
            BigDecimal exact = price.toBigDecimal().multiply(quantity.toBigDecimal());
            check(price + " x " + quantity, expected(exact, price.precision() + quantity.precision()),
                    () -> Notional.of(price, quantity, Currency.USDC));
        }
    }

    @Test
    void priceTimesQuantityTimesMultiplierIsRoundedOnlyOnce() {
        RandomValues values = new RandomValues(42);
        for (int i = 0; i < CASES; i++) {
            Price price = Price.ofRaw(values.smallLong(40), values.precision());
            Quantity quantity = Quantity.ofRaw(Math.abs(values.smallLong(35)), values.precision());
            Quantity multiplier = Quantity.ofRaw(Math.abs(values.smallLong(20)) + 1, values.nextInt(4));
            BigDecimal exact = price.toBigDecimal().multiply(quantity.toBigDecimal())
                    .multiply(multiplier.toBigDecimal());
            check(price + " x " + quantity + " x " + multiplier,
                    expected(exact, price.precision() + quantity.precision() + multiplier.precision()),
                    () -> Notional.of(price, quantity, multiplier, Currency.USDC));
        }
    }

    @Test
    void handComputedProducts() {
        assertThat(Notional.of(Price.of("64000.50"), Quantity.of("0.25"), Currency.USDC).toBigDecimal())
                .isEqualTo(new BigDecimal("16000.1250"));
        // 0.12345 × 0.00005 = 0.0000061725 has 10 decimals: half-even to 9 gives 0.000006172 (the 2 is even).
        assertThat(Notional.of(Price.of("0.12345"), Quantity.of("0.00005"), Currency.USDC).toBigDecimal())
                .isEqualTo(new BigDecimal("0.000006172"));
        // An ES future: 5000.25 × 2 contracts × 50.
        assertThat(Notional.of(Price.of("5000.25"), Quantity.of("2"), Quantity.of("50"), Currency.USDC)
                .toBigDecimal()).isEqualByComparingTo("500025");
        // 0.00001 × 0.00001 × 0.5 = 5e-11 rounds (once) to zero; rounding the first product first would too,
        // but 0.00003 × 0.00005 × 100 = 1.5e-7 must not lose the 1.5e-9 step twice.
        assertThat(Notional.of(Price.of("0.00003"), Quantity.of("0.00005"), Quantity.of("100"), Currency.USDC)
                .toBigDecimal()).isEqualByComparingTo("0.00000015");
        assertThat(Notional.raw(640_005, 1, 25, 2, 2, RoundingMode.HALF_EVEN)).isEqualTo(1_600_012L);
        assertThat(Notional.raw(640_005, 1, 25, 2, 2, RoundingMode.UP)).isEqualTo(1_600_013L);
    }

    @Test
    void overflowingNotionalThrows() {
        assertThatThrownBy(() -> Notional.of(Price.ofRaw(Long.MAX_VALUE, 0), Quantity.of("2"), Currency.USD))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Notional.of(Price.of("1000000000"), Quantity.of("1000000000"), Quantity.of("100"),
                Currency.USD)).isInstanceOf(ArithmeticException.class);
    }
}
