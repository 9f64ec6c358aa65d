package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.options.OptionsFixtures.CHAIN;
import static dev.tradingsdk.core.options.OptionsFixtures.ESZ6;
import static dev.tradingsdk.core.options.OptionsFixtures.T0_NANOS;
import static dev.tradingsdk.core.options.OptionsFixtures.call;
import static dev.tradingsdk.core.options.OptionsFixtures.option;
import static dev.tradingsdk.core.options.OptionsFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.ExerciseStyle;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Price;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionChainTest {

    @Test
    void strikesAreSortedAndEachRightIsFoundByStrike() {
        assertThat(CHAIN.underlying()).isEqualTo(ESZ6);
        assertThat(CHAIN.expiry()).isEqualTo(OptionsFixtures.EXPIRY);
        assertThat(CHAIN.strikes()).extracting(Price::toString)
                .containsExactly("4900.00", "4950.00", "5000.00", "5050.00", "5100.00");
        assertThat(CHAIN.call(Price.of("5050"))).contains(call(5050));
        assertThat(CHAIN.option(OptionRight.PUT, Price.of("4900.00"))).contains(put(4900));
        assertThat(CHAIN.call(Price.of("5025.00"))).isEmpty();
        assertThat(CHAIN.options()).hasSize(10);
    }

    @Test
    void atTheMoneyIsTheNearestStrikeWithTiesToTheLower() {
        assertThat(CHAIN.atTheMoney(Price.of("5012.25"))).isEqualTo(Price.of("5000.00"));
        assertThat(CHAIN.atTheMoney(Price.of("5025.00"))).isEqualTo(Price.of("5000.00"));
        assertThat(CHAIN.atTheMoney(Price.of("5025.25"))).isEqualTo(Price.of("5050.00"));
        assertThat(CHAIN.atTheMoney(Price.of("4000.00"))).isEqualTo(Price.of("4900.00"));
        assertThat(CHAIN.atTheMoney(Price.of("6000.00"))).isEqualTo(Price.of("5100.00"));
    }

    @Test
    void nearestDeltaPicksFromTheBooksModelDeltas() {
        GreeksBook book = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
        assertThat(CHAIN.nearestDelta(OptionRight.CALL, 0.25, book)).isEmpty();
        book.time(T0_NANOS);
        book.price(ESZ6, 500_000);
        book.volatilityOfAll(ESZ6, 0.20);
        // 28 days at 20%: one standard deviation is ≈ 277 points, so 5100 is the ~30-delta call, 4900 the
        // ~30-delta put, and 5000 the ~50-delta of each.
        assertThat(CHAIN.nearestDelta(OptionRight.CALL, 0.25, book)).contains(call(5100));
        assertThat(CHAIN.nearestDelta(OptionRight.CALL, 0.5, book)).contains(call(5000));
        assertThat(CHAIN.nearestDelta(OptionRight.PUT, -0.3, book)).contains(put(4900));
        assertThat(CHAIN.nearestDelta(OptionRight.PUT, -0.49, book)).contains(put(5000));
    }

    @Test
    void aMixedOrDuplicatedChainIsRefusedNamingTheOptions() {
        assertThatThrownBy(() -> OptionChain.of(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> OptionChain.of(List.of(call(5000), option(OptionRight.CALL, "5000"))))
                .hasMessageContaining("ESZ6 C5000.CME").hasMessageContaining("both the CALL at strike 5000.00");
        Instrument weekly = Instrument.builder("EW3Z6 C5000", OptionsFixtures.CME).assetClass(AssetClass.OPTION)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).multiplier("50")
                .expiry(Instant.parse("2026-12-11T21:00:00Z")).option(ESZ6, OptionRight.CALL, "5000")
                .exerciseStyle(ExerciseStyle.AMERICAN).tradingClass("EW3").build();
        assertThatThrownBy(() -> OptionChain.of(List.of(call(5000), weekly))).hasMessageContaining("EW3Z6 C5000.CME")
                .hasMessageContaining("2026-12-11T21:00:00Z");
        assertThatThrownBy(() -> OptionChain.of(List.of(ESZ6))).hasMessageContaining("no option terms");
    }
}
