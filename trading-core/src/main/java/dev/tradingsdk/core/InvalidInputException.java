package dev.tradingsdk.core;

/**
 * An argument that fails validation, naming the field, the offending value and the rule it breaks. Whatever threw
 * it changed nothing. Every field/value/reason error of the SDK extends this, so one {@code catch} handles them
 * all and every message reads the same way: {@code [context: ]field value: reason}.
 */
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String reason;

    public InvalidInputException(String field, Object value, String reason) {
        this(null, field, value, reason);
    }

    /**
     * @param context what the field belongs to (e.g. {@code "instrument ESZ6.CME"}), or null when the field alone
     *     says enough
     */
    public InvalidInputException(String context, String field, Object value, String reason) {
        super(message(context, field, value, reason));
        this.field = field;
        this.value = String.valueOf(value);
        this.reason = reason;
    }

    private static String message(String context, String field, Object value, String reason) {
        String plain = field + " " + value + ": " + reason;
        return context == null ? plain : context + ": " + plain;
    }

    /** The name of the offending argument, e.g. {@code "size"}. */
    public String field() {
        return field;
    }

    /** The offending value as text. */
    public String value() {
        return value;
    }

    /** The rule the value breaks, e.g. {@code "must be positive"}. */
    public String reason() {
        return reason;
    }
}
