package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.options.OptionsFixtures.CHAIN;
import static dev.tradingsdk.core.options.OptionsFixtures.ESZ6;
import static dev.tradingsdk.core.options.OptionsFixtures.T0;
import static dev.tradingsdk.core.options.OptionsFixtures.call;
import static dev.tradingsdk.core.options.OptionsFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.rules.MaxNetDeltaRule;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ShortStraddleHedgeTest}'s quiet path run on the strategy engine in REPLAY: the same straddle and daily
 * hedges, but as a {@link Strategy} whose orders go through the engine's governor (with {@link MaxNetDeltaRule}
 * over the strategy's greeks book) to a simulated venue filling against replayed quotes.
 */
class ShortStraddleEngineTest {

    /** Sells the straddle on the future's first daily quote of day 0, then hedges on that quote every day. */
    private static final class HedgedStraddle implements Strategy {
        final GreeksBook book = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
        final DeltaHedger hedger = new DeltaHedger(ESZ6, new BigDecimal("25"), book);
        final List<String> hedges = new ArrayList<>();
        final List<String> rejections = new ArrayList<>();
        int day;

        HedgedStraddle() {
            book.volatilityOfAll(ESZ6, 0.20);
        }

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribe(ESZ6);
            context.marketData().subscribe(call(5000));
            context.marketData().subscribe(put(5000));
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            if (!(event instanceof Quote quote) || !quote.instrument().equals(ESZ6)
                    || quote.timestamp().getEpochSecond() % 60 != 0) {
                return;
            }
            book.time(EpochNanos.of(context.clock().now()));
            book.price(ESZ6, quote.bid().raw());
            if (day == 0) {
                for (Instrument leg : List.of(call(5000), put(5000))) {
                    context.orders().submit(OrderRequest.sell(leg).quantity("10").limit("110.00")
                            .clientOrderId("sell-" + leg.symbol().replace(' ', '-')).build());
                }
            } else {
                Optional<OrderRequest> hedge = hedger.propose(context.account(), ClientOrderId.of("hedge-" + day));
                hedge.ifPresent(order -> {
                    context.orders().submit(order);
                    hedges.add("day " + day + ": " + (order.side() == Side.BUY ? "+" : "-") + order.quantity()
                            + " @ " + quote.bid().raw() / 100);
                });
            }
            day++;
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext context) {
            if (order.status() == OrderStatus.REJECTED) {
                rejections.add(order.request().clientOrderId() + " " + context.orders()
                        .violations(order.request().clientOrderId()));
            }
        }
    }

    /**
     * Each day's prices twice, a second apart: the strategy decides on the first quote of the future, and the
     * venue, which never fills an order against data older than its arrival, fills on the second.
     */
    private static List<MarketEvent> quotes(int[] path) {
        List<MarketEvent> events = new ArrayList<>();
        Quantity depth = Quantity.of("1000");
        Price premium = Price.of("110.00");
        for (int day = 0; day < path.length; day++) {
            Instant at = T0.plus(Duration.ofDays(day));
            Price future = Price.ofRaw(path[day] * 100L, 2);
            events.add(new Quote(ESZ6, at, future, depth, future, depth));
            Instant fillAt = at.plusSeconds(1);
            if (day == 0) {
                for (Instrument leg : List.of(call(5000), put(5000))) {
                    events.add(new Quote(leg, fillAt, premium, depth, premium, depth));
                }
            }
            events.add(new Quote(ESZ6, fillAt, future, depth, future, depth));
        }
        return events;
    }

    @Test
    void theQuietPathHedgedThroughTheEngineMatchesTheHandCheckedRun() {
        Portfolio portfolio = new Portfolio("straddle", Money.of("1000000.00", Currency.USD));
        HedgedStraddle strategy = new HedgedStraddle();
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(new SimulatedClock(T0))
                .feed("quotes", MarketReplay.of(List.of(quotes(ShortStraddleHedgeTest.QUIET).iterator())))
                .simulatedAccount(portfolio, SimulatedVenue.builder())
                .rule(new MaxNetDeltaRule(new BigDecimal("600"), strategy.book))
                .strategy("straddle", strategy).build();
        engine.run();

        assertThat(strategy.rejections).isEmpty();
        assertThat(strategy.day).isEqualTo(28);
        assertThat(portfolio.positions()).hasSize(2);
        assertThat(strategy.hedges).containsExactly("day 2: +2 @ 5060", "day 4: -2 @ 4990", "day 10: +2 @ 5040",
                "day 12: -2 @ 5000");
        portfolio.mark(ESZ6, Price.of("5000.00"));
        portfolio.mark(call(5000), Price.of("0.00"));
        portfolio.mark(put(5000), Price.of("0.00"));
        assertThat(portfolio.position(call(5000).id()).orElseThrow().netRaw()).isEqualTo(-10);
        assertThat(portfolio.position(ESZ6.id()).orElseThrow().isFlat()).isTrue();
        assertThat(portfolio.equity().minus(Money.of("1000000.00", Currency.USD)))
                .isEqualTo(Money.of("99000.00", Currency.USD));
    }
}
