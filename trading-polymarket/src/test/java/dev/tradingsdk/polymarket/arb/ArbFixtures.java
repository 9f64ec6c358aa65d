package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Markets, books and a REPLAY engine on a simulated venue charging Polymarket's taker fee. */
final class ArbFixtures {
    static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

    private ArbFixtures() {
    }

    static DepthRecording recording(String slug) {
        return DepthRecording.bundled(slug);
    }

    /** A one-level book; null price = empty side. */
    static BookSnapshot book(PairMarket market, PairLeg leg, long millisAfterT0, String bid, String bidSize,
            String ask, String askSize) {
        List<BookLevel> bids = new ArrayList<>();
        List<BookLevel> asks = new ArrayList<>();
        if (bid != null) {
            bids.add(new BookLevel(Price.of(bid, 3), Quantity.of(bidSize, 2)));
        }
        if (ask != null) {
            asks.add(new BookLevel(Price.of(ask, 3), Quantity.of(askSize, 2)));
        }
        return new BookSnapshot(market.instrument(leg), T0.plusMillis(millisAfterT0), bids, asks);
    }

    /** A replay run: the venue, its portfolio and the engine, not started. */
    record Replay(SimulatedVenue venue, Portfolio portfolio, TradingEngine engine) {
    }

    static Replay replay(MarketReplay feed, Instant start, PairCostArbitrage bot, PolymarketFeeModel fees) {
        SimulatedClock clock = new SimulatedClock(start);
        Portfolio portfolio = new Portfolio("paper", Money.of("1000", Currency.PUSD));
        SimulatedVenue venue = SimulatedVenue.builder().fees(fees).build(portfolio, clock);
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock).feed("books", feed)
                .account(venue, portfolio).strategy("pca", bot).build();
        return new Replay(venue, portfolio, engine);
    }

    static MarketReplay feed(List<? extends MarketEvent> events) {
        return MarketReplay.of(List.of(events.iterator()));
    }
}
