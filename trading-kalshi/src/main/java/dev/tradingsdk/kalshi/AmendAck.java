package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * A V2 amend or decrease's answer. Kalshi warned (2026-05-21) that a cancel/amend answer may describe another
 * order than the one acted on; {@link KalshiClient} refuses an answer whose order id differs from the request's.
 *
 * @param remainingCount resting size after the change, when the venue sent it
 * @param fillCount      filled so far, when the venue sent it
 */
public record AmendAck(String orderId, String clientOrderId, Optional<Quantity> remainingCount,
                       Optional<Quantity> fillCount, long engineTimeMillis) {

    public AmendAck {
        Objects.requireNonNull(orderId, "orderId");
    }
}
