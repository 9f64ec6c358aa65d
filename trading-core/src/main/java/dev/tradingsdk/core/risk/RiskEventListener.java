package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.time.EpochNanos;

/**
 * Receives every audit event of a governor or monitor, e.g. to write it to the journal. Called under the
 * governor's lock: keep it quick and never call back into the governor.
 */
@FunctionalInterface
public interface RiskEventListener {

    void onEvent(RiskEvent event);

    /**
     * An order was accepted. The default builds a {@link RiskEvent.OrderAccepted}; a listener that must not
     * allocate on the accept path overrides this and reads the order's fields directly.
     */
    default void orderAccepted(String accountId, OrderRequest order, long epochNanos) {
        onEvent(new RiskEvent.OrderAccepted(accountId, order.clientOrderId(), order.instrument().id(),
                order.side(), order.quantity(), order.limitPriceOrNull(), EpochNanos.toInstant(epochNanos)));
    }
}
