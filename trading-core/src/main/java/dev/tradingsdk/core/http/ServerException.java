package dev.tradingsdk.core.http;

/** The venue failed (5xx); the outcome of a non-idempotent call is unknown. */
public class ServerException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ServerException(ApiError error) {
        super(error);
    }

    public ServerException(ApiError error, Throwable cause) {
        super(error, cause);
    }
}
