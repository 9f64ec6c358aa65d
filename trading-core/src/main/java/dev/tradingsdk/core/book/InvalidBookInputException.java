package dev.tradingsdk.core.book;

/**
 * An order book update or query with an argument out of range; names the field and the value. The book is
 * unchanged when this is thrown.
 */
public final class InvalidBookInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    public InvalidBookInputException(String field, Object value, String reason) {
        super(field + " " + value + " " + reason);
        this.field = field;
        this.value = String.valueOf(value);
    }

    /** The name of the offending argument, e.g. {@code "size"}. */
    public String field() {
        return field;
    }

    /** The offending value as text. */
    public String value() {
        return value;
    }
}
