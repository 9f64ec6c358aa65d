package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.ApiException;

/**
 * Kalshi did not take an order action, whatever the HTTP status said: the body carried an {@code error.code}
 * (e.g. {@code deprecated_v1_order_endpoint}, seen inside a 2xx in 2026-06 and as 410 in 2026-08). An answer that
 * cannot be read is not a rejection (the order may be live) but core's {@code ResponseDecodingException}. Never
 * retried automatically.
 */
public class KalshiOrderRejectedException extends ApiException {

    private static final long serialVersionUID = 1L;

    public KalshiOrderRejectedException(ApiError error) {
        super(error);
    }

    public KalshiOrderRejectedException(ApiError error, Throwable cause) {
        super(error, cause);
    }
}
