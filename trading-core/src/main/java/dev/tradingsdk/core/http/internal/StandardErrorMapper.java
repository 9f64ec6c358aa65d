package dev.tradingsdk.core.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.ErrorMapper;
import dev.tradingsdk.core.http.ErrorResponse;
import java.io.IOException;

/** Lenient reader of the usual JSON error bodies; see {@link ErrorMapper#standard()}. */
public enum StandardErrorMapper implements ErrorMapper {
    INSTANCE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 200;

    @Override
    public ApiException map(ErrorResponse response) {
        byte[] body = response.body();
        if (body.length == 0) {
            return response.standardException(null, null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return response.standardException(null, truncated(response.bodyText()));
        } catch (IOException e) {
            return response.standardException(null, null);
        }
        if (root == null || !root.isObject()) {
            return response.standardException(null, truncated(response.bodyText()));
        }
        String bodyRequestId = firstText(root, "request_id", "requestId");
        if (response.requestId() == null && bodyRequestId != null) {
            response = new ErrorResponse(response.venue(), response.operation(), response.endpoint(),
                response.httpStatus(), response.headers(), body, bodyRequestId, response.retryAfter());
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            String code = text(error, "code");
            if (code == null) {
                code = text(error, "type");
            }
            return response.standardException(code, firstText(error, "message", "msg", "detail"));
        }
        String code = text(root, "code");
        String message = firstText(root, "msg", "message", "detail", "error_description");
        if (message == null && error != null && error.isTextual()) {
            message = error.asText();
        }
        if (code == null && error != null && error.isTextual() && message != null && !message.equals(error.asText())) {
            code = error.asText();
        }
        return response.standardException(code, message);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : truncated(text);
    }

    private static String truncated(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "...";
    }
}
