package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.market.Quote;
import java.util.Optional;
import java.util.Set;

/**
 * A strategy's market-data subscriptions. A strategy receives {@link Strategy#onEvent} only for instruments it
 * subscribed to; the engine subscribes its feeds to the union of its strategies' instruments.
 */
public interface MarketData {

    /** Starts delivering {@code instrument}'s events to this strategy; subscribing twice is a no-op. */
    void subscribe(Instrument instrument);

    /** Stops delivering {@code instrument}'s events to this strategy; a no-op when not subscribed. */
    void unsubscribe(Instrument instrument);

    /**
     * Delivers every market event the engine handles, whatever its instrument: in REPLAY every replayed event;
     * live, the events of the instruments any strategy subscribed to (a live feed needs instruments named).
     */
    void subscribeAll();

    /** The instruments this strategy subscribed to by name. */
    Set<Instrument> subscriptions();

    /** The latest quote the engine saw for {@code instrument}, whoever subscribed to it. */
    Optional<Quote> lastQuote(InstrumentId instrument);

    /** Whether the feed lost continuity for {@code instrument} and no fresh snapshot arrived yet. */
    boolean isStale(InstrumentId instrument);
}
