package dev.tradingsdk.core.book;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.util.Objects;

/** One price level of an L2 book: a price and the total size resting there. */
public record BookLevel(Price price, Quantity size) {

    public BookLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
    }
}
