package dev.tradingsdk.core.gateway;

import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;

/** Receives order updates from a gateway, on the gateway's event thread. Orders passed are snapshots. */
@FunctionalInterface
public interface OrderListener {

    /** The order changed status (submitted, accepted, filled, canceled, rejected, expired). */
    void onOrderUpdate(Order order);

    /** An execution; called before the {@link #onOrderUpdate} that reflects it. */
    default void onFill(Fill fill, Order order) {
    }
}
