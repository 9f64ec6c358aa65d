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

    /**
     * Submits an entry with its OCO take-profit and stop-loss exits. A gateway whose {@link #capabilities()} has
     * {@code brackets} overrides this; the default, for the others, refuses.
     */
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

    /**
     * What this gateway supports. Every gateway declares it (there is no permissive default): callers check it
     * before trading, and the testkit's {@code OrderGatewayContract} holds the gateway to it, brackets included.
     */
    GatewayCapabilities capabilities();
}
