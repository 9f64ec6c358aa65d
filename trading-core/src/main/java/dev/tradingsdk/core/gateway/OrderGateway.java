package dev.tradingsdk.core.gateway;

import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import java.util.List;
import java.util.Optional;

/**
 * Where orders go: a live venue, the paper broker, a CFD account or the backtest's simulated venue. Strategy
 * code written against this interface runs unchanged on any of them.
 *
 * <p>A request the gateway cannot accept (risk, funds, venue rules) comes back as an order in status
 * {@code REJECTED} with the reason, not as an exception; invalid requests never get this far because
 * {@link OrderRequest} validates itself. Transport failures throw.
 */
public interface OrderGateway {

    /** Submits {@code request}; returns a snapshot of the order after submission (possibly already filled). */
    Order submit(OrderRequest request);

    /** Submits an entry with its OCO take-profit and stop-loss exits. */
    default List<Order> submit(BracketOrder bracket) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support bracket orders");
    }

    /** Requests cancellation; returns false when the order is unknown or no longer open. */
    boolean cancel(ClientOrderId id);

    /** A snapshot of the order, if known. */
    Optional<Order> order(ClientOrderId id);

    /** Snapshots of all open orders. */
    List<Order> openOrders();

    void addListener(OrderListener listener);

    default GatewayCapabilities capabilities() {
        return GatewayCapabilities.all();
    }
}
