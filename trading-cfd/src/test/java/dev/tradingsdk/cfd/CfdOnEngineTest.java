package dev.tradingsdk.cfd;

import static dev.tradingsdk.cfd.TestInstruments.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.strategy.DecisionStrategy;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.EngineStatus;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CFD account as the gateway of a REPLAY engine, traded by a decision function through the engine's governor. */
class CfdOnEngineTest {

    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static List<Quote> quotes() {
        List<Quote> quotes = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Price mid = Price.of(Integer.toString(40000 + 100 * i) + ".00");
            quotes.add(new Quote(BTC, T0.plus(Duration.ofMinutes(30L * i)), mid, Quantity.of("5"), mid,
                    Quantity.of("5")));
        }
        return quotes;
    }

    @Test
    void aDecisionFunctionTradesACfdAccountThroughTheEnginesRiskPath() {
        SimulatedClock clock = new SimulatedClock(T0);
        CfdAccount account = CfdAccount.builder("agent", Money.of("10000", Currency.USD)).clock(clock).build();
        List<Order> rejected = new ArrayList<>();
        int[] decisions = {0};
        DecisionStrategy agent = DecisionStrategy.every(Duration.ofHours(1), context -> {
            decisions[0]++;
            // first an order the engine's notional limit denies, then one it lets through to the account
            String size = decisions[0] == 1 ? "1" : "0.01";
            return List.of(OrderRequest.buy(BTC).clientOrderId("d" + decisions[0]).quantity(size).build());
        }, List.of(BTC));
        Strategy watcher = new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
            }
        };
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock)
                .feed("quotes", MarketReplay.of(List.of(quotes().iterator())))
                .account(account, account)
                .rule(new MaxOrderNotionalRule(Money.of("5000", Currency.USD)))
                .strategy("agent", new RecordingRejections(agent, rejected)).strategy("watcher", watcher).build();
        engine.run();

        EngineStatus status = engine.status();
        assertThat(decisions[0]).isEqualTo(3);
        assertThat(rejected).singleElement().satisfies(o -> {
            assertThat(o.clientOrderId().value()).isEqualTo("d1");
            assertThat(o.reason()).contains(MaxOrderNotionalRule.CODE);
        });
        assertThat(account.orders()).extracting(o -> o.clientOrderId().value()).containsExactly("d2", "d3");
        assertThat(account.position(BTC.id())).hasValueSatisfying(p -> assertThat(p.quantity())
                .isEqualTo(Quantity.of("0.02")));
        assertThat(status.account("agent").positions()).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualTo(Quantity.of("0.02")));
    }

    /** Passes everything to {@code delegate} and keeps the orders the engine or the account rejected. */
    private record RecordingRejections(Strategy delegate, List<Order> rejected) implements Strategy {
        @Override
        public void onStart(StrategyContext context) {
            delegate.onStart(context);
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            delegate.onEvent(event, context);
        }

        @Override
        public void onTimer(dev.tradingsdk.core.strategy.TimerEvent timer, StrategyContext context) {
            delegate.onTimer(timer, context);
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext context) {
            if (order.status() == OrderStatus.REJECTED) {
                rejected.add(order);
            }
        }
    }
}
