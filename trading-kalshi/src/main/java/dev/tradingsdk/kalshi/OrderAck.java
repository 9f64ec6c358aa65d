package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * What a V2 create returned (a flat body: no status, price or side), or what the lookup after an ambiguous
 * create found.
 *
 * @param averageFillPrice per contract, only when something filled
 * @param averageFeePaid   per contract, only when something filled
 * @param engineTimeMillis the matching engine's {@code ts_ms}; 0 when the order was found by lookup
 * @param recovered        true when the create timed out and the order was then found by its client order id
 */
public record OrderAck(String orderId, String clientOrderId, Quantity fillCount, Quantity remainingCount,
                       Optional<Price> averageFillPrice, Optional<Money> averageFeePaid, long engineTimeMillis,
                       boolean recovered) {

    public OrderAck {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(fillCount, "fillCount");
        Objects.requireNonNull(remainingCount, "remainingCount");
    }
}
