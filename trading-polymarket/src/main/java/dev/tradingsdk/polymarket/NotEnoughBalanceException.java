package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.InvalidRequestException;

/** The funder lacks the balance or allowance the order needs. */
public final class NotEnoughBalanceException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public NotEnoughBalanceException(ApiError error) {
        super(error);
    }
}
