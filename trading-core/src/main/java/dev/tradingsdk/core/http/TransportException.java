package dev.tradingsdk.core.http;

/**
 * No usable response arrived: the connection failed, dropped mid-response, timed out, or the waiting thread was
 * interrupted. For a non-idempotent call the venue may or may not have acted on the request.
 */
public class TransportException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** What went wrong on the wire. */
    public enum Kind { CONNECTION, TIMEOUT, INTERRUPTED }

    private final Kind kind;

    public TransportException(ApiError error, Kind kind, Throwable cause) {
        super(error, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean timedOut() {
        return kind == Kind.TIMEOUT;
    }
}
