package dev.tradingsdk.core.http;

/**
 * A successful (2xx) response whose body could not be read as the expected type: malformed or empty JSON, or
 * JSON of the wrong shape. The message names the venue, operation and endpoint.
 */
public class ResponseDecodingException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ResponseDecodingException(ApiError error, Throwable cause) {
        super(error, cause);
    }
}
