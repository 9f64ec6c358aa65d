package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order read back from {@code GET /portfolio/orders[/{id}]}. On Order objects {@code book_side} encodes the
 * outcome: {@code bid} is long YES, {@code ask} long NO; {@code side}/{@code action} are ignored.
 *
 * @param status {@code resting}, {@code canceled} or {@code executed}
 */
public record KalshiOrder(String orderId, Optional<String> clientOrderId, String ticker, BookSide bookSide,
                          String status, Price yesPrice, Quantity fillCount, Quantity remainingCount,
                          Quantity initialCount, Money takerFees, Money makerFees, Optional<Instant> created,
                          Optional<Instant> lastUpdate) {

    public KalshiOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(bookSide, "bookSide");
        Objects.requireNonNull(status, "status");
    }

    public boolean isResting() {
        return "resting".equals(status);
    }
}
