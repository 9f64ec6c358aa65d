package dev.tradingsdk.core.journal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;

/** A small sealed event family, journalled as JSON with a "type" tag. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TradeEvent.OrderPlaced.class, name = "order_placed"),
    @JsonSubTypes.Type(value = TradeEvent.Filled.class, name = "filled")
})
sealed interface TradeEvent {

    String orderId();

    record OrderPlaced(String orderId, String symbol, long quantity, BigDecimal limitPrice) implements TradeEvent {
    }

    record Filled(String orderId, long quantity, BigDecimal price) implements TradeEvent {
    }

    /** A deterministic event for sequence {@code n}, so a reader can check content against the sequence. */
    static TradeEvent numbered(long n) {
        return n % 2 == 1
            ? new OrderPlaced("o-" + n, "AAPL", n, new BigDecimal("187.25"))
            : new Filled("o-" + (n - 1), n - 1, new BigDecimal("187.20"));
    }
}
