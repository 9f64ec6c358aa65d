package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Quantity;
import java.util.Objects;

/** A V2 cancel's answer: how many contracts were still resting and are now gone. */
public record CancelAck(String orderId, String clientOrderId, Quantity reducedBy, long engineTimeMillis) {

    public CancelAck {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reducedBy, "reducedBy");
    }
}
