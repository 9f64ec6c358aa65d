package dev.tradingsdk.brokers;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.Quote;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Historical bars and current quotes, where a venue has them. What a source lacks it says up front through
 * {@link #supportsBars()} and {@link #supportsQuotes()}; calling it anyway throws
 * {@link UnsupportedOperationException} naming the source.
 */
public interface MarketDataSource {

    /** The source's name in errors and logs, e.g. {@code "alpaca"}. */
    String name();

    default boolean supportsBars() {
        return false;
    }

    default boolean supportsQuotes() {
        return false;
    }

    /** Bars of {@code interval} whose open time is in {@code [from, to)}, oldest first. */
    default List<Bar> bars(Instrument instrument, BarInterval interval, Instant from, Instant to) {
        throw new UnsupportedOperationException(name() + " has no bars");
    }

    /** The current best bid and ask, or empty when the venue has no two-sided market for it now. */
    default Optional<Quote> quote(Instrument instrument) {
        throw new UnsupportedOperationException(name() + " has no quotes");
    }
}
