package dev.tradingsdk.core.http;

import dev.tradingsdk.core.http.internal.StandardErrorMapper;

/**
 * Turns a venue's error response into an {@link ApiException}, typically a venue-specific subclass. A mapper
 * that returns {@code null} or throws falls back to {@link #standard()}.
 */
@FunctionalInterface
public interface ErrorMapper {

    ApiException map(ErrorResponse response);

    /**
     * Reads the common JSON error shapes leniently: {@code {"code", "msg"|"message"}} (Binance, Alpaca),
     * {@code {"error": {"code"|"type", "message"}}} (Kalshi, OpenAI, Anthropic), {@code {"error": "text"}} and
     * {@code {"message"}}; a body that is not JSON becomes a truncated text message. The exception type follows
     * {@link ApiException#forStatus(ApiError)}.
     */
    static ErrorMapper standard() {
        return StandardErrorMapper.INSTANCE;
    }
}
