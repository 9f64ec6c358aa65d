package dev.tradingsdk.kalshi;

/**
 * A Kalshi payload (REST body or WebSocket message) that does not have the documented shape: a required field
 * missing, or a value that is not what the field must hold. The message names the payload, the field and the
 * value.
 */
public final class MalformedPayloadException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MalformedPayloadException(String payload, String field, String problem) {
        super(payload + ": field '" + field + "' " + problem);
        this.field = field;
    }

    public MalformedPayloadException(String payload, String field, String problem, Throwable cause) {
        super(payload + ": field '" + field + "' " + problem, cause);
        this.field = field;
    }

    /** The offending field's name. */
    public String field() {
        return field;
    }
}
