package dev.tradingsdk.core.market;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * An OHLCV bar covering {@code [openTime, closeTime)}. Its {@link #timestamp()} is the close time: a bar
 * is only known once it has closed. Construction does not check that high/low bound open/close, because
 * real vendor data breaks that rule; loaders decide what to do with such rows.
 */
public record Bar(Instrument instrument, Instant openTime, Instant closeTime, Price open, Price high, Price low,
                  Price close, Quantity volume) implements MarketEvent {

    public Bar {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        if (!closeTime.isAfter(openTime)) {
            throw new IllegalArgumentException("bar closeTime " + closeTime + " must be after openTime " + openTime);
        }
    }

    @Override
    public Instant timestamp() {
        return closeTime;
    }
}
