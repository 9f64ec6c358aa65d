package dev.tradingsdk.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One request being described, then executed with one of the {@code execute} methods. Not thread-safe; build
 * and execute it on one thread. Executing it again sends it again (same body bytes, freshly signed).
 */
public final class RestCall {

    private final RestClient client;
    private final HttpMethod method;
    private final String path;
    private final List<String[]> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String operation;
    private byte[] body;
    private String contentType;
    private String endpointGroup;
    private int weight = 1;
    private String idempotencyKey;

    RestCall(RestClient client, HttpMethod method, String path) {
        this.client = client;
        this.method = Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("path must not contain a query or fragment, use query(...): " + path);
        }
        this.path = path.startsWith("/") ? path : "/" + path;
        this.operation = method + " " + this.path;
    }

    /** The name of the call in exceptions and logs, e.g. {@code "createOrder"}. Defaults to method and path. */
    public RestCall operation(String name) {
        this.operation = requireText(name, "operation");
        return this;
    }

    /** Appends a query parameter in order; a null value is skipped so optional parameters read naturally. */
    public RestCall query(String name, Object value) {
        requireText(name, "query parameter name");
        if (value != null) {
            String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            query.add(new String[] {name, text});
        }
        return this;
    }

    /** Sets a header for this call only. */
    public RestCall header(String name, String value) {
        headers.put(requireText(name, "header name"), Objects.requireNonNull(value, "header value"));
        return this;
    }

    /** Serialises {@code value} to JSON once; the signer and the server see exactly these bytes. */
    public RestCall jsonBody(Object value) {
        Objects.requireNonNull(value, "body");
        try {
            this.body = client.objectMapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body of " + operation + " cannot be serialised to JSON: "
                + e.getOriginalMessage(), e);
        }
        this.contentType = "application/json";
        return this;
    }

    /** Sends these exact bytes (copied) with the given content type. */
    public RestCall body(byte[] bytes, String mediaType) {
        this.body = Objects.requireNonNull(bytes, "body").clone();
        this.contentType = requireText(mediaType, "content type");
        return this;
    }

    /** The rate-limit group (configured on the client) this call also counts against. */
    public RestCall endpointGroup(String group) {
        this.endpointGroup = requireText(group, "endpoint group");
        return this;
    }

    /** How many permits this call takes from each rate limit it passes (e.g. a Binance request weight). */
    public RestCall weight(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("weight must be >= 1: " + permits);
        }
        this.weight = permits;
        return this;
    }

    /**
     * Marks a non-idempotent call (e.g. order submission) as safe to retry: the key is sent in the client's
     * idempotency header on every attempt, so the venue can drop duplicates.
     */
    public RestCall idempotencyKey(String key) {
        this.idempotencyKey = requireText(key, "idempotency key");
        return this;
    }

    /** Sends the call and decodes the body into {@code type} (unknown fields ignored). */
    public <T> T execute(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return client.execute(this, bytes -> client.objectMapper().readValue(bytes, type), type.getSimpleName());
    }

    /** Sends the call and decodes the body into a generic type such as {@code List<Market>}. */
    public <T> T execute(TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return client.execute(this, bytes -> client.objectMapper().readValue(bytes, type), type.getType().getTypeName());
    }

    /** Sends the call and returns the body as a JSON tree. */
    public JsonNode executeJson() {
        return client.execute(this, bytes -> client.objectMapper().readTree(bytes), "JSON");
    }

    /**
     * Sends the call and reads the JSON body with {@code decoder}, a venue's payload reader. The decoder reports a
     * payload of the wrong shape (a field missing, a value that is not what the field must hold) by throwing
     * {@link IllegalArgumentException} or {@link ArithmeticException} with a message naming the field and value;
     * that becomes a {@link ResponseDecodingException} naming the venue, operation and endpoint, with the decoder's
     * message and the original exception as its cause. The decoder must not quote secrets in its messages.
     */
    public <T> T executeJson(Function<? super JsonNode, ? extends T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        return client.executeJson(this, decoder);
    }

    /** Sends the call and returns the raw response (for empty bodies, or headers such as rate-limit usage). */
    public RestResponse execute() {
        return client.executeRaw(this);
    }

    HttpMethod method() {
        return method;
    }

    String path() {
        return path;
    }

    List<String[]> queryParameters() {
        return query;
    }

    Map<String, String> headers() {
        return headers;
    }

    String operationName() {
        return operation;
    }

    byte[] bodyBytes() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    String group() {
        return endpointGroup;
    }

    int permits() {
        return weight;
    }

    String idempotencyKeyValue() {
        return idempotencyKey;
    }

    private static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "RestCall[" + operation + ": " + method + " " + path + "]";
    }
}
