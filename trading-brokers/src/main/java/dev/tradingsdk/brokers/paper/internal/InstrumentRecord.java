package dev.tradingsdk.brokers.paper.internal;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;

/** An instrument's definition in the paper journal, so a restart needs no instrument configuration. */
public record InstrumentRecord(String symbol, String venue, String assetClass, String currency,
                               int currencyPrecision, int pricePrecision, int sizePrecision, String tickSize,
                               String lotSize, String minSize, String multiplier) {

    public static InstrumentRecord of(Instrument i) {
        return new InstrumentRecord(i.symbol(), i.venue().name(), i.assetClass().name(), i.quoteCurrency().code(),
                i.quoteCurrency().precision(), i.pricePrecision(), i.sizePrecision(), i.tickSize().toString(),
                i.lotSize().toString(), i.minSize().toString(), i.multiplier().toString());
    }

    public Instrument toInstrument() {
        return Instrument.builder(symbol, Venue.of(venue)).assetClass(AssetClass.valueOf(assetClass))
                .quoteCurrency(new Currency(currency, currencyPrecision)).pricePrecision(pricePrecision)
                .sizePrecision(sizePrecision).tickSize(tickSize).lotSize(lotSize).minSize(minSize)
                .multiplier(multiplier).build();
    }
}
