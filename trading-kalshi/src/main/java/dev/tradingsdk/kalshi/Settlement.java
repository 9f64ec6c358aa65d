package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * A settled market of ours ({@code GET /portfolio/settlements}); settlements are not fills and are needed for
 * P&amp;L.
 *
 * @param marketResult {@code yes}, {@code no}, {@code scalar} or {@code void}
 * @param revenue      what the settlement paid out
 */
public record Settlement(String ticker, String eventTicker, String marketResult, Quantity yesCount,
                         Quantity noCount, Money revenue, Money fee, Instant settledTime) {

    public Settlement {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(marketResult, "marketResult");
        Objects.requireNonNull(revenue, "revenue");
    }
}
