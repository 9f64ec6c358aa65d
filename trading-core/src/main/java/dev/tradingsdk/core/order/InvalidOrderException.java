package dev.tradingsdk.core.order;

import dev.tradingsdk.core.InvalidInputException;

/** An order request that fails validation; names the field, the offending value and the rule. */
public final class InvalidOrderException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidOrderException(String field, Object value, String reason) {
        super(field, value, reason);
    }
}
