package dev.tradingsdk.core.market;

import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The top levels of an order book at one instant, as recorded: bids best (highest) first, asks best (lowest)
 * first. Either side may be empty (a one-sided book). The simulated venue fills orders against these levels,
 * consuming their sizes.
 */
public record BookSnapshot(Instrument instrument, Instant timestamp, List<BookLevel> bids, List<BookLevel> asks)
        implements MarketEvent {

    public BookSnapshot {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timestamp, "timestamp");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        checkOrder("bids", bids, -1);
        checkOrder("asks", asks, 1);
    }

    private static void checkOrder(String side, List<BookLevel> levels, int direction) {
        for (int i = 1; i < levels.size(); i++) {
            if (Integer.signum(levels.get(i).price().compareTo(levels.get(i - 1).price())) != direction) {
                throw new IllegalArgumentException(side + " must be strictly " + (direction > 0 ? "ascending"
                        : "descending") + " by price, level " + i + " is " + levels.get(i).price() + " after "
                        + levels.get(i - 1).price());
            }
        }
    }

    public Optional<Price> bestBid() {
        return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0).price());
    }

    public Optional<Price> bestAsk() {
        return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0).price());
    }
}
