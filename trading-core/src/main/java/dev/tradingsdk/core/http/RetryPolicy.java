package dev.tradingsdk.core.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RestClient} retries. A call is retried only when it is safe (idempotent method, or the caller gave
 * an idempotency key) and the failure is retryable (429, 408, 5xx, connection failure or timeout, unless the
 * venue's {@link ErrorMapper} says otherwise), up to {@code maxAttempts} attempts in total and never past
 * {@code totalDeadline} measured from the first attempt.
 *
 * @param maxAttempts   attempts including the first, at least 1
 * @param totalDeadline no retry is scheduled whose wait would end after this much time since the call began
 * @param backoff       waits between attempts when the server does not say how long to wait
 * @param maxRetryAfter longest {@code Retry-After} honoured; a longer one fails the call at once
 */
public record RetryPolicy(int maxAttempts, Duration totalDeadline, BackoffPolicy backoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
        Objects.requireNonNull(totalDeadline, "totalDeadline");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (totalDeadline.isNegative() || totalDeadline.isZero()) {
            throw new IllegalArgumentException("totalDeadline must be positive: " + totalDeadline);
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative: " + maxRetryAfter);
        }
    }

    /** 4 attempts within 30 s, default backoff, honouring a {@code Retry-After} of up to 30 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(30), BackoffPolicy.defaults(), Duration.ofSeconds(30));
    }

    /** A single attempt: failures are reported at once. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofDays(1), BackoffPolicy.defaults(), Duration.ZERO);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, totalDeadline, backoff, maxRetryAfter);
    }

    public RetryPolicy withTotalDeadline(Duration deadline) {
        return new RetryPolicy(maxAttempts, deadline, backoff, maxRetryAfter);
    }

    public RetryPolicy withBackoff(BackoffPolicy policy) {
        return new RetryPolicy(maxAttempts, totalDeadline, policy, maxRetryAfter);
    }

    public RetryPolicy withMaxRetryAfter(Duration limit) {
        return new RetryPolicy(maxAttempts, totalDeadline, backoff, limit);
    }
}
