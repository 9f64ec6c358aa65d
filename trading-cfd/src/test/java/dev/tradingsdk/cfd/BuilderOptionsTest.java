package dev.tradingsdk.cfd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cfd builders refuse an option set twice, naming both, and a competition refuses terms whose caps differ. */
class BuilderOptionsTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void termsRefuseAnOptionSetTwiceNamingBoth() {
        assertThatThrownBy(() -> CfdTerms.builder().commissionBps(5).commissionBps(7))
                .isInstanceOf(IllegalStateException.class).hasMessage("commissionBps set twice: 5 and 7");
        assertThatThrownBy(() -> CfdTerms.builder().marginLevels(100, 50).marginLevels(80, 40))
                .hasMessage("marginLevels set twice: 100/50 and 80/40");
        assertThatThrownBy(() -> CfdTerms.builder().spreadBps(AssetClass.FX, 2).spreadBps(AssetClass.FX, 3))
                .hasMessage("spreadBps FX set twice: 2 and 3");
        assertThat(CfdTerms.builder().spreadBps(AssetClass.FX, 2).spreadBps(AssetClass.CRYPTO, 3).build()).isNotNull();
    }

    @Test
    void aCopyOfTermsMayChangeEachValueOnce() {
        CfdTerms terms = CfdTerms.builder().commissionBps(5).build();
        assertThat(terms.toBuilder().commissionBps(7).build().commissionBps()).isEqualTo(7);
        assertThatThrownBy(() -> terms.toBuilder().commissionBps(7).commissionBps(9))
                .hasMessage("commissionBps set twice: 7 and 9");
    }

    @Test
    void competitionRefusesAnOptionSetTwiceNamingBoth() {
        assertThatThrownBy(() -> Competition.builder("c").maxLeverage(10).maxLeverage(20))
                .isInstanceOf(IllegalStateException.class).hasMessage("maxLeverage set twice: 10 and 20");
        assertThatThrownBy(() -> Competition.builder("c").window(START, START.plusSeconds(60))
                .window(START, START.plusSeconds(120)))
                .hasMessage("window set twice: " + START + " .. " + START.plusSeconds(60) + " and " + START + " .. "
                        + START.plusSeconds(120));
    }

    @Test
    void competitionRefusesTermsWhoseCapsDifferFromItsOwn() {
        Competition.Builder competition = Competition.builder("c").window(START, START.plusSeconds(3600))
                .initialCapital(Money.of("1000", Currency.USD)).maxLeverage(5).maxPositionPercent(100)
                .terms(CfdTerms.builder().maxLeverage(30).build());
        assertThatThrownBy(competition::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("maxLeverage 5 conflicts with the terms' maxLeverage 30");
        assertThat(Competition.builder("c").window(START, START.plusSeconds(3600))
                .initialCapital(Money.of("1000", Currency.USD)).maxLeverage(5).maxPositionPercent(100)
                .terms(CfdTerms.builder().maxLeverage(5).build()).build().terms().maxLeverage()).isEqualTo(5);
    }
}
