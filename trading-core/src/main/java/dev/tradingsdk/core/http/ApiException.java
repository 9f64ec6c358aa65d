package dev.tradingsdk.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed API call. Subclasses say what kind of failure it was; venues may add their own subclasses through an
 * {@link ErrorMapper}. The message never contains headers, query strings or request bodies, so secrets cannot leak
 * through it.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    public ApiException(ApiError error) {
        this(error, null);
    }

    public ApiException(ApiError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").describe(), cause);
        this.error = error;
    }

    /**
     * The standard subclass for an HTTP error status: 401/403 {@link AuthenticationException}, 404
     * {@link NotFoundException}, 400/409/422 {@link InvalidRequestException}, 418/429 {@link RateLimitedException},
     * 5xx {@link ServerException}, anything else a plain {@code ApiException}.
     */
    public static ApiException forStatus(ApiError error) {
        int status = error.httpStatus();
        if (status == 401 || status == 403) {
            return new AuthenticationException(error);
        }
        if (status == 404) {
            return new NotFoundException(error);
        }
        if (status == 400 || status == 409 || status == 422) {
            return new InvalidRequestException(error);
        }
        if (status == 418 || status == 429) {
            return new RateLimitedException(error);
        }
        if (status >= 500 && status <= 599) {
            return new ServerException(error);
        }
        return new ApiException(error);
    }

    public ApiError error() {
        return error;
    }

    public String venue() {
        return error.venue();
    }

    public String operation() {
        return error.operation();
    }

    /** Method and path, e.g. {@code "GET /api/v3/ticker/price"}. */
    public String endpoint() {
        return error.endpoint();
    }

    /** HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return error.httpStatus();
    }

    public Optional<String> venueCode() {
        return error.venueCodeValue();
    }

    public Optional<String> venueMessage() {
        return Optional.ofNullable(error.venueMessage());
    }

    public Optional<String> requestId() {
        return error.requestIdValue();
    }

    public boolean retryable() {
        return error.retryable();
    }

    public Optional<Duration> retryAfter() {
        return error.retryAfterValue();
    }
}
