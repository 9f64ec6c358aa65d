package dev.tradingsdk.polymarket.dto;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;

/** An order as the CLOB reports it from {@code /data/orders}. */
public record OpenOrder(String id, String status, String market, String assetId, Side side, Price price,
        Quantity originalSize, Quantity sizeMatched, String outcome, String orderType, long expiration,
        long createdAt) {
}
