package dev.tradingsdk.core;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;

/** Instruments shared by the tests, each with a grid that makes off-grid mistakes visible. */
public final class TestInstruments {

    /** Prices on a 0.01 tick, sizes on a 0.001 lot with a 0.01 minimum, USD. */
    public static final Instrument BTC = Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(3).minSize("0.010").build();

    /** Whole shares, a 0.01 tick, USD. */
    public static final Instrument AAPL = Instrument.builder("AAPL", Venue.of("NASDAQ"))
            .assetClass(AssetClass.EQUITY).quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();

    /** A future with a 0.25 tick and a multiplier of 50, whole contracts, USD. */
    public static final Instrument ES = Instrument.builder("ESZ6", Venue.of("CME")).assetClass(AssetClass.FUTURE)
            .quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.25").sizePrecision(0).multiplier("50")
            .underlying("ES").build();

    private TestInstruments() {
    }
}
