package dev.tradingsdk.polymarket;

/** A venue answered with JSON that lacks or mangles a field this client relies on. */
public final class MalformedPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }
}
