package dev.tradingsdk.core.num;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** The one mid price: half-even at the given precision, exact at one more decimal through {@link Price#mid}. */
class MidPriceTest {

    @Test
    void midRawIsTheHalfEvenMidpointAtTheSamePrecision() {
        assertThat(FixedMath.midRaw(100, 103)).isEqualTo(102);  // 101.5 -> 102 (even)
        assertThat(FixedMath.midRaw(100, 101)).isEqualTo(100);  // 100.5 -> 100 (even)
        assertThat(FixedMath.midRaw(100, 104)).isEqualTo(102);  // exact
        assertThat(FixedMath.midRaw(-3, 0)).isEqualTo(-2);      // -1.5 -> -2 (even)
        assertThat(FixedMath.midRaw(-1, 0)).isZero();           // -0.5 -> 0 (even)
        for (long bid = -50; bid <= 50; bid++) {
            for (long ask = bid; ask <= bid + 7; ask++) {
                long expected = BigDecimal.valueOf(bid + ask).divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_EVEN)
                        .longValueExact();
                assertThat(FixedMath.midRaw(bid, ask)).as("mid of %d and %d", bid, ask).isEqualTo(expected);
            }
        }
        assertThatThrownBy(() -> FixedMath.midRaw(Long.MAX_VALUE, 1)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void priceMidIsExactAtOneMoreDecimalAndHalfEvenOnlyAtNine() {
        assertThat(Price.mid(Price.of("100.25"), Price.of("100.50")).toBigDecimal()).isEqualByComparingTo("100.375");
        assertThat(Price.mid(Price.of("100.25"), Price.of("100.50")).precision()).isEqualTo(3);
        assertThat(Price.mid(Price.of("1.5"), Price.of("2.25")).toBigDecimal()).isEqualByComparingTo("1.875");
        assertThat(Price.mid(Price.ofRaw(1, 9), Price.ofRaw(2, 9))).isEqualTo(Price.ofRaw(2, 9));
        assertThat(Price.mid(Price.ofRaw(1, 9), Price.ofRaw(4, 9))).isEqualTo(Price.ofRaw(2, 9));
    }
}
