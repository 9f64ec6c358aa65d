package dev.tradingsdk.core.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts of one failed call, carried by every {@link ApiException}.
 *
 * @param venue        venue or API name configured on the client (e.g. {@code "kalshi"})
 * @param operation    the caller's name for the call (e.g. {@code "createOrder"})
 * @param endpoint     method and path without the query (queries can hold signatures), e.g. {@code "POST /orders"}
 * @param httpStatus   the HTTP status, or 0 when no response arrived
 * @param venueCode    the venue's own error code, or null
 * @param venueMessage the venue's (or the transport's) description, or null
 * @param requestId    the request id the venue returned (for its support desk), or null
 * @param retryable    whether repeating the same request later may succeed
 * @param retryAfter   how long the venue asked us to wait, or null
 */
public record ApiError(
    String venue,
    String operation,
    String endpoint,
    int httpStatus,
    String venueCode,
    String venueMessage,
    String requestId,
    boolean retryable,
    Duration retryAfter) {

    public ApiError {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Whether a status means "try again later" unless the venue says otherwise: 408, 418, 429 and 5xx but 501. */
    public static boolean retryableStatus(int status) {
        return status == 408 || status == 418 || status == 429 || (status >= 500 && status <= 599 && status != 501);
    }

    public Optional<String> venueCodeValue() {
        return Optional.ofNullable(venueCode);
    }

    public Optional<String> requestIdValue() {
        return Optional.ofNullable(requestId);
    }

    public Optional<Duration> retryAfterValue() {
        return Optional.ofNullable(retryAfter);
    }

    /** A one-line description without secrets: the query string and headers are never included. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(venue).append(' ').append(operation).append(" (").append(endpoint).append(") failed: ");
        if (httpStatus > 0) {
            sb.append("HTTP ").append(httpStatus);
        } else {
            sb.append("no response");
        }
        if (venueCode != null) {
            sb.append(", code ").append(venueCode);
        }
        if (venueMessage != null) {
            sb.append(": ").append(venueMessage);
        }
        if (retryAfter != null) {
            sb.append(" (retry after ").append(retryAfter.toMillis()).append(" ms)");
        }
        if (requestId != null) {
            sb.append(" [request id ").append(requestId).append(']');
        }
        return sb.toString();
    }
}
