package dev.tradingsdk.polymarket.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.ErrorMapper;
import dev.tradingsdk.core.http.ErrorResponse;
import dev.tradingsdk.polymarket.InvalidAmountsException;
import dev.tradingsdk.polymarket.InvalidSignatureException;
import dev.tradingsdk.polymarket.NotEnoughBalanceException;
import dev.tradingsdk.polymarket.OrderVersionMismatchException;
import java.io.IOException;
import java.util.Locale;

/**
 * Maps CLOB error bodies ({@code {"error": "..."}} or {@code {"errorMsg": "..."}}) to typed exceptions by their
 * text, which is all the CLOB provides; anything else falls back to core's standard mapping by status.
 */
public final class ClobErrorMapper implements ErrorMapper {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ApiException map(ErrorResponse response) {
        String message = message(response.body());
        if (message == null) {
            return ErrorMapper.standard().map(response);
        }
        ApiException typed = classify(response.error(null, message));
        return typed != null ? typed : response.standardException(null, message);
    }

    /** The typed exception for a CLOB error text, or null when the text is not one of the known kinds. */
    public static ApiException classify(ApiError error) {
        String text = error.venueMessage() == null ? "" : error.venueMessage().toLowerCase(Locale.ROOT);
        if (text.contains("order_version_mismatch") || text.contains("invalid order version")
                || text.contains("version mismatch")) {
            return new OrderVersionMismatchException(error);
        }
        if (text.contains("invalid signature") || text.contains("invalid signer")) {
            return new InvalidSignatureException(error);
        }
        if (text.contains("invalid amount") || text.contains("lower than the minimum")
                || text.contains("max accuracy")) {
            return new InvalidAmountsException(error);
        }
        if (text.contains("not enough balance") || text.contains("allowance")) {
            return new NotEnoughBalanceException(error);
        }
        return null;
    }

    private static String message(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                return null;
            }
            for (String field : new String[] {"error", "errorMsg", "message"}) {
                JsonNode value = root.get(field);
                if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                    return value.asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
