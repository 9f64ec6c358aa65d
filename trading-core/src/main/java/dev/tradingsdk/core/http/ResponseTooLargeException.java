package dev.tradingsdk.core.http;

/**
 * The response body was larger than the client's {@code maxResponseBytes} (by its {@code Content-Length}, or
 * while reading it). Not retryable: the same request would get the same answer. Raise the limit or page the
 * request.
 */
public class ResponseTooLargeException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public ResponseTooLargeException(ApiError error, long limitBytes) {
        super(error);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
