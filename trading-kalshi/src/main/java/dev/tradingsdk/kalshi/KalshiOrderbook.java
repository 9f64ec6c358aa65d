package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kalshi order book as Kalshi sends it: <b>bids only</b> on both sides, YES bids and NO bids, each ascending
 * so the best bid is last. A NO bid at {@code q} is a YES offer at {@code 1 - q}: the best YES ask is
 * {@code 1 - best NO bid}, with that NO bid's size. Immutable.
 */
public record KalshiOrderbook(String ticker, List<PriceLevel> yesBids, List<PriceLevel> noBids) {

    public KalshiOrderbook {
        Objects.requireNonNull(ticker, "ticker");
        yesBids = sortedAscending(yesBids);
        noBids = sortedAscending(noBids);
    }

    private static List<PriceLevel> sortedAscending(List<PriceLevel> levels) {
        List<PriceLevel> copy = new ArrayList<>(levels);
        copy.sort(Comparator.comparing(PriceLevel::price));
        return List.copyOf(copy);
    }

    public Optional<PriceLevel> bestYesBid() {
        return yesBids.isEmpty() ? Optional.empty() : Optional.of(yesBids.get(yesBids.size() - 1));
    }

    public Optional<PriceLevel> bestNoBid() {
        return noBids.isEmpty() ? Optional.empty() : Optional.of(noBids.get(noBids.size() - 1));
    }

    /** The cheapest YES offer: {@code 1 - best NO bid}, size of that NO bid. */
    public Optional<PriceLevel> bestYesAsk() {
        return bestNoBid().map(no -> new PriceLevel(KalshiPayloads.complement(no.price()), no.size()));
    }

    /** The cheapest NO offer: {@code 1 - best YES bid}, size of that YES bid. */
    public Optional<PriceLevel> bestNoAsk() {
        return bestYesBid().map(yes -> new PriceLevel(KalshiPayloads.complement(yes.price()), yes.size()));
    }

    /** YES ask minus YES bid, when both sides are quoted. */
    public Optional<Price> yesSpread() {
        if (bestYesBid().isEmpty() || bestYesAsk().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bestYesAsk().get().price().minus(bestYesBid().get().price()));
    }

    /** YES offers (the NO bids turned around), best (lowest) first. */
    public List<PriceLevel> yesAsks() {
        List<PriceLevel> asks = new ArrayList<>(noBids.size());
        for (int i = noBids.size() - 1; i >= 0; i--) {
            PriceLevel no = noBids.get(i);
            asks.add(new PriceLevel(KalshiPayloads.complement(no.price()), no.size()));
        }
        return asks;
    }

    /** The book in YES terms as core levels: bids best (highest) first, asks best (lowest) first. */
    public List<BookLevel> coreBids() {
        List<BookLevel> bids = new ArrayList<>(yesBids.size());
        for (int i = yesBids.size() - 1; i >= 0; i--) {
            bids.add(level(yesBids.get(i)));
        }
        return bids;
    }

    public List<BookLevel> coreAsks() {
        List<BookLevel> asks = new ArrayList<>(noBids.size());
        for (PriceLevel ask : yesAsks()) {
            asks.add(level(ask));
        }
        return asks;
    }

    /** A core {@link OrderBook} of the YES contract: bids = YES bids, asks = 1 - NO bids. */
    public OrderBook toOrderBook(Instrument instrument) {
        OrderBook book = new OrderBook(instrument);
        book.applySnapshot(coreBids(), coreAsks());
        return book;
    }

    private static BookLevel level(PriceLevel level) {
        return new BookLevel(level.price(), level.size());
    }
}
