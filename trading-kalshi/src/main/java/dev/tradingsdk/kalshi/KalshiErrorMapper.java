package dev.tradingsdk.kalshi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.ErrorMapper;
import dev.tradingsdk.core.http.ErrorResponse;
import java.io.IOException;

/**
 * Kalshi's error bodies are not uniform: flat {@code {code, message, details}}, wrapped
 * {@code {"error": {...}}}, or {@code {"error": "too many requests"}} for 429. A 409 becomes
 * {@link DuplicateClientOrderIdException}; any body with {@code deprecated_v1_order_endpoint} a
 * {@link KalshiOrderRejectedException}.
 */
final class KalshiErrorMapper implements ErrorMapper {

    static final String DEPRECATED_V1 = "deprecated_v1_order_endpoint";

    private final ObjectMapper json;

    KalshiErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ApiException map(ErrorResponse response) {
        VenueError error = parse(response.body());
        String code = error == null ? null : error.code();
        String message = error == null ? null : describe(error);
        if (response.httpStatus() == 409) {
            return new DuplicateClientOrderIdException(response.error(code, message, false), null);
        }
        if (DEPRECATED_V1.equals(code)) {
            return new KalshiOrderRejectedException(response.error(code, message, false));
        }
        if (error == null) {
            return null;
        }
        return ApiException.forStatus(response.error(code, message));
    }

    private VenueError parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode root = json.readTree(body);
            VenueError wrapped = KalshiPayloads.venueError(root);
            if (wrapped != null) {
                return wrapped;
            }
            if (root != null && root.isObject() && KalshiPayloads.present(root, "code")) {
                return new VenueError(KalshiPayloads.optText(root, "code"), KalshiPayloads.optText(root, "message"),
                    KalshiPayloads.optText(root, "details"));
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    static String describe(VenueError error) {
        String message = error.message();
        if (error.details() != null && !error.details().isBlank()) {
            message = (message == null ? "" : message + " - ") + error.details();
        }
        return message;
    }

    static ApiError rejection(String venue, String operation, String endpoint, int status, VenueError error) {
        return new ApiError(venue, operation, endpoint, status, error.code(), describe(error), null, false, null);
    }
}
