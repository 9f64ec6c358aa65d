package dev.tradingsdk.kalshi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code GET /series/{ticker}}: a template for recurring events; it decides the fees of all its markets.
 *
 * @param feeMultiplier scales the fee schedule's coefficients (1 = the published schedule)
 */
public record Series(String ticker, String title, String category, String frequency, FeeType feeType,
                     BigDecimal feeMultiplier) {

    public Series {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(feeType, "feeType");
        Objects.requireNonNull(feeMultiplier, "feeMultiplier");
        if (feeMultiplier.signum() < 0) {
            throw new IllegalArgumentException("series " + ticker + ": fee_multiplier must not be negative, was "
                + feeMultiplier.toPlainString());
        }
    }
}
