package dev.tradingsdk.brokers;

import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import java.util.List;
import java.util.Optional;

/**
 * One brokerage account behind one interface: the paper broker, Alpaca, Interactive Brokers, or an in-house
 * adapter. {@link BrokerGateway} turns any broker into core's {@code OrderGateway}, {@code AccountView} and
 * {@code MarketDataFeed}, so a strategy or agent runs on any of them unchanged.
 *
 * <p><b>Orders.</b> The client order id is the SDK's, set before anything is sent ({@link #nextClientOrderId()}
 * gives fresh ones); it is the idempotency key. When a submit times out or the connection drops, an adapter
 * looks the order up by that id before any re-send, so an order is never placed twice. A request the venue
 * refuses (rules, funds) comes back as an order in status {@code REJECTED} with the venue's reason; auth,
 * rate-limit, outage and unknown-outcome failures throw {@link BrokerException}.
 *
 * <p>Implementations are thread-safe.
 */
public interface Broker extends MarketDataSource, AutoCloseable {

    /** Paper or live; fixed at construction. */
    TradingMode mode();

    /** A client order id no earlier order of this broker used. */
    ClientOrderId nextClientOrderId();

    BrokerAccount account();

    /** Open (non-flat) positions. */
    List<BrokerPosition> positions();

    /** Submits {@code request}; returns the order as the venue reported it right after submission. */
    Order submit(OrderRequest request);

    /** Submits an entry with its one-cancels-other take-profit and stop-loss; returns entry, take-profit, stop-loss. */
    List<Order> submit(BracketOrder bracket);

    /** Requests cancellation; false when the order is unknown or no longer open. */
    boolean cancel(ClientOrderId id);

    /**
     * Changes a working order's size, prices or time in force. Returns the working order afterwards; venues that
     * replace an order by a new one (Alpaca, the paper broker) give it {@code change}'s new client order id.
     */
    Order replace(ClientOrderId id, OrderChange change);

    /** Orders matching {@code filter}, newest first as the venue returns them. */
    List<Order> orders(OrderFilter filter);

    /** The order with this client order id, if the venue knows it. */
    Optional<Order> order(ClientOrderId id);

    /**
     * Whether the broker pushes every order change (fills on market moves included) to
     * {@link #addOrderListener}; REST adapters without a stream do not, and report what they see when asked.
     */
    default boolean pushesOrderUpdates() {
        return false;
    }

    /** Receives every order change; only for brokers that {@link #pushesOrderUpdates()}. */
    default void addOrderListener(OrderListener listener) {
        throw new UnsupportedOperationException(name() + " does not push order updates");
    }

    /** The order types, times in force and features the broker takes, declared before trading. */
    default GatewayCapabilities capabilities() {
        return GatewayCapabilities.all();
    }

    /** Releases connections and files; idempotent. */
    @Override
    default void close() {
    }
}
