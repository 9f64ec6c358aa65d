package dev.tradingsdk.core.strategy;

import static dev.tradingsdk.core.strategy.EngineFixtures.BTC;
import static dev.tradingsdk.core.strategy.EngineFixtures.ETH;
import static dev.tradingsdk.core.strategy.EngineFixtures.T0;
import static dev.tradingsdk.core.strategy.EngineFixtures.awaitEvents;
import static dev.tradingsdk.core.strategy.EngineFixtures.bar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.portfolio.PositionSide;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.TradingState;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PAPER: a live (scripted) feed, the engine's loop thread, simulated execution, operator controls. */
class PaperEngineTest {

    private static Portfolio portfolio() {
        return new Portfolio("paper", Money.of("100000", Currency.USD));
    }

    @Test
    void theSameStrategyInReplayAndInPaperProducesTheSameOrdersFillsAndAccount() throws Exception {
        List<Bar> bars = ScriptedStrategy.bars();

        ScriptedStrategy inReplay = new ScriptedStrategy();
        Portfolio replayAccount = portfolio();
        TradingEngine replay = TradingEngine.builder().mode(EngineMode.REPLAY).clock(new SimulatedClock(T0))
                .feed("bars", MarketReplay.of(List.of(bars.iterator())))
                .simulatedAccount(replayAccount, SimulatedVenue.builder())
                .strategy("scripted", inReplay).build();
        replay.run();

        ScriptedStrategy inPaper = new ScriptedStrategy();
        Portfolio paperAccount = portfolio();
        SimulatedClock wallClock = new SimulatedClock(T0);
        EngineFixtures.ScriptedFeed feed = new EngineFixtures.ScriptedFeed(wallClock);
        TradingEngine paper = TradingEngine.builder().mode(EngineMode.PAPER).clock(wallClock).feed("bars", feed)
                .simulatedAccount(paperAccount, SimulatedVenue.builder())
                .strategy("scripted", inPaper).build();
        paper.start();
        feed.play(bars);
        awaitEvents(paper, bars.size());
        paper.stop();

        assertThat(inReplay.log).contains("fill entry 1.0000@101 2024-03-01T00:01:00Z", "cancel resting true")
                .anySatisfy(l -> assertThat(l).startsWith("fill entry-tp 1.0000@107"));
        assertThat(inPaper.log).containsExactlyElementsOf(inReplay.log);
        assertThat(paperAccount.cash()).isEqualTo(replayAccount.cash());
        assertThat(paperAccount.equity()).isEqualTo(replayAccount.equity());
        assertThat(paperAccount.positions()).map(p -> p.instrument() + " " + p.netQuantity())
                .containsExactlyElementsOf(replayAccount.positions().stream()
                        .map(p -> p.instrument() + " " + p.netQuantity()).toList());
        assertThat(paper.status().state()).isEqualTo(EngineState.STOPPED);
    }

    @Test
    void anOutOfSyncInstrumentIsStaleUntilAFreshSnapshotAndOrdersOnItAreDenied() throws Exception {
        SimulatedClock wallClock = new SimulatedClock(T0);
        EngineFixtures.ScriptedFeed feed = new EngineFixtures.ScriptedFeed(wallClock);
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Strategy strategy = new Strategy() {
            int ids;

            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                Order ack = context.orders().submit(OrderRequest.buy(BTC).clientOrderId("o" + (++ids))
                        .quantity("1").build());
                log.add("event " + ack.status() + " stale=" + context.marketData().isStale(BTC.id()));
            }

            @Override
            public void onOutOfSync(dev.tradingsdk.core.instrument.Instrument instrument, String reason,
                                    StrategyContext context) {
                Order ack = context.orders().submit(OrderRequest.buy(BTC).clientOrderId("o" + (++ids))
                        .quantity("1").build());
                log.add("out of sync " + reason + " " + ack.status() + " "
                        + context.orders().violations(ack.clientOrderId()).get(0).code());
            }
        };
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.PAPER).clock(wallClock).feed("ws", feed)
                .simulatedAccount(portfolio(), SimulatedVenue.builder()).strategy("s", strategy).build();
        engine.start();
        feed.play(List.of(bar(BTC, 0, "100")));
        awaitEvents(engine, 1);
        feed.outOfSync(BTC, "sequence gap");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (engine.status().staleInstruments().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(engine.status().staleInstruments()).containsExactly(BTC.id());
        feed.play(List.of(bar(BTC, 1, "101")));
        awaitEvents(engine, 2);
        engine.stop();

        assertThat(log).containsExactly("event ACCEPTED stale=false",
                "out of sync sequence gap REJECTED " + TradingEngine.STALE_MARKET_DATA,
                "event ACCEPTED stale=false");
        assertThat(engine.status().staleInstruments()).isEmpty();
    }

    @Test
    void flattenCancelsEveryOrderClosesLongAndShortPositionsOnTwoInstrumentsThenHalts(@TempDir Path dir)
            throws Exception {
        SimulatedClock wallClock = new SimulatedClock(T0);
        EngineFixtures.ScriptedFeed feed = new EngineFixtures.ScriptedFeed(wallClock);
        Portfolio account = portfolio();
        Strategy strategy = new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
                context.marketData().subscribe(ETH);
                context.orders().submit(OrderRequest.buy(BTC).clientOrderId("long").quantity("2").build());
                context.orders().submit(OrderRequest.sell(ETH).clientOrderId("short").quantity("5").build());
                context.orders().submit(OrderRequest.buy(BTC).clientOrderId("bid").quantity("1").limit("50").build());
                context.orders().submit(OrderRequest.sell(ETH).clientOrderId("ask").quantity("1").limit("90")
                        .build());
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
            }
        };
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.PAPER).clock(wallClock).feed("ws", feed)
                .simulatedAccount(account, SimulatedVenue.builder()).strategy("s", strategy)
                .journal(dir, FsyncPolicy.os()).build();
        engine.start();
        feed.play(List.of(bar(BTC, 0, "100"), bar(ETH, 0, "40")));
        awaitEvents(engine, 2);
        EngineStatus before = engine.status();
        assertThat(before.openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("bid", "ask");
        assertThat(before.account("paper").positions()).extracting(PositionStatus::side)
                .containsExactly(PositionSide.LONG, PositionSide.SHORT);

        EngineStatus after = engine.flatten("ops-desk", "panic button");
        assertThat(after.tradingState()).isEqualTo(TradingState.HALTED);
        // The closing market orders fill at the next prices, like any market order of this venue.
        assertThat(after.openOrders()).extracting(o -> o.clientOrderId().value())
                .containsExactly("flatten-1", "flatten-2");
        feed.play(List.of(bar(BTC, 1, "101"), bar(ETH, 1, "41")));
        awaitEvents(engine, 4);
        EngineStatus flat = engine.status();
        engine.stop();

        assertThat(flat.openOrders()).isEmpty();
        assertThat(flat.account("paper").positions()).isEmpty();
        assertThat(flat.tradingState()).isEqualTo(TradingState.HALTED);
        List<String> journal = TradingEngineTest.journalLines(dir);
        List<String> sequence = journal.stream().filter(l -> l.startsWith("operator") || l.startsWith("cancel")
                || l.startsWith("submitted,operator")).map(l -> String.join(",", List.of(l.split(",")).subList(0, 3)))
                .toList();
        assertThat(sequence).containsExactly("operator,FLATTEN,ops-desk", "cancel,s,bid", "cancel,s,ask",
                "submitted,operator,paper", "submitted,operator,paper");
        assertThat(journal).anySatisfy(l -> assertThat(l).startsWith("fill,operator,paper,flatten-1"))
                .anySatisfy(l -> assertThat(l).startsWith("fill,operator,paper,flatten-2"));
    }

    @Test
    void haltDuringABurstOfSubmissionsLetsNoneThroughOnceItReturns() throws Exception {
        SimulatedClock wallClock = new SimulatedClock(T0);
        EngineFixtures.ScriptedFeed feed = new EngineFixtures.ScriptedFeed(wallClock);
        AtomicBoolean haltReturned = new AtomicBoolean();
        CountDownLatch bursting = new CountDownLatch(1);
        List<String> leaked = Collections.synchronizedList(new ArrayList<>());
        int[] accepted = new int[1];
        int[] denied = new int[1];
        Strategy burst = new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                for (int i = 0; i < 20_000; i++) {
                    if (i == 100) {
                        bursting.countDown();
                    }
                    boolean haltedBefore = haltReturned.get();
                    Order ack = context.orders().submit(OrderRequest.buy(BTC).clientOrderId("b" + i).quantity("1")
                            .limit("1").build());
                    if (ack.status() == OrderStatus.REJECTED) {
                        denied[0]++;
                        assertThat(context.orders().violations(ack.clientOrderId()).get(0).code())
                                .isEqualTo(RiskGovernor.HALTED);
                    } else {
                        accepted[0]++;
                        if (haltedBefore) {
                            leaked.add(ack.clientOrderId().value());
                        }
                    }
                }
            }
        };
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.PAPER).clock(wallClock).feed("ws", feed)
                .simulatedAccount(portfolio(), SimulatedVenue.builder()).strategy("burst", burst).build();
        engine.start();
        feed.play(List.of(bar(BTC, 0, "100")));
        assertThat(bursting.await(10, TimeUnit.SECONDS)).isTrue();
        engine.halt("ops-desk", "runaway strategy");
        haltReturned.set(true);
        awaitEvents(engine, 1);
        engine.stop();

        assertThat(leaked).isEmpty();
        assertThat(accepted[0]).isGreaterThanOrEqualTo(100);
        assertThat(denied[0]).isPositive();
        assertThat(accepted[0] + denied[0]).isEqualTo(20_000);
        assertThat(engine.status().tradingState()).isEqualTo(TradingState.HALTED);
    }
}
