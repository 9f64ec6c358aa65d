package dev.tradingsdk.core.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A non-2xx response handed to an {@link ErrorMapper}.
 *
 * @param venue      venue name of the client
 * @param operation  the caller's name for the call
 * @param endpoint   method and path without query
 * @param httpStatus the status code
 * @param headers    response headers, names in lower case
 * @param body       the raw body bytes (possibly empty)
 * @param requestId  the venue's request id from the configured header, or null
 * @param retryAfter the parsed {@code Retry-After}, or null
 */
public record ErrorResponse(
    String venue,
    String operation,
    String endpoint,
    int httpStatus,
    Map<String, List<String>> headers,
    byte[] body,
    String requestId,
    Duration retryAfter) {

    public ErrorResponse {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(endpoint, "endpoint");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** First value of a header, case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** An {@link ApiError} for this response with the venue's code and message; retryable by status. */
    public ApiError error(String venueCode, String venueMessage) {
        return error(venueCode, venueMessage, ApiError.retryableStatus(httpStatus));
    }

    public ApiError error(String venueCode, String venueMessage, boolean retryable) {
        return new ApiError(venue, operation, endpoint, httpStatus, venueCode, venueMessage, requestId, retryable,
            retryAfter);
    }

    /** The standard exception subclass for this status, see {@link ApiException#forStatus(ApiError)}. */
    public ApiException standardException(String venueCode, String venueMessage) {
        return ApiException.forStatus(error(venueCode, venueMessage));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorResponse r && venue.equals(r.venue) && operation.equals(r.operation)
            && endpoint.equals(r.endpoint) && httpStatus == r.httpStatus && headers.equals(r.headers)
            && Arrays.equals(body, r.body) && Objects.equals(requestId, r.requestId)
            && Objects.equals(retryAfter, r.retryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(venue, operation, endpoint, httpStatus, headers, Arrays.hashCode(body), requestId,
            retryAfter);
    }

    @Override
    public String toString() {
        // Headers are left out: a venue may echo credentials in them.
        return "ErrorResponse[" + venue + " " + operation + " (" + endpoint + ") HTTP " + httpStatus + ", body "
            + body.length + " bytes]";
    }
}
