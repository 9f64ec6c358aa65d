package dev.tradingsdk.core.http;

/** The venue says we are over its rate limit (429, or 418 for an IP ban); see {@link #retryAfter()}. */
public class RateLimitedException extends ApiException {

    private static final long serialVersionUID = 1L;

    public RateLimitedException(ApiError error) {
        super(error);
    }

    public RateLimitedException(ApiError error, Throwable cause) {
        super(error, cause);
    }
}
