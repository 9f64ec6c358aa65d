package dev.tradingsdk.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.ErrorResponse;
import dev.tradingsdk.llm.LlmException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an error response of Anthropic, OpenAI or an OpenAI-compatible server into the matching
 * {@link LlmException}. Both families put {@code {"error": {"type", "code", "message"}}} in the body (llama.cpp
 * with a numeric code); OpenAI's 429 is a rate limit or, for billing codes, a quota that waiting will not fix.
 */
public final class ErrorClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;
    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "credit_balance_exhausted",
        "project_spend_limit_exceeded", "billing_hard_limit_reached", "billing_not_active");
    private static final Set<String> CONTEXT_CODES = Set.of("context_length_exceeded", "exceed_context_size_error",
        "string_above_max_length");
    private static final Pattern CONTEXT_TEXT = Pattern.compile(
        "(?i)prompt is too long|context length|context window|maximum context|exceeds? the (available )?context");

    private ErrorClassifier() {
    }

    public static LlmException classify(String provider, ErrorResponse response) {
        String type = null;
        String code = null;
        String message = null;
        String requestId = response.requestId();
        try {
            JsonNode root = JSON.readTree(response.body());
            JsonNode error = root == null ? null : root.get("error");
            if (error != null && error.isObject()) {
                type = text(error.get("type"));
                code = text(error.get("code"));
                message = text(error.get("message"));
            } else if (error != null && error.isTextual()) {
                message = error.asText();
            }
            if (requestId == null && root != null) {
                requestId = text(root.get("request_id"));
            }
        } catch (IOException | RuntimeException e) {
            message = response.bodyText();
        }
        if (message != null) {
            message = message.strip().replaceAll("\\s+", " ");
            if (message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE) + "...";
            }
        }
        String label = code != null && !code.matches("\\d+") ? code : type;
        int status = response.httpStatus();
        Duration retryAfter = response.retryAfter();
        if (status == 401 || status == 403 || "authentication_error".equals(type) || "permission_error".equals(type)) {
            return new LlmException.Authentication(provider, status, label, message, requestId);
        }
        if (in(CONTEXT_CODES, code) || in(CONTEXT_CODES, type)
            || (status >= 400 && status < 500 && status != 429 && message != null && CONTEXT_TEXT.matcher(message).find())) {
            return new LlmException.ContextTooLong(provider, status, label, message, requestId);
        }
        if (status == 429 && (in(QUOTA_CODES, code) || in(QUOTA_CODES, type))) {
            return new LlmException.QuotaExceeded(provider, status, label, message, requestId);
        }
        if (status == 429 || "rate_limit_error".equals(type)) {
            return new LlmException.RateLimited(provider, status, label, message, requestId, retryAfter);
        }
        if (status == 529 || "overloaded_error".equals(type)) {
            return new LlmException.Overloaded(provider, status, label, message, requestId, retryAfter);
        }
        if (status == 408 || status == 409 || (status >= 500 && status <= 599)) {
            return new LlmException.Server(provider, status, label, message, requestId, retryAfter, status != 501);
        }
        return new LlmException.InvalidRequest(provider, status, label, message, requestId);
    }

    private static boolean in(Set<String> set, String value) {
        return value != null && set.contains(value);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() || node.asText().isEmpty() ? null : node.asText();
    }
}
