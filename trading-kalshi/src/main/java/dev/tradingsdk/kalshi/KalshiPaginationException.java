package dev.tradingsdk.kalshi;

/**
 * The venue handed back a cursor it had already given for this listing (which would loop forever), or the
 * listing ran past its page cap.
 */
public final class KalshiPaginationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public KalshiPaginationException(String message) {
        super(message);
    }
}
