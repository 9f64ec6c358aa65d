package dev.tradingsdk.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed model call. The nested subclasses say what kind of failure it was, so callers catch what they can act
 * on: {@link Authentication}, {@link RateLimited}, {@link QuotaExceeded}, {@link Overloaded},
 * {@link InvalidRequest} (and its {@link ContextTooLong}), {@link Server}, {@link Transport},
 * {@link MalformedResponse} and {@link BudgetExceeded}. Messages never hold keys, headers or prompt text.
 */
public class LlmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String provider;
    private final int httpStatus;
    private final String code;
    private final String requestId;
    private final boolean retryable;
    private final transient Duration retryAfter;

    protected LlmException(String provider, int httpStatus, String code, String message, String requestId,
                           boolean retryable, Duration retryAfter, Throwable cause) {
        super(describe(provider, httpStatus, code, message, requestId), cause);
        this.provider = provider;
        this.httpStatus = httpStatus;
        this.code = code;
        this.requestId = requestId;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    private static String describe(String provider, int status, String code, String message, String requestId) {
        StringBuilder sb = new StringBuilder(provider).append(": ");
        sb.append(status > 0 ? "HTTP " + status : "no response");
        if (code != null) {
            sb.append(", ").append(code);
        }
        if (message != null) {
            sb.append(": ").append(message);
        }
        if (requestId != null) {
            sb.append(" [request id ").append(requestId).append(']');
        }
        return sb.toString();
    }

    public String provider() {
        return provider;
    }

    /** HTTP status, 0 when no response arrived (or the failure is local, such as a budget). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's error type or code, e.g. {@code rate_limit_error} or {@code insufficient_quota}. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Whether sending the same request later may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the provider asked us to wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 401/403: the key is missing, wrong or lacks permission. */
    public static class Authentication extends LlmException {
        private static final long serialVersionUID = 1L;

        public Authentication(String provider, int status, String code, String message, String requestId) {
            super(provider, status, code, message, requestId, false, null, null);
        }
    }

    /** 429 rate limit: retryable after {@link #retryAfter()}. */
    public static class RateLimited extends LlmException {
        private static final long serialVersionUID = 1L;

        public RateLimited(String provider, int status, String code, String message, String requestId,
                           Duration retryAfter) {
            super(provider, status, code, message, requestId, true, retryAfter, null);
        }
    }

    /** 429 that is a billing or quota problem (OpenAI {@code insufficient_quota}): waiting does not help. */
    public static class QuotaExceeded extends LlmException {
        private static final long serialVersionUID = 1L;

        public QuotaExceeded(String provider, int status, String code, String message, String requestId) {
            super(provider, status, code, message, requestId, false, null, null);
        }
    }

    /** 529 / {@code overloaded_error}: the provider is busy; retryable with backoff. */
    public static class Overloaded extends LlmException {
        private static final long serialVersionUID = 1L;

        public Overloaded(String provider, int status, String code, String message, String requestId,
                          Duration retryAfter) {
            super(provider, status, code, message, requestId, true, retryAfter, null);
        }
    }

    /** 400/404/413/422: the request itself is wrong (schema, parameters, unknown model); never retried. */
    public static class InvalidRequest extends LlmException {
        private static final long serialVersionUID = 1L;

        public InvalidRequest(String provider, int status, String code, String message, String requestId) {
            super(provider, status, code, message, requestId, false, null, null);
        }
    }

    /** The prompt does not fit the model's context window: shorten it; never retried as is. */
    public static class ContextTooLong extends InvalidRequest {
        private static final long serialVersionUID = 1L;

        public ContextTooLong(String provider, int status, String code, String message, String requestId) {
            super(provider, status, code, message, requestId);
        }
    }

    /** 5xx other than overload; retryable. */
    public static class Server extends LlmException {
        private static final long serialVersionUID = 1L;

        public Server(String provider, int status, String code, String message, String requestId,
                      Duration retryAfter, boolean retryable) {
            super(provider, status, code, message, requestId, retryable, retryAfter, null);
        }
    }

    /** No response: connection failure or timeout; retryable (a model call has no side effect to duplicate). */
    public static class Transport extends LlmException {
        private static final long serialVersionUID = 1L;

        private final boolean timedOut;

        public Transport(String provider, String message, boolean timedOut, Throwable cause) {
            super(provider, 0, timedOut ? "timeout" : "connection", message, null, true, null, cause);
            this.timedOut = timedOut;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }

    /** A 2xx response that is not the documented shape. */
    public static class MalformedResponse extends LlmException {
        private static final long serialVersionUID = 1L;

        public MalformedResponse(String provider, int status, String message, String requestId, Throwable cause) {
            super(provider, status, "malformed_response", message, requestId, false, null, cause);
        }
    }

    /** The run's token, dollar or call budget would be exceeded: the call was not sent. */
    public static class BudgetExceeded extends LlmException {
        private static final long serialVersionUID = 1L;

        public BudgetExceeded(String provider, String message) {
            super(provider, 0, "budget_exceeded", message, null, false, null, null);
        }
    }
}
