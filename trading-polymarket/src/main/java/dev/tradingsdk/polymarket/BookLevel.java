package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.util.Objects;

/** One aggregated price level: total size resting at a price. */
public record BookLevel(Price price, Quantity size) {
    public BookLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
    }
}
