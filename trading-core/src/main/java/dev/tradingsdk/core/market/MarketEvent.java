package dev.tradingsdk.core.market;

import dev.tradingsdk.core.instrument.Instrument;
import java.time.Instant;

/** Something the market did to one instrument at one time: a bar, a quote, a trade, a book change. */
public interface MarketEvent {

    Instrument instrument();

    /** When the event became known (for a bar: its close time), which is when a strategy may act on it. */
    Instant timestamp();
}
