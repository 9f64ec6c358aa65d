package dev.tradingsdk.core.http;

/** The venue rejected the request as invalid (400/409/422); repeating it will not help. */
public class InvalidRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(ApiError error) {
        super(error);
    }

    public InvalidRequestException(ApiError error, Throwable cause) {
        super(error, cause);
    }
}
