package dev.tradingsdk.core.book;

import dev.tradingsdk.core.InvalidInputException;

/**
 * An order book update or query with an argument out of range; names the field and the value. The book is
 * unchanged when this is thrown.
 */
public final class InvalidBookInputException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidBookInputException(String field, Object value, String reason) {
        super(field, value, reason);
    }
}
