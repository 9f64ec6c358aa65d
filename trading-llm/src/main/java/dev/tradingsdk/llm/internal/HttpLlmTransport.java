package dev.tradingsdk.llm.internal;

import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RestResponse;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.http.TimeSource;
import dev.tradingsdk.core.http.TransportException;
import dev.tradingsdk.llm.LlmException;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.Usage;
import dev.tradingsdk.llm.cost.RunBudget;
import dev.tradingsdk.llm.cost.TokenEstimator;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one model request with its own retry loop (the REST client makes single attempts): a model call has no
 * side effect, so every retryable failure is retried, waiting as long as {@code Retry-After-Ms} /
 * {@code Retry-After} ask or else by backoff, obeying {@code x-should-retry}; each attempt is reserved against the
 * run budget first, so retries count and a budget stops the run before it would be exceeded.
 */
public final class HttpLlmTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpLlmTransport.class);

    /** What a provider's wire format does: its request bytes and how to read a 2xx body. */
    public interface WireFormat {
        byte[] encode(LlmRequest request);

        /** The answer; its usage is null when the body has none (the worst case is then charged). */
        Decoded decode(byte[] body);
    }

    /** A decoded 2xx body before the transport adds bytes, attempts and latency. */
    public record Decoded(LlmResponse partial, Usage usage) {
    }

    private final String provider;
    private final RestClient rest;
    private final String path;
    private final RetryPolicy retry;
    private final TimeSource time;
    private final RandomGenerator random;
    private final RunBudget budget;
    private final WireFormat format;

    public HttpLlmTransport(String provider, RestClient rest, String path, RetryPolicy retry, TimeSource time,
            RandomGenerator random, RunBudget budget,
                            WireFormat format) {
        this.provider = provider;
        this.rest = rest;
        this.path = path;
        this.retry = retry;
        this.time = time;
        this.random = random;
        this.budget = budget;
        this.format = format;
    }

    /** A REST client error mapper keeping the classified failure and the {@code x-should-retry} header. */
    public static dev.tradingsdk.core.http.ErrorMapper errorMapper(String provider) {
        return response -> new Classified(response.error(null, null),
            ErrorClassifier.classify(provider, response), response.header("x-should-retry").orElse(null));
    }

    /** An {@link ApiException} carrying the {@link LlmException} it stands for. */
    static final class Classified extends ApiException {
        private static final long serialVersionUID = 1L;
        private final transient LlmException failure;
        private final String shouldRetry;

        Classified(ApiError error, LlmException failure, String shouldRetry) {
            super(error);
            this.failure = failure;
            this.shouldRetry = shouldRetry;
        }
    }

    public LlmResponse send(LlmRequest request) {
        byte[] body = format.encode(request);
        long start = time.nanoTime();
        long deadline = start + retry.totalDeadline().toNanos();
        for (int attempt = 1; ; attempt++) {
            RunBudget.Reservation reservation = budget == null ? null : budget.reserve(provider, request);
            RestResponse response = null;
            LlmException failure = null;
            boolean retryable = false;
            try {
                response = rest.post(path).operation("complete").body(body, "application/json").execute();
            } catch (Classified e) {
                failure = e.failure;
                retryable = e.shouldRetry == null ? failure.retryable() : Boolean.parseBoolean(e.shouldRetry);
            } catch (TransportException e) {
                failure = new LlmException.Transport(provider, e.getMessage(), e.timedOut(), e);
                retryable = e.kind() != TransportException.Kind.INTERRUPTED;
            } catch (ApiException e) {
                failure = new LlmException.Server(provider, e.httpStatus(), e.venueCode().orElse(null),
                    e.venueMessage().orElse(null), e.requestId().orElse(null), e.retryAfter().orElse(null),
                    e.retryable());
                retryable = e.retryable();
            }
            if (failure == null) {
                return finish(request, reservation, body, response, attempt, start);
            }
            if (reservation != null) {
                budget.release(reservation);
            }
            Duration wait = retryable ? waitBefore(attempt, failure, deadline) : null;
            if (wait == null) {
                throw failure;
            }
            LOG.info("{}: attempt {}/{} failed ({}), retrying in {} ms", provider, attempt, retry.maxAttempts(),
                failure.code().orElse("HTTP " + failure.httpStatus()), wait.toMillis());
            try {
                time.sleepNanos(wait.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.addSuppressed(e);
                throw failure;
            }
        }
    }

    private LlmResponse finish(LlmRequest request, RunBudget.Reservation reservation, byte[] body,
                               RestResponse response, int attempt, long start) {
        byte[] bytes = response.body();
        Decoded decoded;
        try {
            decoded = format.decode(bytes);
        } catch (RuntimeException e) {
            if (reservation != null) {
                // The provider billed this answer even if we cannot read it: charge the worst case.
                budget.settle(reservation, request.model(), worstCase(request, reservation));
            }
            if (e instanceof LlmException le) {
                throw le;
            }
            throw new LlmException.MalformedResponse(provider, response.statusCode(), "cannot read the answer: " + e,
                response.header("request-id").or(() -> response.header("x-request-id")).orElse(null), e);
        }
        Usage usage = decoded.usage();
        if (usage == null) {
            // No usage in the body (some local servers): charge the worst case rather than nothing.
            usage = worstCase(request, reservation);
            LOG.warn("{}: answer without usage; charging the worst case {}", provider, usage);
        }
        if (reservation != null) {
            budget.settle(reservation, decoded.partial().model(), usage);
        }
        LlmResponse p = decoded.partial();
        String requestId = response.header("request-id").or(() -> response.header("x-request-id")).orElse(null);
        return new LlmResponse(p.id(), p.model(), p.content(), p.stopReason(), p.rawStopReason(), p.refusal(), usage,
            body, bytes, requestId, attempt, Duration.ofNanos(time.nanoTime() - start));
    }

    private static Usage worstCase(LlmRequest request, RunBudget.Reservation reservation) {
        long input = reservation == null ? TokenEstimator.utf8Bytes().estimateInputTokens(request)
            : reservation.tokens() - request.maxTokens();
        return new Usage(input, request.maxTokens(), 0, 0, 0);
    }

    private Duration waitBefore(int attempt, LlmException failure, long deadline) {
        if (attempt >= retry.maxAttempts()) {
            return null;
        }
        Duration wait;
        if (failure.retryAfter().isPresent()) {
            wait = failure.retryAfter().get();
            if (wait.compareTo(retry.maxRetryAfter()) > 0) {
                return null;
            }
        } else {
            synchronized (random) {
                wait = retry.backoff().delay(attempt, random);
            }
        }
        return time.nanoTime() + wait.toNanos() - deadline > 0 ? null : wait;
    }

    public String provider() {
        return provider;
    }

    @Override
    public String toString() {
        return provider + " " + Objects.toString(rest);
    }
}
