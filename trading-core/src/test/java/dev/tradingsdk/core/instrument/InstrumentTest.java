package dev.tradingsdk.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InstrumentTest {

    private static Instrument.Builder valid(String symbol) {
        return Instrument.builder(symbol, Venue.SIM).assetClass(AssetClass.CRYPTO).quoteCurrency(Currency.USDT)
                .pricePrecision(2).sizePrecision(4);
    }

    @Test
    void defaultsFollowThePrecisions() {
        Instrument btc = valid("BTCUSDT").build();
        assertThat(btc.id()).isEqualTo(InstrumentId.of("BTCUSDT", "SIM"));
        assertThat(btc.toString()).isEqualTo("BTCUSDT.SIM");
        assertThat(btc.tickSize()).isEqualTo(Price.of("0.01"));
        assertThat(btc.lotSize()).isEqualTo(Quantity.of("0.0001"));
        assertThat(btc.minSize()).isEqualTo(btc.lotSize());
        assertThat(btc.multiplier()).isEqualTo(Quantity.of("1"));
        assertThat(btc.underlying()).isEqualTo("BTCUSDT");
        assertThat(btc.expiry()).isEmpty();
        assertThat(btc.tickRaw()).isEqualTo(1);
        assertThat(btc.lotRaw()).isEqualTo(1);
        assertThat(btc).isEqualTo(valid("BTCUSDT").pricePrecision(1).build()).hasSameHashCodeAs(btc);
    }

    static Stream<Arguments> badDefinitions() {
        return Stream.of(
                bad("symbol", b -> Instrument.builder(" ", Venue.SIM).assetClass(AssetClass.FX)
                        .quoteCurrency(Currency.USD).pricePrecision(5).sizePrecision(0)),
                bad("venue", b -> Instrument.builder("EURUSD", null).assetClass(AssetClass.FX)
                        .quoteCurrency(Currency.USD).pricePrecision(5).sizePrecision(0)),
                bad("assetClass", b -> b.assetClass(null)),
                bad("quoteCurrency", b -> b.quoteCurrency(null)),
                bad("pricePrecision", b -> b.pricePrecision(10)),
                bad("pricePrecision", b -> b.pricePrecision(-1)),
                bad("sizePrecision", b -> Instrument.builder("X", Venue.SIM).assetClass(AssetClass.FX)
                        .quoteCurrency(Currency.USD).pricePrecision(2)),
                bad("tickSize", b -> b.tickSize("0")),
                bad("tickSize", b -> b.tickSize("-0.01")),
                bad("tickSize", b -> b.tickSize("0.005")),
                bad("tickSize", b -> b.tickSize("abc")),
                bad("lotSize", b -> b.lotSize("0")),
                bad("lotSize", b -> b.lotSize("0.00001")),
                bad("lotSize", b -> b.lotSize("-1")),
                bad("minSize", b -> b.lotSize("0.01").minSize("0.015")),
                bad("minSize", b -> b.minSize("0")),
                bad("multiplier", b -> b.multiplier("0")),
                bad("multiplier", b -> b.multiplier("x")),
                bad("underlying", b -> b.underlying(" ")));
    }

    private static Arguments bad(String field, UnaryOperator<Instrument.Builder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDefinitions")
    void eachBadFieldIsNamed(String field, UnaryOperator<Instrument.Builder> change) {
        assertThatThrownBy(() -> change.apply(valid("BTCUSDT")).build())
                .isInstanceOfSatisfying(InvalidInstrumentException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field);
    }

    @Test
    void messagesNameTheValue() {
        assertThatThrownBy(() -> valid("BTCUSDT").tickSize("0.005").build())
                .hasMessageContaining("BTCUSDT.SIM").hasMessageContaining("0.005").hasMessageContaining("pricePrecision 2");
        assertThatThrownBy(() -> valid("BTCUSDT").pricePrecision(12).build()).hasMessageContaining("12");
        assertThatThrownBy(() -> valid("BTCUSDT").multiplier("x").build()).hasMessageContaining("\"x\"");
    }

    @Test
    void halfCentAndQuarterTicks() {
        Instrument halfCent = valid("ES").assetClass(AssetClass.FUTURE).pricePrecision(3).tickSize("0.005").build();
        assertThat(halfCent.isOnTick(Price.of("1.005"))).isTrue();
        assertThat(halfCent.isOnTick(Price.of("1.010"))).isTrue();
        assertThat(halfCent.isOnTick(Price.of("1.01"))).isTrue();
        assertThat(halfCent.isOnTick(Price.of("1.0050"))).isTrue();
        assertThat(halfCent.isOnTick(Price.of("1.006"))).isFalse();
        assertThat(halfCent.isOnTick(Price.of("1.0051"))).isFalse();
        assertThat(halfCent.isOnTick(Price.of("-0.015"))).isTrue();
        assertThat(halfCent.isOnTick(Price.of("-0.014"))).isFalse();

        Instrument quarter = valid("ZN").pricePrecision(4).tickSize("0.0025").build();
        assertThat(quarter.tickRaw()).isEqualTo(25);
        assertThat(quarter.isOnTick(Price.of("0.5025"))).isTrue();
        assertThat(quarter.isOnTick(Price.of("0.5050"))).isTrue();
        assertThat(quarter.isOnTick(Price.of("0.5075"))).isTrue();
        assertThat(quarter.isOnTick(Price.of("0.5010"))).isFalse();
        assertThat(quarter.isOnTick(Price.of("0.50250"))).isTrue();
        assertThat(quarter.isOnTick(Price.of("0.50251"))).isFalse();
        // A tick written with a trailing zero beyond the precision is still the same tick.
        assertThat(valid("X").pricePrecision(3).tickSize("0.0050").build().tickRaw()).isEqualTo(5);
    }

    @Test
    void pricesOutsideTheRangeAreOffGridNotAnError() {
        Instrument nine = valid("X").pricePrecision(9).sizePrecision(9).build();
        assertThat(nine.isOnTick(Price.ofRaw(Long.MAX_VALUE, 0))).isFalse();
        assertThat(nine.isOnLot(Quantity.ofRaw(Long.MAX_VALUE, 0))).isFalse();
    }

    @Test
    void lotsAndMinimumSize() {
        Instrument lots = valid("AAPL").assetClass(AssetClass.EQUITY).sizePrecision(2).lotSize("0.25").minSize("1")
                .build();
        assertThat(lots.isOnLot(Quantity.of("0.75"))).isTrue();
        assertThat(lots.isOnLot(Quantity.of("0.750"))).isTrue();
        assertThat(lots.isOnLot(Quantity.of("3"))).isTrue();
        assertThat(lots.isOnLot(Quantity.of("0.5"))).isTrue();
        assertThat(lots.isOnLot(Quantity.of("0.2"))).isFalse();
        assertThat(lots.isOnLot(Quantity.of("0.251"))).isFalse();
        assertThat(lots.minSize()).isEqualTo(Quantity.of("1"));
    }

    @Test
    void roundingToTheGridIsExplicit() {
        Instrument quarter = valid("ZN").pricePrecision(4).tickSize("0.0025").sizePrecision(2).lotSize("0.25").build();
        assertThat(quarter.roundPrice(new BigDecimal("0.5037"), RoundingMode.HALF_EVEN)).isEqualTo(Price.of("0.5025"));
        assertThat(quarter.roundPrice(new BigDecimal("0.50375"), RoundingMode.HALF_EVEN)).isEqualTo(Price.of("0.505"));
        assertThat(quarter.roundPrice(new BigDecimal("0.5038"), RoundingMode.HALF_EVEN)).isEqualTo(Price.of("0.505"));
        assertThat(quarter.roundPrice(new BigDecimal("0.5026"), RoundingMode.FLOOR)).isEqualTo(Price.of("0.5025"));
        assertThat(quarter.roundPrice(new BigDecimal("0.5026"), RoundingMode.CEILING)).isEqualTo(Price.of("0.505"));
        assertThat(quarter.roundPrice(new BigDecimal("-0.5026"), RoundingMode.FLOOR)).isEqualTo(Price.of("-0.505"));
        assertThat(quarter.roundPrice(Price.of("0.51"), RoundingMode.DOWN)).isEqualTo(Price.of("0.51"));
        Price rounded = quarter.roundPrice(new BigDecimal("0.5"), RoundingMode.UNNECESSARY);
        assertThat(rounded.precision()).isEqualTo(4);
        assertThat(quarter.isOnTick(rounded)).isTrue();
        assertThatThrownBy(() -> quarter.roundPrice(new BigDecimal("0.501"), RoundingMode.UNNECESSARY))
                .isInstanceOf(ArithmeticException.class);
        assertThat(quarter.roundSize(new BigDecimal("1.3"), RoundingMode.DOWN)).isEqualTo(Quantity.of("1.25"));
        assertThat(quarter.roundSize(new BigDecimal("1.3"), RoundingMode.UP)).isEqualTo(Quantity.of("1.5"));
        assertThat(quarter.roundSize(new BigDecimal("1.375"), RoundingMode.HALF_EVEN)).isEqualTo(Quantity.of("1.5"));
        assertThat(quarter.roundSize(new BigDecimal("1.3"), RoundingMode.DOWN).precision()).isEqualTo(2);
    }

    @Test
    void parsesAtTheInstrumentPrecision() {
        Instrument btc = valid("BTCUSDT").build();
        assertThat(btc.price("64000.5").precision()).isEqualTo(2);
        assertThat(btc.size("0.25").raw()).isEqualTo(2_500);
        assertThatThrownBy(() -> btc.price("64000.505")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64000.505");
    }

    @Test
    void notionalAppliesTheMultiplier() {
        Instrument es = valid("ESZ6").assetClass(AssetClass.FUTURE).quoteCurrency(Currency.USD).tickSize("0.25")
                .sizePrecision(0).multiplier("50").expiry(Instant.parse("2026-12-18T14:30:00Z")).underlying("ES")
                .build();
        assertThat(es.notional(Price.of("5000.25"), Quantity.of("3"))).isEqualTo(Money.of("750037.50", Currency.USD));
        assertThat(es.expiry()).contains(Instant.parse("2026-12-18T14:30:00Z"));
        assertThat(es.underlying()).isEqualTo("ES");
        Instrument mini = valid("MINI").quoteCurrency(Currency.USD).sizePrecision(2).multiplier("0.1").build();
        assertThat(mini.notional(Price.of("123.45"), Quantity.of("0.33")).toBigDecimal())
                .isEqualByComparingTo("4.073850");
    }

    @Test
    void idAndVenueValidation() {
        assertThatThrownBy(() -> Venue.of("sim")).hasMessageContaining("\"sim\"");
        assertThatThrownBy(() -> InstrumentId.of("", "SIM")).hasMessageContaining("symbol");
        assertThat(InstrumentId.of("ETH-USD", "COINBASE").toString()).isEqualTo("ETH-USD.COINBASE");
    }
}
