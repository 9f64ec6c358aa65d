package dev.tradingsdk.kalshi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Filters of {@code GET /markets}. The status filter uses its own vocabulary ({@code unopened}, {@code open},
 * {@code paused}, {@code closed}, {@code settled}), not the response's.
 */
public record MarketQuery(String eventTicker, String seriesTicker, String status, List<String> tickers,
                          Instant minCloseTime, Instant maxCloseTime, int pageSize) {

    private static final List<String> STATUSES = List.of("unopened", "open", "paused", "closed", "settled");

    public MarketQuery {
        tickers = List.copyOf(tickers);
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("market status filter must be one of " + STATUSES + ", was \"" + status
                + "\"");
        }
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("pageSize must be in 1..1000, was " + pageSize);
        }
    }

    /** Every market, 1000 per page. */
    public static MarketQuery all() {
        return new MarketQuery(null, null, null, List.of(), null, null, 1000);
    }

    public MarketQuery eventTicker(String ticker) {
        return new MarketQuery(Objects.requireNonNull(ticker, "eventTicker"), seriesTicker, status, tickers,
            minCloseTime, maxCloseTime, pageSize);
    }

    public MarketQuery seriesTicker(String ticker) {
        return new MarketQuery(eventTicker, Objects.requireNonNull(ticker, "seriesTicker"), status, tickers,
            minCloseTime, maxCloseTime, pageSize);
    }

    public MarketQuery status(String filter) {
        return new MarketQuery(eventTicker, seriesTicker, Objects.requireNonNull(filter, "status"), tickers,
            minCloseTime, maxCloseTime, pageSize);
    }

    public MarketQuery tickers(List<String> list) {
        return new MarketQuery(eventTicker, seriesTicker, status, list, minCloseTime, maxCloseTime, pageSize);
    }

    public MarketQuery closingBetween(Instant from, Instant to) {
        return new MarketQuery(eventTicker, seriesTicker, status, tickers, from, to, pageSize);
    }

    public MarketQuery pageSize(int size) {
        return new MarketQuery(eventTicker, seriesTicker, status, tickers, minCloseTime, maxCloseTime, size);
    }
}
