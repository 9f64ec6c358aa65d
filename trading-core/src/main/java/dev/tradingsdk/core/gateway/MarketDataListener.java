package dev.tradingsdk.core.gateway;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketEvent;

/** Receives market events from a feed, in order, on the feed's event thread. */
@FunctionalInterface
public interface MarketDataListener {

    void onEvent(MarketEvent event);

    /**
     * The feed lost continuity for {@code instrument} (a sequence gap or a reconnect): state built from
     * earlier events is stale until the next snapshot arrives.
     */
    default void onOutOfSync(Instrument instrument, String reason) {
    }
}
