package dev.tradingsdk.core.order;

/** An order asked to move to a status its lifecycle does not allow from where it is. */
public final class IllegalOrderTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final ClientOrderId orderId;
    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalOrderTransitionException(ClientOrderId orderId, OrderStatus from, OrderStatus to, String detail) {
        super("order " + orderId + " cannot move from " + from + " to " + to + (detail.isEmpty() ? "" : ": " + detail));
        this.orderId = orderId;
        this.from = from;
        this.to = to;
    }

    public ClientOrderId orderId() {
        return orderId;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}
