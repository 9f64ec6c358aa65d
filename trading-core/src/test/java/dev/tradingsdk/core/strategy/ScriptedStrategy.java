package dev.tradingsdk.core.strategy;

import static dev.tradingsdk.core.strategy.EngineFixtures.BTC;
import static dev.tradingsdk.core.strategy.EngineFixtures.ETH;

import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A strategy using timers, a bracket and a cancel, logging every callback it gets: what the REPLAY/PAPER and
 * restart tests compare.
 */
final class ScriptedStrategy implements Strategy {

    /** Appended on the engine's thread; tests on another thread read it through {@link #logSoFar()}. */
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private int events;
    private int timers;

    /** A copy of the log, taken under its lock so a running engine cannot change it while it is read. */
    List<String> logSoFar() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void onStart(StrategyContext context) {
        context.marketData().subscribe(BTC);
        context.marketData().subscribe(ETH);
        context.timers().scheduleEvery("rebalance", Duration.ofSeconds(150));
        log.add("start " + context.clock().now());
    }

    @Override
    public void onEvent(MarketEvent event, StrategyContext context) {
        Bar bar = (Bar) event;
        events++;
        log.add("event " + bar.instrument().id().symbol() + " " + bar.close() + " " + context.clock().now());
        if (events == 1) {
            OrderRequest entry = OrderRequest.buy(BTC).clientOrderId("entry").quantity("1").build();
            context.orders().submit(BracketOrder.of(entry, BTC.price("106"), BTC.price("95"), bar.close()));
        } else if (events == 4) {
            context.orders().submit(OrderRequest.buy(ETH).clientOrderId("resting").quantity("2").limit("10").build());
        } else if (events % 5 == 0) {
            context.orders().submit(OrderRequest.sell(ETH).clientOrderId("sell-" + events).quantity("1").build());
        }
    }

    @Override
    public void onTimer(TimerEvent timer, StrategyContext context) {
        timers++;
        log.add("timer " + timer.name() + " " + timer.dueAt() + " " + context.clock().now());
        if (timers == 1) {
            context.orders().submit(OrderRequest.buy(ETH).clientOrderId("timer-buy").quantity("3").build());
        } else if (timers == 2) {
            log.add("cancel resting " + context.orders().cancel(ClientOrderId.of("resting")));
        }
    }

    @Override
    public void onOrderUpdate(Order order, StrategyContext context) {
        log.add("order " + order.clientOrderId() + " " + order.status() + " " + order.updatedAt());
    }

    @Override
    public void onFill(Fill fill, Order order, StrategyContext context) {
        log.add("fill " + fill.orderId() + " " + fill.quantity() + "@" + fill.price() + " " + fill.timestamp());
    }

    @Override
    public void onStop(StrategyContext context) {
        log.add("stop " + context.clock().now());
    }

    /** BTC rising through the take-profit, ETH falling: 16 bars over 8 minutes, interleaved. */
    static List<Bar> bars() {
        String[] btc = {"100", "101", "102", "103", "104", "105", "107", "108"};
        String[] eth = {"50", "49", "48", "47", "46", "45", "44", "43"};
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < btc.length; i++) {
            bars.add(EngineFixtures.bar(BTC, i, btc[i]));
            bars.add(EngineFixtures.bar(ETH, i, eth[i]));
        }
        return bars;
    }
}
