package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code GET /portfolio/balance}: available cash and portfolio value in USD. {@code balance_dollars} (exact) is
 * preferred; the integer-cent {@code balance} is the fallback for responses without it.
 */
public record Balance(Money balance, Money portfolioValue, Instant updated) {

    public Balance {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(portfolioValue, "portfolioValue");
    }
}
