package dev.tradingsdk.core.strategy;

import static dev.tradingsdk.core.strategy.EngineFixtures.T0;
import static dev.tradingsdk.core.strategy.EngineFixtures.awaitEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.rules.OrderRateThrottleRule;
import dev.tradingsdk.core.time.SimulatedClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PAPER engine killed with SIGKILL mid-run and restarted from its journal reaches the same final state as an
 * uninterrupted run: the same strategy log (the re-run restores the strategy's own state too), account, orders
 * and governor state.
 */
class EngineRestartTest {

    /** One run of the scripted strategy on a journal, playing the bars from where the journal left off. */
    static final class Run {
        final ScriptedStrategy strategy = new ScriptedStrategy();
        final Portfolio account = new Portfolio("paper", Money.of("100000", Currency.USD));
        final SimulatedClock wallClock = new SimulatedClock(T0);
        final EngineFixtures.ScriptedFeed feed = new EngineFixtures.ScriptedFeed(wallClock);
        final TradingEngine engine;

        Run(Path journal) {
            this.engine = TradingEngine.builder().mode(EngineMode.PAPER).clock(wallClock).feed("bars", feed)
                    .simulatedAccount(account, SimulatedVenue.builder())
                    .rule(new OrderRateThrottleRule(3, Duration.ofMinutes(2)))
                    .strategy("scripted", strategy).journal(journal, FsyncPolicy.os()).build();
        }

        /** Starts (restoring from the journal) and plays the bars the journal has not seen, one by one. */
        long play(List<Bar> bars, Runnable afterEach) throws InterruptedException {
            engine.start();
            long done = engine.status().feeds().get(0).events();
            for (int i = (int) done; i < bars.size(); i++) {
                feed.play(List.of(bars.get(i)));
                awaitEvents(engine, i + 1);
                afterEach.run();
            }
            return done;
        }

        String state() {
            List<String> lines = new ArrayList<>(strategy.log);
            lines.removeIf(l -> l.startsWith("stop"));
            lines.add(accountState(engine, account));
            return String.join("\n", lines);
        }
    }

    /** The account, open orders and trading state of a run, as lines. */
    static String accountState(TradingEngine engine, Portfolio account) {
        EngineStatus status = engine.status();
        List<String> lines = new ArrayList<>();
        lines.add("cash " + account.cash() + " equity " + account.equity());
        account.positions().forEach(p -> lines.add("position " + p));
        for (Order o : status.openOrders()) {
            lines.add("open " + o.clientOrderId() + " " + o.status());
        }
        lines.add("trading " + status.tradingState());
        return String.join("\n", lines);
    }

    /** A run like {@link Run} on a {@link EngineFixtures.WallClock}: time passes by itself, as on the system clock. */
    static final class WallClockRun {
        final ScriptedStrategy strategy = new ScriptedStrategy();
        final Portfolio account = new Portfolio("paper", Money.of("100000", Currency.USD));
        final EngineFixtures.WallClock clock;
        final EngineFixtures.ScriptedFeed feed = new EngineFixtures.ScriptedFeed();
        final TradingEngine engine;

        WallClockRun(Path journal, Instant start) {
            this.clock = new EngineFixtures.WallClock(start);
            this.engine = TradingEngine.builder().mode(EngineMode.PAPER).clock(clock).feed("bars", feed)
                    .simulatedAccount(account, SimulatedVenue.builder())
                    .rule(new OrderRateThrottleRule(3, Duration.ofMinutes(2)))
                    .strategy("scripted", strategy).journal(journal, FsyncPolicy.os()).build();
        }

        /** Plays bars {@code from} to {@code to} (exclusive), 40 s of wall time apart. */
        void play(List<Bar> bars, int from, int to) throws InterruptedException {
            for (int i = from; i < to; i++) {
                clock.advance(Duration.ofSeconds(40));
                feed.play(List.of(bars.get(i)));
                awaitEvents(engine, i + 1);
            }
        }

        String account() {
            return accountState(engine, account);
        }
    }

    /** Copies a journal as a crash would leave it: every record written so far, without the open journal's lock. */
    static void copyJournal(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("journal.lock")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    @Test
    void aPaperEngineOnAClockThatMovedOnReRunsItsJournalAtTheJournaledTimesThenContinuesOnTheClock(
            @TempDir Path dir) throws Exception {
        List<Bar> bars = ScriptedStrategy.bars();
        WallClockRun first = new WallClockRun(dir.resolve("running"), T0);
        first.engine.start();
        first.play(bars, 0, 7);
        Path journal = dir.resolve("crashed");
        copyJournal(dir.resolve("running"), journal);
        String accountBeforeCrash = first.account();
        long handledBeforeCrash = first.engine.status().eventsHandled();
        List<String> beforeCrash = first.strategy.logSoFar();
        first.engine.stop();

        // Three hours of wall time pass before the restart: the re-run must not take the new start time.
        Instant restartedAt = T0.plus(Duration.ofHours(3));
        WallClockRun second = new WallClockRun(journal, restartedAt);
        second.engine.start();
        // The rebalance timer missed 70 periods while the engine was down: it fires once for them, at once.
        EngineFixtures.await("the overdue timer and the cancel it makes",
                () -> second.strategy.logSoFar().size() >= beforeCrash.size() + 3);
        assertThat(second.engine.status().state()).isEqualTo(EngineState.RUNNING);
        List<String> afterTimer = second.strategy.logSoFar();
        assertThat(afterTimer.subList(0, beforeCrash.size())).isEqualTo(beforeCrash);
        assertThat(afterTimer.subList(beforeCrash.size(), afterTimer.size())).containsExactly(
                "timer rebalance 2024-03-01T00:05:00Z " + restartedAt, "cancel resting true",
                "order resting CANCELED " + restartedAt);
        assertThat(second.engine.status().eventsHandled()).isEqualTo(handledBeforeCrash + 1);

        second.play(bars, 7, bars.size());
        List<String> played = second.strategy.logSoFar();
        List<String> after = played.subList(beforeCrash.size(), played.size());
        for (String line : after) {
            // Events and timers log the engine's clock (fills and order updates carry the bars' own times).
            if (line.startsWith("event ") || line.startsWith("timer ")) {
                assertThat(Instant.parse(line.substring(line.lastIndexOf(' ') + 1))).as(line)
                        .isAfterOrEqualTo(restartedAt);
            }
        }
        assertThat(after.stream().filter(l -> l.startsWith("timer "))).containsExactly(
                "timer rebalance 2024-03-01T00:05:00Z " + restartedAt,
                "timer rebalance 2024-03-01T03:02:30Z 2024-03-01T03:02:30Z",
                "timer rebalance 2024-03-01T03:05:00Z 2024-03-01T03:05:00Z");
        assertThat(after.stream().filter(l -> l.startsWith("event "))).hasSize(bars.size() - 7);
        assertThat(second.engine.status().state()).isEqualTo(EngineState.RUNNING);
        String accountAtStop = second.account();
        second.engine.stop();
        List<String> atStop = second.strategy.logSoFar();

        Instant secondRestart = restartedAt.plus(Duration.ofHours(2));
        WallClockRun third = new WallClockRun(journal, secondRestart);
        third.engine.start();
        List<String> restarted = third.strategy.logSoFar();
        assertThat(restarted.subList(0, atStop.size())).isEqualTo(atStop);
        assertThat(restarted.get(atStop.size())).isEqualTo("start " + secondRestart);
        assertThat(third.account()).isEqualTo(accountAtStop);
        third.engine.stop();
    }

    @Test
    void anEngineThatFailsToBuildReleasesItsJournal(@TempDir Path dir) {
        Portfolio account = new Portfolio("paper", Money.of("100000", Currency.USD));
        SimulatedVenue venue = SimulatedVenue.builder().build(account, new SimulatedClock(T0));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> TradingEngine.builder().mode(EngineMode.LIVE).account(venue, account)
                    .strategy("s", (e, c) -> { }).journal(dir, FsyncPolicy.os()).build())
                    .hasMessageContaining("SimulatedVenue (use PAPER)");
        }
        WallClockRun run = new WallClockRun(dir, T0);
        run.engine.start();
        run.engine.stop();
        assertThat(TradingEngineTest.journalLines(dir)).hasSize(2);
    }

    /** The child JVM: plays the bars on a journal, printing each handled one, until it is killed. */
    public static void main(String[] args) throws Exception {
        Run run = new Run(Paths.get(args[0]));
        List<Bar> bars = ScriptedStrategy.bars();
        run.play(bars, () -> {
            System.out.println("handled " + run.engine.status().feeds().get(0).events());
            System.out.flush();
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        System.out.println("done");
        Thread.sleep(60_000);
    }

    @Test
    void aKilledPaperEngineRestartedFromItsJournalEndsInTheSameStateAsAnUninterruptedOne(@TempDir Path dir)
            throws Exception {
        List<Bar> bars = ScriptedStrategy.bars();
        Run uninterrupted = new Run(dir.resolve("uninterrupted"));
        uninterrupted.play(bars, () -> { });
        String expected = uninterrupted.state();
        uninterrupted.engine.stop();

        Path journal = dir.resolve("killed");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EngineRestartTest.class.getName(), journal.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int handled = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("handled ")) {
                    handled = Integer.parseInt(line.substring("handled ".length()));
                    if (handled == 9) {
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handled).isEqualTo(9);

        Run restarted = new Run(journal);
        long restored = restarted.play(bars, () -> { });
        String actual = restarted.state();
        restarted.engine.stop();

        assertThat(restored).isBetween(9L, (long) bars.size() - 1);
        assertThat(actual).isEqualTo(expected);
    }
}
