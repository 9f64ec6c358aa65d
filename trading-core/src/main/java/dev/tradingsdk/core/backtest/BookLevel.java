package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.util.Objects;

/** One price level of a book snapshot: a price and the size resting there. */
public record BookLevel(Price price, Quantity size) {

    public BookLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
    }
}
