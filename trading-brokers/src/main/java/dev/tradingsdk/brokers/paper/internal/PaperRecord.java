package dev.tradingsdk.brokers.paper.internal;

import java.util.List;

/**
 * One command the paper broker applied, in the order applied; replaying them into a fresh simulated venue
 * rebuilds its state exactly (the venue is deterministic for a given seed).
 *
 * @param kind     OPEN (first record: account, cash, seed), INSTRUMENT, SUBMIT, BRACKET, CANCEL, REPLACE, MARKET
 * @param atNanos  the broker clock when the command ran
 * @param orders   SUBMIT: the request; BRACKET: entry, take-profit, stop-loss; REPLACE: the replacing request
 * @param target   CANCEL and REPLACE: the client order id acted on
 */
public record PaperRecord(String kind, long atNanos, String accountId, String cash, String currency,
                          int currencyPrecision, long seed, InstrumentRecord instrument, List<OrderRecord> orders,
                          String target, MarketRecord market) {

    public static PaperRecord open(long atNanos, String accountId, String cash, String currency, int precision,
                                   long seed) {
        return new PaperRecord("OPEN", atNanos, accountId, cash, currency, precision, seed, null, null, null, null);
    }

    public static PaperRecord instrument(long atNanos, InstrumentRecord instrument) {
        return new PaperRecord("INSTRUMENT", atNanos, null, null, null, 0, 0, instrument, null, null, null);
    }

    public static PaperRecord orders(String kind, long atNanos, List<OrderRecord> orders, String target) {
        return new PaperRecord(kind, atNanos, null, null, null, 0, 0, null, orders, target, null);
    }

    public static PaperRecord cancel(long atNanos, String target) {
        return new PaperRecord("CANCEL", atNanos, null, null, null, 0, 0, null, null, target, null);
    }

    public static PaperRecord market(long atNanos, MarketRecord market) {
        return new PaperRecord("MARKET", atNanos, null, null, null, 0, 0, null, null, null, market);
    }
}
