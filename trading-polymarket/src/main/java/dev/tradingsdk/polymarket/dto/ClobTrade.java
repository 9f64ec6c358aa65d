package dev.tradingsdk.polymarket.dto;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;

/** A trade from {@code /data/trades}. */
public record ClobTrade(String id, String market, String assetId, Side side, Price price, Quantity size,
        UserTradeEvent.Status status, String takerOrderId, String outcome, long matchTime) {
}
