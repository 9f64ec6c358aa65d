package dev.tradingsdk.llm.prompt;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Market data as it was known at one decision time: a bar is known once it has closed ({@code closeTime <=}
 * the decision time). Every read is cut there by construction, and a read that asks for a later time throws
 * {@link LookAheadException} instead of quietly returning less.
 */
public final class PointInTimeView {

    private final MarketHistory history;
    private final Instant decisionTime;

    PointInTimeView(MarketHistory history, Instant decisionTime) {
        this.history = history;
        this.decisionTime = Objects.requireNonNull(decisionTime, "decisionTime");
    }

    public Instant decisionTime() {
        return decisionTime;
    }

    /** The last {@code count} bars closed by the decision time, oldest first. */
    public List<Bar> recentBars(Instrument instrument, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        List<Bar> known = known(instrument);
        return List.copyOf(known.subList(Math.max(0, known.size() - count), known.size()));
    }

    /** Bars closing in {@code (from, to]}; {@code to} after the decision time is a look-ahead and throws. */
    public List<Bar> bars(Instrument instrument, Instant from, Instant to) {
        if (to.isAfter(decisionTime)) {
            throw new LookAheadException("bars of " + instrument.symbol(), to, decisionTime);
        }
        List<Bar> out = new ArrayList<>();
        for (Bar b : known(instrument)) {
            if (b.closeTime().isAfter(from) && !b.closeTime().isAfter(to)) {
                out.add(b);
            }
        }
        return List.copyOf(out);
    }

    /** The bar that closed last at or before {@code time}; a time after the decision time throws. */
    public Optional<Bar> barAt(Instrument instrument, Instant time) {
        if (time.isAfter(decisionTime)) {
            throw new LookAheadException("bar of " + instrument.symbol(), time, decisionTime);
        }
        Bar last = null;
        for (Bar b : known(instrument)) {
            if (!b.closeTime().isAfter(time)) {
                last = b;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The latest closed bar. */
    public Optional<Bar> lastBar(Instrument instrument) {
        return barAt(instrument, decisionTime);
    }

    private List<Bar> known(Instrument instrument) {
        List<Bar> all = history.all(instrument);
        int n = 0;
        while (n < all.size() && !all.get(n).closeTime().isAfter(decisionTime)) {
            n++;
        }
        return all.subList(0, n);
    }
}
