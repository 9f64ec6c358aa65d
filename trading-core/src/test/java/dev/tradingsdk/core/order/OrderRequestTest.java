package dev.tradingsdk.core.order;

import static dev.tradingsdk.core.TestInstruments.AAPL;
import static dev.tradingsdk.core.TestInstruments.BTC;
import static dev.tradingsdk.core.TestInstruments.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderRequestTest {

    private static final Instant EXPIRY = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void typeFollowsThePricesGiven() {
        OrderRequest market = OrderRequest.buy(BTC).quantity("0.25").build();
        assertThat(market.type()).isEqualTo(OrderType.MARKET);
        assertThat(market.limitPrice()).isEmpty();
        assertThat(market.notional()).isEmpty();
        assertThat(market.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(market.quantity()).isEqualTo(Quantity.of("0.25"));
        assertThat(market.quantity().precision()).isEqualTo(3);

        OrderRequest limit = OrderRequest.sell(BTC).quantity("0.25").limit("64000.50").build();
        assertThat(limit.type()).isEqualTo(OrderType.LIMIT);
        assertThat(limit.side()).isEqualTo(Side.SELL);
        assertThat(limit.limitPrice()).contains(Price.of("64000.5"));
        assertThat(limit.notional()).contains(Money.of("16000.125", BTC.quoteCurrency()));

        OrderRequest stop = OrderRequest.sell(BTC).quantity("0.25").stop("60000").build();
        assertThat(stop.type()).isEqualTo(OrderType.STOP);
        assertThat(stop.notional()).contains(Money.of("15000", BTC.quoteCurrency()));

        OrderRequest stopLimit = OrderRequest.buy(BTC).quantity("0.25").stop("65000").limit("65100").build();
        assertThat(stopLimit.type()).isEqualTo(OrderType.STOP_LIMIT);

        OrderRequest gtd = OrderRequest.buy(AAPL).quantity(Quantity.of("3")).limit(Price.of("190.10"))
                .goodTill(EXPIRY).clientOrderId("my-1").reduceOnly(true).build();
        assertThat(gtd.timeInForce()).isEqualTo(TimeInForce.GTD);
        assertThat(gtd.expireAt()).contains(EXPIRY);
        assertThat(gtd.clientOrderId()).isEqualTo(ClientOrderId.of("my-1"));
        assertThat(gtd.reduceOnly()).isTrue();
        assertThat(gtd.toString()).isEqualTo("my-1 BUY 3 AAPL.NASDAQ LIMIT limit=190.10 GTD reduceOnly");
        assertThat(ES.notional(Price.of("5000.25"), Quantity.of("2"))).isEqualTo(
                OrderRequest.buy(ES).quantity("2").limit("5000.25").build().notional().orElseThrow());
    }

    @Test
    void aNullPriceIsAnErrorNamingTheFieldNotASilentMarketOrder() {
        Price bestBid = null;
        assertThatThrownBy(() -> OrderRequest.buy(BTC).quantity("1").limit(bestBid).build())
                .isInstanceOfSatisfying(InvalidOrderException.class,
                    e -> assertThat(e.field()).isEqualTo("limitPrice"));
        assertThatThrownBy(() -> OrderRequest.buy(BTC).quantity("1").limit((String) null).build())
                .isInstanceOfSatisfying(InvalidOrderException.class,
                    e -> assertThat(e.field()).isEqualTo("limitPrice"));
        assertThatThrownBy(() -> OrderRequest.sell(BTC).quantity("1").stop((Price) null).build())
                .isInstanceOfSatisfying(InvalidOrderException.class,
                    e -> assertThat(e.field()).isEqualTo("stopPrice"));
        assertThatThrownBy(() -> OrderRequest.sell(BTC).quantity("1").stop((String) null).build())
                .isInstanceOfSatisfying(InvalidOrderException.class,
                    e -> assertThat(e.field()).isEqualTo("stopPrice"));
        assertThat(OrderRequest.buy(BTC).quantity("1").market().build().type()).isEqualTo(OrderType.MARKET);
    }

    @Test
    void aGtdExpiryBefore1971IsAUnitMistakeAndRefused() {
        Instant secondsReadAsMillis = Instant.ofEpochMilli(EXPIRY.getEpochSecond());
        assertThatThrownBy(() -> OrderRequest.buy(AAPL).quantity("1").limit("190.10").goodTill(secondsReadAsMillis)
                .build())
                .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.field()).isEqualTo("expireAt"))
                .hasMessageContaining("1970-01");
        assertThat(OrderRequest.buy(AAPL).quantity("1").limit("190.10").goodTill(Instant.parse("1971-01-02T00:00:00Z"))
                .build().expireAt()).isPresent();
    }

    @Test
    void anOrderWhoseNotionalOverflowsIsRefusedAtBuild() {
        assertThatThrownBy(() -> OrderRequest.buy(BTC).quantity("100000000000").limit("100000").build())
                .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.field()).isEqualTo("quantity"))
                .hasMessageContaining("notional");
        assertThatThrownBy(() -> OrderRequest.sell(BTC).quantity("100000000000").stop("100000").build())
                .isInstanceOf(InvalidOrderException.class).hasMessageContaining("notional");
    }

    @Test
    void toBuilderDerivesAChangedCopy() {
        OrderRequest original = OrderRequest.buy(BTC).quantity("0.25").limit("64000.50").postOnly(true)
                .clientOrderId("a-1").build();
        OrderRequest moved = original.toBuilder().limit("64001").clientOrderId("a-2").build();
        assertThat(moved.limitPrice()).contains(Price.of("64001"));
        assertThat(moved.postOnly()).isTrue();
        assertThat(moved.quantity()).isEqualTo(original.quantity());
        assertThat(original.limitPrice()).contains(Price.of("64000.50"));
    }

    @Test
    void generatedIdsAreDistinct() {
        OrderRequest.Builder builder = OrderRequest.buy(BTC).quantity("1");
        assertThat(builder.build().clientOrderId()).isNotEqualTo(builder.build().clientOrderId());
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("quantity", "required", () -> OrderRequest.buy(BTC).limit("1")),
                invalid("quantity", "positive", () -> OrderRequest.buy(BTC).quantity("0")),
                invalid("quantity", "lot size", () -> OrderRequest.buy(AAPL).quantity(Quantity.of("1.5"))),
                invalid("quantity", "minimum size", () -> OrderRequest.buy(BTC).quantity("0.009")),
                invalid("quantity", "precision 3", () -> OrderRequest.buy(BTC).quantity("0.0101")),
                invalid("quantity", "precision 3", () -> OrderRequest.buy(BTC).quantity("-1")),
                invalid("quantity", "precision 3", () -> OrderRequest.buy(BTC).quantity("one")),
                invalid("limitPrice", "tick size", () -> OrderRequest.buy(ES).quantity("1").limit("5000.10")),
                invalid("limitPrice", "precision 2", () -> OrderRequest.buy(BTC).quantity("1").limit("1.001")),
                invalid("limitPrice", "tick size", () -> OrderRequest.buy(BTC).quantity("1")
                        .limit(Price.of("1.001"))),
                invalid("limitPrice", "positive", () -> OrderRequest.buy(BTC).quantity("1").limit("0")),
                invalid("limitPrice", "positive", () -> OrderRequest.buy(BTC).quantity("1").limit("-5")),
                invalid("limitPrice", "required for a LIMIT", () -> OrderRequest.buy(BTC).quantity("1")
                        .type(OrderType.LIMIT)),
                invalid("limitPrice", "required for a STOP_LIMIT", () -> OrderRequest.buy(BTC).quantity("1")
                        .stop("5").type(OrderType.STOP_LIMIT)),
                invalid("limitPrice", "must not be set for a MARKET", () -> OrderRequest.buy(BTC).quantity("1")
                        .limit("5").market()),
                invalid("limitPrice", "must not be set for a STOP", () -> OrderRequest.buy(BTC).quantity("1")
                        .limit("5").stop("6").type(OrderType.STOP)),
                invalid("stopPrice", "required for a STOP", () -> OrderRequest.buy(BTC).quantity("1")
                        .type(OrderType.STOP)),
                invalid("stopPrice", "must not be set for a LIMIT", () -> OrderRequest.buy(BTC).quantity("1")
                        .limit("5").stop("6").type(OrderType.LIMIT)),
                invalid("stopPrice", "tick size", () -> OrderRequest.sell(ES).quantity("1").stop("4999.90")),
                invalid("stopPrice", "positive", () -> OrderRequest.sell(BTC).quantity("1").stop("0")),
                invalid("expireAt", "required for a GTD", () -> OrderRequest.buy(BTC).quantity("1").limit("5")
                        .timeInForce(TimeInForce.GTD)),
                invalid("expireAt", "only allowed for a GTD", () -> OrderRequest.buy(BTC).quantity("1").limit("5")
                        .goodTill(EXPIRY).timeInForce(TimeInForce.DAY)),
                invalid("timeInForce", "required", () -> OrderRequest.buy(BTC).quantity("1").timeInForce(null)),
                invalid("postOnly", "resting LIMIT", () -> OrderRequest.buy(BTC).quantity("1").postOnly(true)),
                invalid("postOnly", "resting LIMIT", () -> OrderRequest.buy(BTC).quantity("1").stop("5")
                        .limit("5").postOnly(true)),
                invalid("postOnly", "IOC", () -> OrderRequest.buy(BTC).quantity("1").limit("5")
                        .timeInForce(TimeInForce.IOC).postOnly(true)),
                invalid("postOnly", "FOK", () -> OrderRequest.buy(BTC).quantity("1").limit("5")
                        .timeInForce(TimeInForce.FOK).postOnly(true)));
    }

    private static Arguments invalid(String field, String reason, Supplier<OrderRequest.Builder> builder) {
        return Arguments.of(field, reason, builder);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidRequests")
    void everyRuleNamesItsField(String field, String reason, Supplier<OrderRequest.Builder> builder) {
        assertThatThrownBy(() -> builder.get().build())
                .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field).hasMessageContaining(reason);
    }

    @Test
    void exceptionCarriesTheOffendingValue() {
        assertThatThrownBy(() -> OrderRequest.buy(ES).quantity("1").limit("5000.10").build())
                .isInstanceOfSatisfying(InvalidOrderException.class, e -> {
                    assertThat(e.value()).isEqualTo("5000.10");
                    assertThat(e.getMessage()).contains("0.25").contains("ESZ6.CME");
                });
    }

    @Test
    void validVariantsPass() {
        assertThat(OrderRequest.buy(BTC).quantity("0.010").build().quantity()).isEqualTo(Quantity.of("0.01"));
        assertThat(OrderRequest.buy(BTC).quantity("1").limit("5").postOnly(true).timeInForce(TimeInForce.DAY)
                .build().postOnly()).isTrue();
        // Futures may trade at zero or negative prices (oil in April 2020).
        assertThat(OrderRequest.sell(ES).quantity("1").limit("-37.50").build().limitPrice())
                .contains(Price.of("-37.5"));
        assertThat(OrderRequest.buy(ES).quantity("1").limit("5000.50").stop("5000.25").build().type())
                .isEqualTo(OrderType.STOP_LIMIT);
        assertThat(OrderRequest.buy(BTC).quantity("1").timeInForce(TimeInForce.IOC).build().timeInForce())
                .isEqualTo(TimeInForce.IOC);
    }

    @Test
    void clientOrderIds() {
        assertThatThrownBy(() -> ClientOrderId.of("has space")).hasMessageContaining("\"has space\"");
        assertThatThrownBy(() -> ClientOrderId.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ClientOrderId.of("a.b:c_d-1").toString()).isEqualTo("a.b:c_d-1");
        ClientOrderId.Generator ids = ClientOrderId.sequence("bt");
        assertThat(ids.next()).isEqualTo(ClientOrderId.of("bt-1"));
        assertThat(ids.next()).isEqualTo(ClientOrderId.of("bt-2"));
        assertThatThrownBy(() -> ClientOrderId.sequence("bad prefix")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientOrderIdAcceptsExactlyTheDocumentedCharactersAndLengths() {
        java.util.regex.Pattern documented = java.util.regex.Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");
        for (char c = 0; c < 0x3000; c++) {
            String id = "a" + c;
            boolean accepted;
            try {
                ClientOrderId.of(id);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
                assertThat(e).hasMessageContaining("clientOrderId");
            }
            assertThat(accepted).as("char U+%04X", (int) c).isEqualTo(documented.matcher(id).matches());
        }
        assertThat(ClientOrderId.of("x".repeat(64)).value()).hasSize(64);
        assertThatThrownBy(() -> ClientOrderId.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientOrderId.of(null)).hasMessageContaining("\"null\"");
        // Unicode digits and letters are not ASCII ones.
        assertThatThrownBy(() -> ClientOrderId.of("\u0661\u0662")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientOrderId.of("\u00e9t\u00e9")).isInstanceOf(IllegalArgumentException.class);
    }
}
