package dev.tradingsdk.brokers;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;

/** Instruments the tests trade. */
public final class TestInstruments {

    private TestInstruments() {
    }

    public static Instrument equity(String symbol, String venue) {
        return Instrument.builder(symbol, Venue.of(venue)).assetClass(AssetClass.EQUITY).quoteCurrency(Currency.USD)
                .pricePrecision(2).sizePrecision(0).build();
    }

    public static Instrument aapl(String venue) {
        return equity("AAPL", venue);
    }
}
