package dev.tradingsdk.core.order;

/** An order request that fails validation; names the field, the offending value and the rule. */
public final class InvalidOrderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    public InvalidOrderException(String field, Object value, String reason) {
        super(field + " " + value + ": " + reason);
        this.field = field;
        this.value = String.valueOf(value);
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
