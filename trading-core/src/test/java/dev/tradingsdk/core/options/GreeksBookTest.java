package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.options.OptionsFixtures.CHAIN;
import static dev.tradingsdk.core.options.OptionsFixtures.ESZ6;
import static dev.tradingsdk.core.options.OptionsFixtures.EXPIRY;
import static dev.tradingsdk.core.options.OptionsFixtures.T0;
import static dev.tradingsdk.core.options.OptionsFixtures.T0_NANOS;
import static dev.tradingsdk.core.options.OptionsFixtures.call;
import static dev.tradingsdk.core.options.OptionsFixtures.fill;
import static dev.tradingsdk.core.options.OptionsFixtures.nanos;
import static dev.tradingsdk.core.options.OptionsFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsdk.core.TestInstruments;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.ExerciseStyle;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.DeltaSource;
import org.junit.jupiter.api.Test;

class GreeksBookTest {

    private static final double RATE = 0.05;
    private static final double YEARS = (nanos(EXPIRY) - T0_NANOS) / (365.0 * 86_400e9);

    private final GreeksBook book = GreeksBook.builder().rate(RATE).chain(CHAIN).build();

    private void market(String future, double vol) {
        book.time(T0_NANOS);
        book.price(ESZ6, Price.of(future).rawAt(2));
        book.volatilityOfAll(ESZ6, vol);
    }

    @Test
    void optionsArePricedByBlack76AtTheFuturesPriceAndTheTimeToExpiry() {
        market("5000.00", 0.20);
        Greeks fromBook = new Greeks();
        assertThat(book.greeks(call(5050), fromBook)).isTrue();
        Greeks direct = Black76.greeks(OptionRight.CALL, 5000, 5050, YEARS, RATE, 0.20, new Greeks());
        assertThat(fromBook.price()).isEqualTo(direct.price());
        assertThat(fromBook.delta()).isEqualTo(direct.delta());
        assertThat(fromBook.gamma()).isEqualTo(direct.gamma());
        assertThat(fromBook.vega()).isEqualTo(direct.vega());
        assertThat(fromBook.theta()).isEqualTo(direct.theta());
        assertThat(book.deltaRaw(call(5050))).isEqualTo(Math.round(direct.delta() * 1e6));
        assertThat(book.deltaRaw(ESZ6)).isEqualTo(1_000_000);
        // OptionPricer prices one instrument the same way, without a book.
        Greeks alone = OptionPricer.greeks(call(5050), 5000, 0.20, RATE, 0, T0_NANOS, new Greeks());
        assertThat(alone.price()).isEqualTo(direct.price());
        assertThat(OptionPricer.yearsToExpiry(call(5050), T0_NANOS)).isEqualTo(YEARS);
        assertThat(OptionPricer.yearsToExpiry(call(5050), nanos(EXPIRY) + 1)).isZero();
        assertThatThrownBy(() -> OptionPricer.greeks(ESZ6, 5000, 0.2, RATE, 0, T0_NANOS, new Greeks()))
                .hasMessageContaining("no option terms");
    }

    @Test
    void anOptionOnASpotIsPricedByBlackScholesMertonWithItsDividendYield() {
        Instrument spx = Instrument.builder("SPX", Venue.of("CBOE")).assetClass(AssetClass.INDEX)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();
        Instrument spxCall = Instrument.builder("SPX C5000", Venue.of("CBOE")).assetClass(AssetClass.OPTION)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).multiplier("100").expiry(EXPIRY)
                .option(spx, OptionRight.CALL, "5000").exerciseStyle(ExerciseStyle.EUROPEAN).build();
        GreeksBook spot = GreeksBook.builder().rate(RATE).dividendYield(spx, 0.013).instruments(spxCall).build();
        spot.time(T0_NANOS);
        spot.price(spx, 500_000);
        spot.volatility(spxCall, 0.18);
        Greeks g = new Greeks();
        assertThat(spot.greeks(spxCall, g)).isTrue();
        assertThat(g.delta()).isEqualTo(BlackScholesMerton.greeks(OptionRight.CALL, 5000, 5000, YEARS, RATE, 0.013,
                0.18, new Greeks()).delta());
    }

    @Test
    void anOptionIsUnknownUntilItsUnderlyingPriceVolatilityAndTheTimeAreSet() {
        assertThat(book.deltaRaw(call(5000))).isEqualTo(DeltaSource.UNKNOWN);
        // A future's delta is 1 before any price is known.
        assertThat(book.deltaRaw(ESZ6)).isEqualTo(1_000_000);
        book.time(T0_NANOS);
        assertThat(book.deltaRaw(call(5000))).isEqualTo(DeltaSource.UNKNOWN);
        book.price(ESZ6, 500_000);
        assertThat(book.deltaRaw(call(5000))).isEqualTo(DeltaSource.UNKNOWN);
        assertThat(book.greeks(call(5000), new Greeks())).isFalse();
        book.volatility(call(5000), 0.2);
        assertThat(book.deltaRaw(call(5000))).isBetween(500_000L, 520_000L);
        assertThat(book.deltaRaw(put(5000))).isEqualTo(DeltaSource.UNKNOWN);
        // Not in the book: an option has no known delta, anything else is linear.
        Instrument other = OptionsFixtures.option(OptionRight.CALL, "5200");
        assertThat(book.deltaRaw(other)).isEqualTo(DeltaSource.UNKNOWN);
        assertThat(book.deltaRaw(TestInstruments.BTC)).isEqualTo(1_000_000);
    }

    @Test
    void aPriceMoveRepricesOnlyTheOptionsOnThatContractAndTimeDecaysThem() {
        market("5000.00", 0.20);
        long atTheMoney = book.deltaRaw(call(5000));
        book.price(ESZ6, 505_000);
        assertThat(book.deltaRaw(call(5000))).isGreaterThan(atTheMoney);
        Greeks before = new Greeks();
        book.greeks(call(5000), before);
        book.time(T0_NANOS + 86_400_000_000_000L);
        Greeks after = new Greeks();
        book.greeks(call(5000), after);
        // A day of decay is about theta / 365.
        assertThat(after.price() - before.price()).isCloseTo(before.theta() / 365, within(0.05));
        // After expiry the call 50 points in the money is worth 50 with delta 1.
        book.time(nanos(EXPIRY) + 1);
        book.greeks(call(5000), after);
        assertThat(after.price()).isEqualTo(50.0);
        assertThat(book.deltaRaw(call(5000))).isEqualTo(1_000_000);
        assertThat(book.deltaRaw(put(5000))).isZero();
    }

    @Test
    void badUpdatesAreRefusedAndChangeNothing() {
        market("5000.00", 0.20);
        long delta = book.deltaRaw(call(5000));
        assertThatThrownBy(() -> book.price(ESZ6, 0)).hasMessageContaining("ESZ6.CME").hasMessageContaining("0");
        assertThatThrownBy(() -> book.price(call(5000), 100)).hasMessageContaining("is an option");
        assertThatThrownBy(() -> book.volatility(call(5000), -0.1)).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> book.volatility(ESZ6, 0.1)).hasMessageContaining("not an option");
        assertThatThrownBy(() -> book.price(TestInstruments.AAPL, 100))
                .hasMessageContaining("not in this greeks book");
        assertThat(book.deltaRaw(call(5000))).isEqualTo(delta);
    }

    @Test
    void builderFailsEarly() {
        assertThatThrownBy(() -> GreeksBook.builder().build()).hasMessageContaining("rate");
        assertThatThrownBy(() -> GreeksBook.builder().rate(0.01).rate(0.02)).hasMessageContaining("0.01")
                .hasMessageContaining("0.02");
        assertThatThrownBy(() -> GreeksBook.builder().dividendYield(ESZ6, 0.01)).hasMessageContaining("FUTURE");
        Instrument noTerms = Instrument.builder("SPX261218C4000", Venue.of("CBOE")).assetClass(AssetClass.OPTION)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).multiplier("100").build();
        assertThatThrownBy(() -> GreeksBook.builder().instruments(noTerms)).hasMessageContaining("without option terms");
    }

    @Test
    void accountGreeksSumSizeTimesMultiplierPerUnderlying() {
        market("5000.00", 0.20);
        Portfolio account = new Portfolio("acc-1", Money.of("1000000.00", Currency.USD));
        account.apply(fill(call(5000), Side.SELL, 10, "120.00", T0));
        account.apply(fill(put(5000), Side.SELL, 10, "70.00", T0));
        account.apply(fill(ESZ6, Side.BUY, 1, "5000.00", T0));
        account.apply(fill(TestInstruments.AAPL, Side.BUY, 3, "200.00", T0));
        AccountGreeks greeks = new AccountGreeks(book);
        greeks.recompute(account, T0_NANOS);

        Greeks c = new Greeks();
        Greeks p = new Greeks();
        book.greeks(call(5000), c);
        book.greeks(put(5000), p);
        int es = greeks.indexOf("ES");
        assertThat(greeks.netDelta(es)).isCloseTo(-500 * (c.delta() + p.delta()) + 50, within(1e-9));
        assertThat(greeks.gamma(es)).isCloseTo(-500 * (c.gamma() + p.gamma()), within(1e-12));
        assertThat(greeks.vega(es)).isCloseTo(-500 * (c.vega() + p.vega()), within(1e-9));
        assertThat(greeks.theta(es)).isCloseTo(-500 * (c.theta() + p.theta()), within(1e-9)).isPositive();
        assertThat(greeks.complete(es)).isTrue();
        assertThat(greeks.positionsOutsideBook()).isEqualTo(1);
        assertThat(greeks.indexOf("NOPE")).isEqualTo(-1);

        GreeksSnapshot snapshot = greeks.snapshot();
        assertThat(snapshot.accountId()).isEqualTo("acc-1");
        assertThat(snapshot.computedAtNanos()).isEqualTo(T0_NANOS);
        assertThat(snapshot.of("ES").orElseThrow().netDelta()).isEqualTo(greeks.netDelta(es));
        assertThat(snapshot.positionsOutsideBook()).isEqualTo(1);

        // A moved market is picked up by the next recompute; an unpriced option marks its underlying incomplete.
        book.price(ESZ6, 510_000);
        greeks.recompute(account, T0_NANOS + 1);
        assertThat(greeks.netDelta(es)).isLessThan(snapshot.of("ES").orElseThrow().netDelta());
        GreeksBook unpriced = GreeksBook.builder().rate(RATE).chain(CHAIN).build();
        AccountGreeks incomplete = new AccountGreeks(unpriced);
        incomplete.recompute(account, T0_NANOS);
        assertThat(incomplete.complete(incomplete.indexOf("ES"))).isFalse();
        assertThat(incomplete.snapshot().of("ES").orElseThrow().complete()).isFalse();
    }
}
