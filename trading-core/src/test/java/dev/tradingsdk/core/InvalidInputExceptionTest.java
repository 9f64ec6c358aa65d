package dev.tradingsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import org.junit.jupiter.api.Test;

/** The book, order and instrument errors share one base and one message shape: [context: ]field value: reason. */
class InvalidInputExceptionTest {

    private static final Instrument BTC = Instrument.builder("BTCUSD", Venue.SIM)
            .assetClass(AssetClass.CRYPTO).quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();

    @Test
    void everyValidationErrorNamesFieldValueAndReasonTheSameWay() {
        assertThatThrownBy(() -> new OrderBook(BTC, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("levelsPerSide");
                    assertThat(e.value()).isEqualTo("0");
                    assertThat(e.getMessage()).isEqualTo("levelsPerSide 0: " + e.reason());
                });
        assertThatThrownBy(() -> OrderRequest.builder(BTC, Side.BUY).quantity("0").market().build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("quantity");
                    assertThat(e.getMessage()).isEqualTo("quantity " + e.value() + ": " + e.reason());
                });
        assertThatThrownBy(() -> Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).tickSize("-0.01").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("tickSize");
                    assertThat(e.getMessage()).isEqualTo("instrument BTCUSD.SIM: tickSize " + e.value() + ": "
                            + e.reason());
                });
    }
}
