package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.time.Instant;
import java.util.Objects;

/** One fill of the bot, as booked into its {@link PairPosition}. */
public record PairTrade(Instant at, PairLeg leg, Side side, Quantity shares, Price price, Money fee) {
    public PairTrade {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
    }
}
