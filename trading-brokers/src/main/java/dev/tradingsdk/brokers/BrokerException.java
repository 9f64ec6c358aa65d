package dev.tradingsdk.brokers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A broker call that failed, with the facts telemetry and retry logic need: what kind of failure, which call of
 * which broker, the venue's own code, whether trying again can help, and a context map (client order id,
 * account, symbol ...). Messages and context never hold credentials; {@link #toJson()} is safe to ship.
 */
public final class BrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What kind of failure. */
    public enum Type {
        /** Credentials missing, wrong, expired, or a session not logged in. */
        AUTH,
        /** The venue refused the request by its rules (not found, not cancelable, invalid parameters). */
        REJECTED,
        /** Not enough cash, buying power or shares. */
        INSUFFICIENT_FUNDS,
        /** Too many requests; see {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The venue or the connection to it is down (5xx, refused connection). */
        UNAVAILABLE,
        /** The outcome is not known, e.g. a submit whose lookup also failed; check before acting again. */
        UNKNOWN
    }

    private final Type type;
    private final String broker;
    private final String operation;
    private final String venueCode;
    private final boolean retryable;
    private final Duration retryAfter;
    private final Map<String, String> context;

    private BrokerException(Builder b) {
        super(b.broker + " " + b.operation + " failed (" + b.type + (b.venueCode == null ? "" : ", code "
                + b.venueCode) + "): " + b.message, b.cause);
        this.type = b.type;
        this.broker = b.broker;
        this.operation = b.operation;
        this.venueCode = b.venueCode;
        this.retryable = b.retryable;
        this.retryAfter = b.retryAfter;
        this.context = Map.copyOf(b.context);
    }

    public static Builder builder(Type type, String broker, String operation) {
        return new Builder(type, broker, operation);
    }

    public Type type() {
        return type;
    }

    public String broker() {
        return broker;
    }

    public String operation() {
        return operation;
    }

    public Optional<String> venueCode() {
        return Optional.ofNullable(venueCode);
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Extra facts: client order id, account id, symbol, HTTP status. */
    public Map<String, String> context() {
        return context;
    }

    /**
     * One JSON object: {@code type, broker, operation, venueCode, message, retryable, retryAfterMillis, context}
     * (absent values are null).
     */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type.name());
        node.put("broker", broker);
        node.put("operation", operation);
        node.put("venueCode", venueCode);
        node.put("message", getMessage());
        node.put("retryable", retryable);
        if (retryAfter == null) {
            node.putNull("retryAfterMillis");
        } else {
            node.put("retryAfterMillis", retryAfter.toMillis());
        }
        ObjectNode ctx = node.putObject("context");
        new java.util.TreeMap<>(context).forEach(ctx::put);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree of strings", e);
        }
    }

    /** Describes the failure; {@link #build()} makes the exception. */
    public static final class Builder {
        private final Type type;
        private final String broker;
        private final String operation;
        private String message = "";
        private String venueCode;
        private boolean retryable;
        private Duration retryAfter;
        private Throwable cause;
        private final Map<String, String> context = new LinkedHashMap<>();

        private Builder(Type type, String broker, String operation) {
            this.type = Objects.requireNonNull(type, "type");
            this.broker = Objects.requireNonNull(broker, "broker");
            this.operation = Objects.requireNonNull(operation, "operation");
            this.retryable = type == Type.RATE_LIMITED || type == Type.UNAVAILABLE;
        }

        public Builder message(String text) {
            this.message = Objects.requireNonNull(text, "message");
            return this;
        }

        public Builder venueCode(String code) {
            this.venueCode = code;
            return this;
        }

        /** Defaults to true for RATE_LIMITED and UNAVAILABLE, false otherwise. */
        public Builder retryable(boolean value) {
            this.retryable = value;
            return this;
        }

        public Builder retryAfter(Duration wait) {
            this.retryAfter = wait;
            return this;
        }

        public Builder cause(Throwable throwable) {
            this.cause = throwable;
            return this;
        }

        /** Adds a context entry; a null value is skipped. */
        public Builder context(String key, Object value) {
            Objects.requireNonNull(key, "key");
            if (value != null) {
                context.put(key, value.toString());
            }
            return this;
        }

        public BrokerException build() {
            return new BrokerException(this);
        }
    }
}
