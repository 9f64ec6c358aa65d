package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * A public trade (REST {@code Trade} or the WebSocket {@code trade} channel). {@code yesPrice + noPrice = 1}.
 *
 * @param takerOutcome what the taker bought, or null when the payload did not say
 */
public record KalshiTrade(String tradeId, String ticker, Price yesPrice, Price noPrice, Quantity count,
                          Outcome takerOutcome, Instant time, boolean blockTrade) {

    public KalshiTrade {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(yesPrice, "yesPrice");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(time, "time");
    }
}
