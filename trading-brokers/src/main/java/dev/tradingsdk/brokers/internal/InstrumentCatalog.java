package dev.tradingsdk.brokers.internal;

import dev.tradingsdk.core.instrument.Instrument;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Symbol to instrument for orders and positions a venue reports: instruments configured or already traded
 * first (so a strategy gets back the very instrument it sent), else the adapter's default definition.
 */
public final class InstrumentCatalog {

    private final Map<String, Instrument> bySymbol = new ConcurrentHashMap<>();
    private final Function<String, Instrument> fallback;

    public InstrumentCatalog(Function<String, Instrument> fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    public void add(Instrument instrument) {
        bySymbol.put(instrument.symbol(), instrument);
    }

    public Instrument resolve(String symbol) {
        return bySymbol.computeIfAbsent(symbol, fallback);
    }
}
