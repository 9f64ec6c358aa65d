package dev.tradingsdk.core.strategy;

import static dev.tradingsdk.core.strategy.EngineFixtures.T0;
import static dev.tradingsdk.core.strategy.EngineFixtures.awaitEvents;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
            EngineStatus status = engine.status();
            List<String> lines = new ArrayList<>(strategy.log);
            lines.removeIf(l -> l.startsWith("stop"));
            lines.add("cash " + account.cash() + " equity " + account.equity());
            account.positions().forEach(p -> lines.add("position " + p));
            for (Order o : status.openOrders()) {
                lines.add("open " + o.clientOrderId() + " " + o.status());
            }
            lines.add("trading " + status.tradingState());
            return String.join("\n", lines);
        }
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
