package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.polymarket.signing.SignedClobOrder;
import java.util.List;

/**
 * An order post ended without a definite answer (a timeout, a dropped connection, a 5xx, a batch response that does
 * not match the request), so the orders may or may not rest on the book. Never sign them again: look each one up
 * with {@link ClobClient#findOrder(SignedClobOrder)} and re-post only the missing ones with
 * {@link ClobClient#postOrder(SignedClobOrder, dev.tradingsdk.polymarket.order.ClobOrderType, boolean)}, which
 * sends the same order hash.
 */
public final class OrderOutcomeUnknownException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final transient List<SignedClobOrder> orders;

    public OrderOutcomeUnknownException(ApiError error, List<SignedClobOrder> orders, Throwable cause) {
        super(error, cause);
        this.orders = List.copyOf(orders);
    }

    /** The signed orders whose fate is unknown, in request order. */
    public List<SignedClobOrder> orders() {
        return orders;
    }

    /** Their order ids (order hashes), in request order. */
    public List<String> orderIds() {
        return orders.stream().map(SignedClobOrder::orderId).toList();
    }

    @Override
    public String getMessage() {
        return super.getMessage() + "; outcome unknown for order ids " + orderIds()
                + ": look them up (ClobClient.findOrder) before re-posting the same signed orders";
    }
}
