package dev.tradingsdk.core.market;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.time.Instant;
import java.util.Objects;

/** A public trade printed by the venue; {@code aggressor} is the taker's side when the venue reports it. */
public record TradeTick(Instrument instrument, Instant timestamp, Price price, Quantity size, Side aggressor,
                        String tradeId) implements MarketEvent {

    public TradeTick {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
    }
}
