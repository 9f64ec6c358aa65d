package dev.tradingsdk.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void moneyWithMoreDecimalsThanTheCurveIsRefusedNotRounded() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD, 2);
        b.add(T0, Money.of("100.10", Currency.USD), Money.of("0.000", Currency.USD));

        assertThatThrownBy(() -> b.add(T0.plusSeconds(60), Money.of("100.005", Currency.USD),
                Money.zero(Currency.USD)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("equity").hasMessageContaining("100.005").hasMessageContaining("precision 2");
        assertThatThrownBy(() -> b.add(T0.plusSeconds(60), Money.of("100", Currency.USD),
                Money.of("5.0001", Currency.USD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exposure");

        EquityCurve curve = b.build();
        assertThat(curve.size()).isEqualTo(1);
        assertThat(curve.equity(0)).isEqualTo(Money.of("100.10", Currency.USD));
    }
}
