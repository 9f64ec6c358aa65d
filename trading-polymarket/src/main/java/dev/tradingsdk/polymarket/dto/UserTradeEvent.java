package dev.tradingsdk.polymarket.dto;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.util.List;

/**
 * A user-channel {@code trade} event. A trade moves MATCHED → MINED → CONFIRMED, or to RETRYING and possibly
 * FAILED; each step arrives as a new event with the same trade id.
 */
public record UserTradeEvent(String tradeId, Status status, String market, String assetId, Side side, Price price,
        Quantity size, String takerOrderId, List<String> makerOrderIds, long timestampMillis) {

    public UserTradeEvent {
        makerOrderIds = List.copyOf(makerOrderIds);
    }

    public enum Status {
        MATCHED,
        MINED,
        CONFIRMED,
        RETRYING,
        FAILED;

        /** True once the status can no longer change. */
        public boolean isFinal() {
            return this == CONFIRMED || this == FAILED;
        }
    }
}
