package dev.tradingsdk.polymarket.dto;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;

/** A {@code last_trade_price} market event. */
public record LastTrade(String assetId, String market, Price price, Quantity size, Side side, long feeRateBps,
        long timestampMillis) {
}
