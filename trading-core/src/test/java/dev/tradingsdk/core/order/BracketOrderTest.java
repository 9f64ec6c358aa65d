package dev.tradingsdk.core.order;

import static dev.tradingsdk.core.TestInstruments.AAPL;
import static dev.tradingsdk.core.TestInstruments.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Price;
import org.junit.jupiter.api.Test;

class BracketOrderTest {

    private static final OrderRequest BUY_ENTRY = OrderRequest.buy(AAPL).quantity("10").limit("100.00")
            .clientOrderId("entry-1").build();
    private static final OrderRequest SELL_ENTRY = OrderRequest.sell(AAPL).quantity("10").limit("100.00")
            .clientOrderId("entry-2").build();

    @Test
    void buyEntryExitsAboveAndBelow() {
        BracketOrder bracket = BracketOrder.of(BUY_ENTRY, Price.of("110"), Price.of("95"), null);
        OrderRequest tp = bracket.takeProfit();
        OrderRequest sl = bracket.stopLoss();
        assertThat(tp.side()).isEqualTo(Side.SELL);
        assertThat(tp.type()).isEqualTo(OrderType.LIMIT);
        assertThat(tp.limitPrice()).contains(Price.of("110"));
        assertThat(tp.reduceOnly()).isTrue();
        assertThat(tp.quantity()).isEqualTo(BUY_ENTRY.quantity());
        assertThat(tp.clientOrderId()).isEqualTo(ClientOrderId.of("entry-1-tp"));
        assertThat(sl.side()).isEqualTo(Side.SELL);
        assertThat(sl.type()).isEqualTo(OrderType.STOP);
        assertThat(sl.stopPrice()).contains(Price.of("95"));
        assertThat(sl.reduceOnly()).isTrue();
        assertThat(sl.clientOrderId()).isEqualTo(ClientOrderId.of("entry-1-sl"));
        assertThat(sl.timeInForce()).isEqualTo(TimeInForce.GTC);
    }

    @Test
    void sellEntryIsMirrored() {
        BracketOrder bracket = BracketOrder.of(SELL_ENTRY, Price.of("90"), Price.of("105"), null);
        assertThat(bracket.takeProfit().side()).isEqualTo(Side.BUY);
        assertThat(bracket.stopLoss().side()).isEqualTo(Side.BUY);
        assertThatThrownBy(() -> BracketOrder.of(SELL_ENTRY, Price.of("110"), Price.of("105"), null))
                .isInstanceOfSatisfying(InvalidOrderException.class,
                        e -> assertThat(e.field()).isEqualTo("takeProfitPrice"))
                .hasMessageContaining("below the entry price 100.00").hasMessageContaining("SELL");
        assertThatThrownBy(() -> BracketOrder.of(SELL_ENTRY, Price.of("90"), Price.of("95"), null))
                .isInstanceOfSatisfying(InvalidOrderException.class,
                        e -> assertThat(e.field()).isEqualTo("stopLossPrice"))
                .hasMessageContaining("above");
    }

    @Test
    void buyEntryRejectsExitsOnTheWrongSideOfThePrice() {
        assertThatThrownBy(() -> BracketOrder.of(BUY_ENTRY, Price.of("95"), Price.of("90"), null))
                .isInstanceOfSatisfying(InvalidOrderException.class,
                        e -> assertThat(e.field()).isEqualTo("takeProfitPrice"))
                .hasMessageContaining("above");
        assertThatThrownBy(() -> BracketOrder.of(BUY_ENTRY, Price.of("100"), Price.of("90"), null))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> BracketOrder.of(BUY_ENTRY, Price.of("110"), Price.of("100.00"), null))
                .isInstanceOfSatisfying(InvalidOrderException.class,
                        e -> assertThat(e.field()).isEqualTo("stopLossPrice"));
        assertThatThrownBy(() -> BracketOrder.of(BUY_ENTRY, Price.of("110.005"), Price.of("90"), null))
                .isInstanceOfSatisfying(InvalidOrderException.class,
                        e -> assertThat(e.field()).isEqualTo("limitPrice"));
    }

    @Test
    void marketEntryNeedsAReferencePrice() {
        OrderRequest market = OrderRequest.buy(BTC).quantity("0.5").clientOrderId("m-1").build();
        assertThatThrownBy(() -> BracketOrder.of(market, Price.of("110"), Price.of("90"), null))
                .isInstanceOfSatisfying(InvalidOrderException.class,
                        e -> assertThat(e.field()).isEqualTo("referencePrice"));
        BracketOrder bracket = BracketOrder.of(market, Price.of("110"), Price.of("90"), Price.of("100"));
        assertThat(bracket.entry()).isSameAs(market);
        assertThatThrownBy(() -> BracketOrder.of(market, Price.of("99"), Price.of("90"), Price.of("100")))
                .isInstanceOf(InvalidOrderException.class);
    }

    @Test
    void longIdsAreShortenedToFitTheSuffix() {
        OrderRequest entry = BUY_ENTRY.toBuilder().clientOrderId("x".repeat(64)).build();
        BracketOrder bracket = BracketOrder.of(entry, Price.of("110"), Price.of("95"), null);
        assertThat(bracket.takeProfit().clientOrderId().value()).isEqualTo("x".repeat(61) + "-tp");
        assertThat(bracket.stopLoss().clientOrderId().value()).hasSize(64);
    }

    @Test
    void ocoSiblingIsTheOtherExit() {
        BracketOrder bracket = BracketOrder.of(BUY_ENTRY, Price.of("110"), Price.of("95"), null);
        assertThat(bracket.ocoSibling(bracket.takeProfit().clientOrderId())).isSameAs(bracket.stopLoss());
        assertThat(bracket.ocoSibling(bracket.stopLoss().clientOrderId())).isSameAs(bracket.takeProfit());
        assertThatThrownBy(() -> bracket.ocoSibling(BUY_ENTRY.clientOrderId()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry-1");
    }

    @Test
    void theConstructorEnforcesTheDocumentedShape() {
        OrderRequest tp = OrderRequest.sell(AAPL).quantity("10").limit("110").reduceOnly(true).clientOrderId("tp")
                .build();
        OrderRequest sl = OrderRequest.sell(AAPL).quantity("10").stop("95").reduceOnly(true).clientOrderId("sl")
                .build();
        assertThat(new BracketOrder(BUY_ENTRY, tp, sl).takeProfit()).isSameAs(tp);
        assertField("takeProfit", () -> new BracketOrder(BUY_ENTRY, tp.toBuilder().reduceOnly(false).build(), sl));
        assertField("stopLoss", () -> new BracketOrder(BUY_ENTRY, tp, sl.toBuilder().quantity("5").build()));
        assertField("takeProfit", () -> new BracketOrder(BUY_ENTRY,
                OrderRequest.buy(AAPL).quantity("10").limit("110").reduceOnly(true).clientOrderId("tp").build(), sl));
        assertField("stopLoss", () -> new BracketOrder(BUY_ENTRY, tp,
                OrderRequest.sell(BTC).quantity("10").stop("95").reduceOnly(true).clientOrderId("sl").build()));
        assertField("takeProfit", () -> new BracketOrder(BUY_ENTRY, sl, sl.toBuilder().clientOrderId("sl2").build()));
        assertField("stopLoss", () -> new BracketOrder(BUY_ENTRY, tp, tp.toBuilder().clientOrderId("tp2").build()));
        assertField("takeProfitPrice", () -> new BracketOrder(BUY_ENTRY, tp.toBuilder().limit("90").build(), sl));
        assertField("clientOrderId", () -> new BracketOrder(BUY_ENTRY, tp, sl.toBuilder().clientOrderId("tp").build()));
    }

    private static void assertField(String field, Runnable construct) {
        assertThatThrownBy(construct::run)
                .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
