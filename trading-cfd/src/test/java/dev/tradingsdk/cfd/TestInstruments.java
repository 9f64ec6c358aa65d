package dev.tradingsdk.cfd;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;

/** Instruments shared by the tests, on grids like a retail CFD provider's. */
final class TestInstruments {

    static final Instrument EURUSD = Instrument.builder("EURUSD", Venue.SIM).assetClass(AssetClass.FX)
            .quoteCurrency(Currency.USD).pricePrecision(5).sizePrecision(0).lotSize("1000").build();
    static final Instrument BTC = Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    static final Instrument ETH = Instrument.builder("ETHUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(3).build();
    static final Instrument GOLD = Instrument.builder("XAUUSD", Venue.SIM).assetClass(AssetClass.COMMODITY)
            .quoteCurrency(Currency.USD).pricePrecision(1).sizePrecision(2).tickSize("0.1").build();
    static final Instrument SHIB = Instrument.builder("SHIBUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(8).sizePrecision(0).build();
    static final Instrument AAPL = Instrument.builder("AAPL", Venue.SIM).assetClass(AssetClass.EQUITY)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();

    private TestInstruments() {
    }
}
