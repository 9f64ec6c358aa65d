package dev.tradingsdk.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DerivativeInstrumentTest {

    /** E-mini S&P 500 December 2026: last trade Friday 2026-12-18 at 09:30 New York. */
    static final Instant ESZ6_EXPIRY = Instant.parse("2026-12-18T14:30:00Z");
    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    static Instrument.Builder esz6() {
        return Instrument.builder("ESZ6", Venue.of("CME")).assetClass(AssetClass.FUTURE).quoteCurrency(Currency.USD)
                .pricePrecision(2).tickSize("0.25").sizePrecision(0).multiplier("50").underlying("ES")
                .expiry(ESZ6_EXPIRY).future(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 18));
    }

    static final Instrument ESZ6 = esz6().build();

    static Instrument.Builder call5000() {
        return Instrument.builder("ESZ6 C5000", Venue.of("CME")).assetClass(AssetClass.OPTION)
                .quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.05").sizePrecision(0).multiplier("50")
                .expiry(ESZ6_EXPIRY).option(ESZ6, OptionRight.CALL, "5000").strikeIncrement("5")
                .exerciseStyle(ExerciseStyle.AMERICAN).tradingClass("ES");
    }

    @Test
    void aFutureCarriesItsContractMonthLastTradeDateExchangeAndTickValue() {
        Instrument es = esz6().exchange("CME").build();
        FutureTerms terms = es.future().orElseThrow();
        assertThat(terms.contractMonth()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(terms.lastTradeDate()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(terms.exchange()).isEqualTo("CME");
        assertThat(es.tickValue()).isEqualTo(Money.of("12.50", Currency.USD));
        assertThat(es.option()).isEmpty();
        assertThat(es.expiryOrNull()).isEqualTo(ESZ6_EXPIRY);
    }

    @Test
    void anOptionOnAFutureCarriesItsTermsAndAggregatesUnderTheFuturesUnderlying() {
        Instrument call = call5000().build();
        OptionTerms terms = call.option().orElseThrow();
        assertThat(terms.underlying()).isEqualTo(ESZ6);
        assertThat(terms.strike()).isEqualTo(Price.of("5000.00"));
        assertThat(terms.right()).isEqualTo(OptionRight.CALL);
        assertThat(terms.style()).isEqualTo(ExerciseStyle.AMERICAN);
        assertThat(terms.strikeIncrement()).isEqualTo(Price.of("5.00"));
        assertThat(terms.exchange()).isEqualTo("CME");
        assertThat(terms.tradingClass()).isEqualTo("ES");
        assertThat(terms.onFuture()).isTrue();
        assertThat(call.underlying()).isEqualTo("ES");
        assertThat(call.tickValue()).isEqualTo(Money.of("2.50", Currency.USD));
    }

    @Test
    void anOptionOnASpotInstrumentDefaultsItsGridToTheSpotTick() {
        Instrument spy = Instrument.builder("SPY", Venue.of("ARCA")).assetClass(AssetClass.EQUITY)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();
        Instrument put = Instrument.builder("SPY 261218P00600000", Venue.of("CBOE")).assetClass(AssetClass.OPTION)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).multiplier("100")
                .expiry(Instant.parse("2026-12-18T21:00:00Z")).option(spy, OptionRight.PUT, "600.5")
                .exerciseStyle(ExerciseStyle.AMERICAN).tradableAt(NOW).build();
        OptionTerms terms = put.option().orElseThrow();
        assertThat(terms.onFuture()).isFalse();
        assertThat(terms.strikeIncrement()).isEqualTo(Price.of("0.01"));
        assertThat(terms.tradingClass()).isEqualTo("SPY");
        assertThat(terms.exchange()).isEqualTo("CBOE");
    }

    static Stream<Arguments> badDerivatives() {
        return Stream.of(
                bad("assetClass", () -> esz6().assetClass(AssetClass.INDEX)),
                bad("contractMonth", () -> esz6().future(null, LocalDate.of(2026, 12, 18))),
                bad("lastTradeDate", () -> esz6().future(YearMonth.of(2026, 12), null)),
                bad("lastTradeDate", () -> esz6().future(YearMonth.of(2026, 11), LocalDate.of(2026, 12, 18))),
                bad("lastTradeDate", () -> esz6().future(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 15))),
                bad("expiry", () -> esz6().expiry(null)),
                bad("expiry", () -> esz6().tradableAt(ESZ6_EXPIRY)),
                bad("exchange", () -> esz6().exchange(" ")),
                bad("assetClass", () -> call5000().assetClass(AssetClass.FUTURE)),
                bad("optionUnderlying", () -> call5000().option(null, OptionRight.CALL, "5000")),
                bad("optionUnderlying", () -> call5000().option(call5000().build(), OptionRight.CALL, "5000")),
                bad("right", () -> call5000().option(ESZ6, null, "5000")),
                bad("strike", () -> call5000().option(ESZ6, OptionRight.CALL, null)),
                bad("strike", () -> call5000().option(ESZ6, OptionRight.CALL, "5002.50")),
                bad("strike", () -> call5000().option(ESZ6, OptionRight.CALL, "5000.125")),
                bad("strike", () -> call5000().option(ESZ6, OptionRight.CALL, "-5")),
                bad("strikeIncrement", () -> call5000().strikeIncrement("0")),
                bad("exerciseStyle", () -> call5000().exerciseStyle(null)),
                bad("expiry", () -> call5000().expiry(ESZ6_EXPIRY.plusSeconds(1))),
                bad("expiry", () -> call5000().tradableAt(ESZ6_EXPIRY.plusSeconds(1))),
                bad("underlying", () -> call5000().underlying("SPX")),
                bad("quoteCurrency", () -> call5000().quoteCurrency(Currency.EUR)),
                bad("tradingClass", () -> call5000().tradingClass("")),
                bad("future", () -> call5000().future(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 18))));
    }

    private static Arguments bad(String field, java.util.function.Supplier<Instrument.Builder> builder) {
        return Arguments.of(field, (UnaryOperator<Instrument.Builder>) ignored -> builder.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDerivatives")
    void eachBadTermIsNamed(String field, UnaryOperator<Instrument.Builder> definition) {
        assertThatThrownBy(() -> definition.apply(null).build())
                .isInstanceOfSatisfying(InvalidInstrumentException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field);
    }

    @Test
    void messagesNameTheInstrumentAndTheValue() {
        assertThatThrownBy(() -> call5000().option(ESZ6, OptionRight.CALL, "5002.50").build())
                .hasMessage("instrument ESZ6 C5000.CME: strike 5002.50: is not on the strike grid of 5.00");
        assertThatThrownBy(() -> esz6().tradableAt(Instant.parse("2026-12-19T00:00:00Z")).build())
                .hasMessageContaining("ESZ6.CME").hasMessageContaining("2026-12-18T14:30:00Z");
    }

    @Test
    void instrumentsWithoutTermsAreUnchanged() {
        Instrument plain = Instrument.builder("SPX261218C4000", Venue.of("CBOE")).assetClass(AssetClass.OPTION)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).multiplier("100").underlying("SPX")
                .build();
        assertThat(plain.option()).isEmpty();
        assertThat(plain.future()).isEmpty();
        assertThat(plain.optionOrNull()).isNull();
    }
}
