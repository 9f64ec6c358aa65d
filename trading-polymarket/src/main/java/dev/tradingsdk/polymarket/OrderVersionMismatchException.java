package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.http.ApiError;
import dev.tradingsdk.core.http.InvalidRequestException;

/**
 * The order was signed for a different exchange version than the CLOB runs (e.g. a V1 order after the 2026-04-28 V2
 * cutover). {@link ClobClient} re-reads {@code GET /version} and retries once before throwing this.
 */
public final class OrderVersionMismatchException extends InvalidRequestException {
    private static final long serialVersionUID = 1L;

    public OrderVersionMismatchException(ApiError error) {
        super(error);
    }
}
