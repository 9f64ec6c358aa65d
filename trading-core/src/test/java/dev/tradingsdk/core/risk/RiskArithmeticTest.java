package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.risk.internal.IdWindow;
import dev.tradingsdk.core.risk.internal.RawValuation;
import dev.tradingsdk.core.risk.internal.WideMath;
import org.junit.jupiter.api.Test;

class RiskArithmeticTest {

    private static TopOfBook twoSided(long bid, long ask) {
        return new TopOfBook(BTC).update(bid, 1, ask, 1, 0);
    }

    @Test
    void midRoundsExactHalvesToTheEvenNeighbour() {
        assertThat(RawValuation.markRaw(twoSided(100, 103))).isEqualTo(102);
        assertThat(RawValuation.markRaw(twoSided(100, 101))).isEqualTo(100);
        assertThat(RawValuation.markRaw(twoSided(-3, 0))).isEqualTo(-2);
        assertThat(RawValuation.markRaw(twoSided(-1, 0))).isZero();
        assertThat(RawValuation.markRaw(twoSided(100, 100))).isEqualTo(100);
        assertThat(RawValuation.markRaw(null)).isEqualTo(Long.MIN_VALUE);
        assertThat(RawValuation.markRaw(twoSided(100, 104).clear(dev.tradingsdk.core.order.Side.SELL, 0)))
                .isEqualTo(100);
    }

    @Test
    void notionalIsExactWithAndWithoutRescalingAndThrowsOnOverflow() {
        // 0.0001 BTC at 50,000.00 = 5.000000 USD
        assertThat(RawValuation.notionalRaw(BTC, 1, 50_000_00)).isEqualTo(5_000_000);
        // 3 ES at 4,000.25 × 50 = 600,037.50 USD
        assertThat(RawValuation.notionalRaw(ES, 3, 4_000_25)).isEqualTo(600_037_500_000L);
        assertThatThrownBy(() -> RawValuation.notionalRaw(BTC, Long.MAX_VALUE / 2, 50_000_00))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void productComparisonIsExactBeyondTheRangeOfALong() {
        assertThat(WideMath.compareProducts(3, 4, 2, 6)).isZero();
        assertThat(WideMath.compareProducts(Long.MAX_VALUE, 3, Long.MAX_VALUE, 2)).isPositive();
        assertThat(WideMath.compareProducts(Long.MAX_VALUE, 2, Long.MAX_VALUE - 1, 3)).isNegative();
        assertThat(WideMath.compareProducts(-Long.MAX_VALUE, 2, 1, 1)).isNegative();
    }

    @Test
    void idWindowRejectsABadCapacityAndRemembersWhatItWasGiven() {
        assertThatThrownBy(() -> new IdWindow(0)).hasMessageContaining("capacity");
        IdWindow window = new IdWindow(2);
        assertThat(window.add("a")).isTrue();
        assertThat(window.add("a")).isFalse();
        window.add("b");
        window.add("c");
        window.add("d");
        assertThat(window.contains("c")).isTrue();
        assertThat(window.contains("d")).isTrue();
        window.add("e");
        window.add("f");
        assertThat(window.contains("a")).isFalse();
    }
}
