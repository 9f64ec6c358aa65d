package dev.tradingsdk.core.http;

/** The addressed resource does not exist (404). */
public class NotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(ApiError error) {
        super(error);
    }

    public NotFoundException(ApiError error, Throwable cause) {
        super(error, cause);
    }
}
