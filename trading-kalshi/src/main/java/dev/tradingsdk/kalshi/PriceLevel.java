package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.util.Objects;

/** One price level of a Kalshi book side: a dollar price and the contracts resting there. */
public record PriceLevel(Price price, Quantity size) {

    public PriceLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
    }
}
