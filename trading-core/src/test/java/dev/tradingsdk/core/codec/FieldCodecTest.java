package dev.tradingsdk.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCodecTest {

    private static final Instrument BTC = Instrument.builder("BTC,USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    private static final Instant T = Instant.parse("2024-01-02T03:04:05.123456789Z");

    private static Order roundTrip(Order order) {
        byte[] bytes = new FieldWriter().text("x").order(order).toBytes();
        FieldReader r = new FieldReader("test record", bytes, Map.of(BTC.id(), BTC)::get);
        return r.decode(() -> {
            assertThat(r.text()).isEqualTo("x");
            return r.order();
        });
    }

    @Test
    void ordersInEveryStatusComeBackEqualFieldByField() {
        OrderRequest request = OrderRequest.buy(BTC).clientOrderId("id-1").quantity("0.5000")
                .limit("100.25").goodTill(T.plusSeconds(3600)).postOnly(true).build();
        Fill fill = new Fill(request.clientOrderId(), "t-1", BTC, Side.BUY, Price.of("100.25"), Quantity.of("0.2000"),
                Money.of("0.01", Currency.USD), T.plusSeconds(1));
        Order accepted = new Order(request, T);
        accepted.markSubmitted(T);
        accepted.markAccepted("v-1", T);
        Order partial = accepted.snapshot();
        partial.applyFill(fill);
        Order canceled = partial.snapshot();
        canceled.markCanceled("by user", T.plusSeconds(2));
        Order rejected = new Order(request, T);
        rejected.markRejected("denied: A (x); B (y)", T);

        for (Order o : List.of(new Order(request, T), accepted, partial, canceled, rejected)) {
            Order back = roundTrip(o);
            assertThat(new FieldWriter().request(back.request()).toString())
                    .isEqualTo(new FieldWriter().request(o.request()).toString());
            assertThat(back.request().expireAt()).isEqualTo(o.request().expireAt());
            assertThat(back.status()).isEqualTo(o.status());
            assertThat(back.reason()).isEqualTo(o.reason());
            assertThat(back.venueOrderId()).isEqualTo(o.venueOrderId());
            assertThat(back.fills()).isEqualTo(o.fills());
            assertThat(back.updatedAt()).isEqualTo(o.updatedAt());
        }
    }

    @Test
    void aDamagedFieldIsNamedWithItsNumberAndText() {
        byte[] bad = "x,1.5:2".getBytes(StandardCharsets.UTF_8);
        FieldReader r = new FieldReader("test record", bad, id -> null);
        assertThatThrownBy(() -> r.decode(() -> {
            r.text();
            return r.money();
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field 2")
                .hasMessageContaining("\"1.5:2\"");
        FieldReader trailing = new FieldReader("test record", "x,y".getBytes(StandardCharsets.UTF_8), id -> null);
        assertThatThrownBy(() -> trailing.decode(trailing::text)).hasMessageContaining("1 unexpected trailing");
    }
}
