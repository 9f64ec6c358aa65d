package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Price;
import java.util.Objects;

/** A stretch of a market's price grid: prices from {@code start} to {@code end} in steps of {@code step}. */
public record PriceRange(Price start, Price end, Price step) {

    public PriceRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("price range step must be positive, was " + step);
        }
    }

    /** Whether {@code price} lies in this range (ends included) on one of its steps. */
    public boolean contains(Price price) {
        if (price.compareTo(start) < 0 || price.compareTo(end) > 0) {
            return false;
        }
        return price.toBigDecimal().subtract(start.toBigDecimal()).remainder(step.toBigDecimal()).signum() == 0;
    }
}
