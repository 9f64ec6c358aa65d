package dev.tradingsdk.core.market;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;

/** Top of book: best bid and ask with their sizes. */
public record Quote(Instrument instrument, Instant timestamp, Price bid, Quantity bidSize, Price ask,
                    Quantity askSize) implements MarketEvent {

    public Quote {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(bidSize, "bidSize");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(askSize, "askSize");
    }

    /** Ask minus bid (negative when the quote is crossed). */
    public Price spread() {
        return ask.minus(bid);
    }
}
