package dev.tradingsdk.core.instrument;

/** An instrument's identity: its symbol at a venue, written {@code SYMBOL.VENUE}. */
public record InstrumentId(String symbol, Venue venue) {

    public InstrumentId {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank, was \"" + symbol + "\"");
        }
        if (venue == null) {
            throw new IllegalArgumentException("venue must not be null");
        }
    }

    public static InstrumentId of(String symbol, String venue) {
        return new InstrumentId(symbol, Venue.of(venue));
    }

    @Override
    public String toString() {
        return symbol + "." + venue.name();
    }
}
