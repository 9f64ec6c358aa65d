package dev.tradingsdk.core.order;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;

/** One execution of (part of) an order. {@code fee} is what the account paid (negative for a rebate). */
public record Fill(ClientOrderId orderId, String tradeId, Instrument instrument, Side side, Price price,
                   Quantity quantity, Money fee, Instant timestamp) {

    public Fill {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(timestamp, "timestamp");
        if (quantity.isZero()) {
            throw new IllegalArgumentException("fill quantity must be positive, was " + quantity);
        }
    }

    /** price × quantity × multiplier in the instrument's quote currency. */
    public Money notional() {
        return instrument.notional(price, quantity);
    }
}
