package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.core.time.SimulatedClock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Several time-ordered event sources merged into one time-ordered stream. Events with equal timestamps come
 * in source order (the first source first), and each source's own order is kept, so a replay is deterministic.
 * A source that goes back in time throws {@link IllegalStateException} naming it: merging cannot repair that.
 * Allocation-free per event.
 *
 * <p>As a {@link MarketDataFeed} it delivers, from {@link #play}, each event to the listeners subscribed to its
 * instrument; a {@link dev.tradingsdk.core.strategy.TradingEngine} in REPLAY mode pulls it as the iterator it is.
 * Not thread-safe: one thread replays it.
 *
 * <pre>{@code
 * MarketReplay replay = MarketReplay.of(List.of(btcBars.iterator(), ethBars.iterator()));
 * replay.replayTo(clock, event -> ...);   // the clock follows the data
 * }</pre>
 */
public final class MarketReplay implements Iterator<MarketEvent>, MarketDataFeed {

    private final List<Iterator<? extends MarketEvent>> sources;
    private final MarketEvent[] heads;
    private final long[] headNanos;
    private final Map<Instrument, List<MarketDataListener>> listeners = new HashMap<>();

    private MarketReplay(List<Iterator<? extends MarketEvent>> sources) {
        this.sources = sources;
        this.heads = new MarketEvent[sources.size()];
        this.headNanos = new long[sources.size()];
        for (int i = 0; i < heads.length; i++) {
            advance(i, Long.MIN_VALUE);
        }
    }

    /** Merges {@code sources}; each must be in non-decreasing timestamp order. */
    public static MarketReplay of(List<? extends Iterator<? extends MarketEvent>> sources) {
        return new MarketReplay(List.copyOf(sources));
    }

    private void advance(int i, long previous) {
        Iterator<? extends MarketEvent> source = sources.get(i);
        if (!source.hasNext()) {
            heads[i] = null;
            return;
        }
        MarketEvent event = source.next();
        long nanos = EpochNanos.of(event.timestamp());
        if (nanos < previous) {
            throw new IllegalStateException("source " + i + " goes back in time: " + event.timestamp()
                    + " after " + heads[i].timestamp() + " (" + event.instrument() + ")");
        }
        heads[i] = event;
        headNanos[i] = nanos;
    }

    @Override
    public void subscribe(Instrument instrument, MarketDataListener listener) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(listener, "listener");
        List<MarketDataListener> list = listeners.computeIfAbsent(instrument, i -> new ArrayList<>());
        if (!list.contains(listener)) {
            list.add(listener);
        }
    }

    @Override
    public void unsubscribe(Instrument instrument, MarketDataListener listener) {
        List<MarketDataListener> list = listeners.get(instrument);
        if (list != null) {
            list.remove(listener);
        }
    }

    /** Delivers every remaining event to the listeners subscribed to its instrument, moving {@code clock} first. */
    public void play(SimulatedClock clock) {
        while (hasNext()) {
            MarketEvent event = next();
            long nanos = EpochNanos.of(event.timestamp());
            if (nanos > clock.epochNanos()) {
                clock.setEpochNanos(nanos);
            }
            List<MarketDataListener> list = listeners.get(event.instrument());
            if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    list.get(i).onEvent(event);
                }
            }
        }
    }

    /** The next event without consuming it, or {@code null} when the replay is exhausted. */
    public MarketEvent peek() {
        int best = best();
        return best < 0 ? null : heads[best];
    }

    private int best() {
        int best = -1;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] != null && (best < 0 || headNanos[i] < headNanos[best])) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean hasNext() {
        for (MarketEvent head : heads) {
            if (head != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public MarketEvent next() {
        int best = best();
        if (best < 0) {
            throw new NoSuchElementException("replay exhausted");
        }
        MarketEvent event = heads[best];
        advance(best, headNanos[best]);
        return event;
    }

    /** Plays every remaining event to {@code listener}, moving {@code clock} to each event's time first. */
    public void replayTo(SimulatedClock clock, MarketDataListener listener) {
        while (hasNext()) {
            MarketEvent event = next();
            long nanos = EpochNanos.of(event.timestamp());
            if (nanos > clock.epochNanos()) {
                clock.setEpochNanos(nanos);
            }
            listener.onEvent(event);
        }
    }
}
