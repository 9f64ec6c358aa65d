package dev.tradingsdk.polymarket.arb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TimerEvent;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot restarted from the engine's journal mid-window continues to the same final state. The PAPER engines run on
 * a clock the test moves (books 100 ms apart), so both runs start at the same instant: the engine re-runs the
 * journal from its recorded start, and a restart on the system clock is refused (see the report of issue 14). The
 * simulated venue reads the engine's time (through the strategy's context), as the re-run replays inputs at their
 * journaled times.
 */
class JournalRestartTest {
    private final PairMarket market = PairMarket.of("restart", "up", "down", ArbFixtures.T0.plus(
            Duration.ofMinutes(10)));

    /** A live-shaped feed the test pushes books into, from its own thread, stamped with the time pushed. */
    private static final class PushFeed implements MarketDataFeed {
        private final Map<Instrument, List<MarketDataListener>> listeners = new ConcurrentHashMap<>();

        @Override
        public void subscribe(Instrument instrument, MarketDataListener listener) {
            listeners.computeIfAbsent(instrument, i -> new CopyOnWriteArrayList<>()).add(listener);
        }

        @Override
        public void unsubscribe(Instrument instrument, MarketDataListener listener) {
            listeners.getOrDefault(instrument, List.of()).remove(listener);
        }

        void push(BookSnapshot book, Instant at) {
            BookSnapshot now = new BookSnapshot(book.instrument(), at, book.bids(), book.asks());
            listeners.getOrDefault(book.instrument(), List.of()).forEach(l -> l.onEvent(now));
        }
    }

    /** The engine's time as the strategies see it, once started; the test's clock before. */
    private static final class EngineTime implements Clock {
        private final Clock before;
        private volatile Clock engine;

        EngineTime(Clock before) {
            this.before = before;
        }

        @Override
        public Instant now() {
            Clock c = engine;
            return c != null ? c.now() : before.now();
        }

        @Override
        public long epochNanos() {
            Clock c = engine;
            return c != null ? c.epochNanos() : before.epochNanos();
        }
    }

    /** Forwards to the bot, handing the engine's clock to the venue's {@link EngineTime} first. */
    private static Strategy capturingTime(PairCostArbitrage bot, EngineTime time) {
        return new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                time.engine = context.clock();
                bot.onStart(context);
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                bot.onEvent(event, context);
            }

            @Override
            public void onTimer(TimerEvent timer, StrategyContext context) {
                bot.onTimer(timer, context);
            }

            @Override
            public void onOrderUpdate(Order order, StrategyContext context) {
                bot.onOrderUpdate(order, context);
            }

            @Override
            public void onFill(Fill fill, Order order, StrategyContext context) {
                bot.onFill(fill, order, context);
            }

            @Override
            public void onOutOfSync(Instrument instrument, String reason, StrategyContext context) {
                bot.onOutOfSync(instrument, reason, context);
            }

            @Override
            public void onStop(StrategyContext context) {
                bot.onStop(context);
            }
        };
    }

    private List<BookSnapshot> pairs(int count) {
        List<BookSnapshot> books = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            books.add(ArbFixtures.book(market, PairLeg.YES, 0, "0.38", "100", "0.4", "100"));
            books.add(ArbFixtures.book(market, PairLeg.NO, 0, "0.48", "100", "0.5", "100"));
        }
        return books;
    }

    /**
     * Runs a PAPER engine on {@code journal} over {@code books}, the first {@code skip} × 100 ms after the start;
     * returns the bot after the engine stopped.
     */
    private PairCostArbitrage run(Path journal, List<BookSnapshot> books, int skip) throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(ArbFixtures.T0);
        PairCostArbitrage bot = PairCostArbitrage.of(market, PairCostConfig.builder().build());
        Portfolio portfolio = new Portfolio("paper", Money.of("1000", Currency.PUSD));
        EngineTime engineTime = new EngineTime(clock);
        SimulatedVenue venue = SimulatedVenue.builder().fees(PolymarketFeeModel.crypto())
                .build(portfolio, engineTime);
        PushFeed feed = new PushFeed();
        try (TradingEngine engine = TradingEngine.builder().mode(EngineMode.PAPER).clock(clock).feed("push", feed)
                .account(venue, portfolio).strategy("pca", capturingTime(bot, engineTime)).journal(journal,
                        FsyncPolicy.everyRecord()).build()) {
            engine.start();
            clock.advance(Duration.ofMillis(100L * skip));
            for (BookSnapshot book : books) {
                long handled = engine.status().eventsHandled();
                clock.advance(Duration.ofMillis(100));
                feed.push(book, clock.now());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (engine.status().eventsHandled() == handled && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
                Thread.sleep(20); // the fills the book caused
            }
            engine.stop();
        }
        return bot;
    }

    @Test
    void aRestartMidWindowContinuesToTheSameFinalState(@TempDir Path dir) throws InterruptedException {
        PairCostArbitrage straight = run(dir.resolve("straight"), pairs(6), 0);

        PairCostArbitrage first = run(dir.resolve("restarted"), pairs(3), 0);
        assertThat(first.status().trades()).hasSizeLessThan(straight.status().trades().size());
        PairCostArbitrage restarted = run(dir.resolve("restarted"), pairs(3), 6);

        PairCostStatus expected = straight.status();
        PairCostStatus actual = restarted.status();
        assertThat(expected.trades()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(actual.position()).isEqualTo(expected.position());
        assertThat(actual.trades()).extracting(PairTrade::leg, PairTrade::side, PairTrade::shares, PairTrade::price,
                PairTrade::fee).containsExactlyElementsOf(expected.trades().stream()
                .map(t -> org.assertj.core.groups.Tuple.tuple(t.leg(), t.side(), t.shares(), t.price(), t.fee()))
                .toList());
    }
}
