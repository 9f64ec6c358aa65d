package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.order.ClientOrderId;
import java.util.Objects;

/**
 * An order a LIVE restart could not settle with the venue (its lookup threw, or the venue's answer did not fit
 * the journal): until a later lookup settles it, the engine denies new orders on {@code instrument} in
 * {@code accountId} with {@link TradingEngine#UNRECONCILED_ORDER}.
 *
 * @param reason why it is unsettled, from the last lookup
 */
public record UnreconciledOrder(String accountId, ClientOrderId orderId, InstrumentId instrument, String reason) {

    public UnreconciledOrder {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(reason, "reason");
    }
}
