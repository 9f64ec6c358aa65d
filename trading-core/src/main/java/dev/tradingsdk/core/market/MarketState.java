package dev.tradingsdk.core.market;

import dev.tradingsdk.core.instrument.InstrumentId;

/** Where the governor finds the market of an instrument. */
@FunctionalInterface
public interface MarketState {

    /** No market data at all: rules that need a market reject. */
    MarketState NONE = id -> null;

    /** The current market of {@code instrument}, or {@code null} when none is known. */
    MarketSnapshot snapshot(InstrumentId instrument);
}
