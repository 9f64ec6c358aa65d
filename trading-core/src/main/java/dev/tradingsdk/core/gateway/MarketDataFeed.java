package dev.tradingsdk.core.gateway;

import dev.tradingsdk.core.instrument.Instrument;

/** A source of market events: a venue's stream, a replayed file, a simulated market. */
public interface MarketDataFeed {

    void subscribe(Instrument instrument, MarketDataListener listener);

    void unsubscribe(Instrument instrument, MarketDataListener listener);
}
