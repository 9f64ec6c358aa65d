package dev.tradingsdk.kalshi;

/** An order request or amendment that cannot be sent; the message names the field and value. Nothing was sent. */
public final class InvalidKalshiOrderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidKalshiOrderException(String field, Object value, String problem) {
        super("order field '" + field + "' = " + value + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
