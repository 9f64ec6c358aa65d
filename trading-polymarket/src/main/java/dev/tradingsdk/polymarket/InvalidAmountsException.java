package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.InvalidRequestException;

/**
 * The exchange rejected makerAmount/takerAmount precision or size (e.g. a market order with more than 2/4 decimals, or
 * below the minimum order size).
 */
public final class InvalidAmountsException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public InvalidAmountsException(ApiError error) {
        super(error);
    }
}
