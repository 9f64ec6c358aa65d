package dev.tradingsdk.polymarket.dto;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;

/** A user-channel {@code order} event: {@code type} is PLACEMENT, UPDATE (a fill) or CANCELLATION. */
public record UserOrderEvent(String orderId, Type type, String market, String assetId, Side side, Price price,
        Quantity originalSize, Quantity sizeMatched, String outcome, long timestampMillis) {

    public enum Type {
        PLACEMENT,
        UPDATE,
        CANCELLATION
    }
}
