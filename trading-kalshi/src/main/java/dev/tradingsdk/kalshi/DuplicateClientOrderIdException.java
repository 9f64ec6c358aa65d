package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.InvalidRequestException;

/**
 * HTTP 409 on a create: an order with this client order id already exists. The earlier attempt may have been
 * accepted; look it up ({@link KalshiClient#findOrderByClientOrderId}) rather than sending it again.
 */
public final class DuplicateClientOrderIdException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    private final String clientOrderId;

    public DuplicateClientOrderIdException(ApiError error, String clientOrderId) {
        super(error);
        this.clientOrderId = clientOrderId;
    }

    /** The id that was refused, or null when the error came from a call that did not carry one. */
    public String clientOrderId() {
        return clientOrderId;
    }
}
