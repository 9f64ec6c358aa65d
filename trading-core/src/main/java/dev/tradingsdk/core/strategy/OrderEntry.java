package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.risk.RiskViolation;
import java.util.List;
import java.util.Optional;

/**
 * A strategy's order API. Every submission passes, in this order, the engine's own checks (engine halted, strategy
 * stopped, instrument stale, order type, time in force or bracket not in the gateway's {@link #capabilities()})
 * and the {@link dev.tradingsdk.core.risk.RiskGovernor}'s rules before any gateway sees it. A denied order comes
 * back as an order in status {@code REJECTED} whose reason names every violation (also in {@link #violations});
 * nothing is sent.
 *
 * <p>The order a submission returns is an acknowledgement (a REST venue answers SUBMITTED, a CFD account FILLED,
 * a simulated venue ACCEPTED); order state reaches the strategy through
 * {@link Strategy#onOrderUpdate} and {@link Strategy#onFill}. A strategy sees and cancels only its own orders.
 */
public interface OrderEntry {

    /**
     * Checks and submits {@code request}; returns a read-only snapshot of the order (REJECTED when denied). The
     * id must not be in use: an open order's, or one of the ended orders the engine still keeps (see
     * {@link #order}).
     */
    Order submit(OrderRequest request);

    /**
     * Checks and submits an entry with its take-profit and stop-loss exits. The entry is checked by the governor
     * (the exits only reduce what it opens); a gateway without bracket support is a denial with code
     * {@link TradingEngine#UNSUPPORTED_BRACKET}. Returns entry, take-profit and stop-loss snapshots, in that order
     * (all REJECTED when denied).
     */
    List<Order> submit(BracketOrder bracket);

    /** Requests cancellation (allowed while halted); false when the order is not this strategy's or not open. */
    boolean cancel(ClientOrderId id);

    /** Requests cancellation of every open order of this strategy; returns how many were requested. */
    int cancelAll();

    /** Requests cancellation of this strategy's open orders on {@code instrument}; returns how many. */
    int cancelAll(Instrument instrument);

    /**
     * A read-only snapshot of one of this strategy's orders, if known: an open order, or one of the last 1,024
     * orders of the engine to end (older ones are forgotten, so a long run holds a bounded set).
     */
    Optional<Order> order(ClientOrderId id);

    /** Snapshots of this strategy's open orders, in submission order. */
    List<Order> openOrders();

    /**
     * The violations that denied order {@code id} in this engine's checks (empty when it was not denied here,
     * including when the venue rejected it, and once the denial is older than the ended orders the engine keeps,
     * see {@link #order}).
     */
    List<RiskViolation> violations(ClientOrderId id);

    /** What the strategy's gateway supports; anything else is denied before it is sent. */
    GatewayCapabilities capabilities();
}
