package dev.tradingsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.sweep.ParameterSet;
import dev.tradingsdk.core.sweep.ParameterSpace;
import dev.tradingsdk.core.sweep.RunDigest;
import dev.tradingsdk.core.sweep.Sweep;
import dev.tradingsdk.core.sweep.SweepExecutor;
import dev.tradingsdk.core.sweep.SweepOutcome;
import dev.tradingsdk.core.sweep.SweepResults;
import dev.tradingsdk.core.sweep.SweepRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SweepExecutor} promises: the rows it returns are the rows of a serial loop over the
 * configurations, value for value and in the configurations' order, however it schedules the chunks; and a failed
 * run is reported naming its configuration. Extend it once per executor.
 */
public abstract class SweepExecutorContract {

    /** The executor under test. */
    protected abstract SweepExecutor executor();

    /** A seeded random walk of 2 000 integer prices: the data every run of the contract's sweep shares. */
    public static long[] prices() {
        SplittableRandom random = new SplittableRandom(20_260_101L);
        long[] p = new long[2_000];
        p[0] = 10_000;
        for (int i = 1; i < p.length; i++) {
            p[i] = Math.max(1, p[i - 1] + random.nextInt(-50, 51));
        }
        return p;
    }

    /** A pure run: a fast/slow moving-average crossover on the walk, in whole units; its trades feed the digest. */
    public static SweepOutcome crossover(ParameterSet parameters, long[] prices) {
        int fast = parameters.integer("fast");
        int slow = parameters.integer("slow");
        long cash = 1_000_000;
        long held = 0;
        long fastSum = 0;
        long slowSum = 0;
        int trades = 0;
        RunDigest digest = RunDigest.sha256();
        for (int i = 0; i < prices.length; i++) {
            fastSum += prices[i] - (i >= fast ? prices[i - fast] : 0);
            slowSum += prices[i] - (i >= slow ? prices[i - slow] : 0);
            if (i + 1 < slow) {
                continue;
            }
            boolean up = fastSum * slow > slowSum * fast;
            if (up && held == 0) {
                held = 10;
                cash -= 10 * prices[i];
                trades++;
                digest.add(i).add(prices[i]);
            } else if (!up && held > 0) {
                cash += held * prices[i];
                held = 0;
                trades++;
                digest.add(-i).add(prices[i]);
            }
        }
        long equity = cash + held * prices[prices.length - 1];
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("equity", (double) equity);
        metrics.put("trades", (double) trades);
        return new SweepOutcome(metrics, digest.add(equity).hex());
    }

    /** The contract's sweep: 60 configurations in chunks of 7 (the last one short). */
    public static Sweep<long[]> sweep() {
        return Sweep.<long[]>builder().name("contract")
                .configurations(ParameterSpace.builder().integers("fast", 2, 20, 2).integers("slow", 25, 50, 5)
                        .build().grid())
                .data(SweepExecutorContract::prices).task(SweepExecutorContract::crossover).chunkSize(7).build();
    }

    @Test
    void rows_equal_a_serial_loop_in_the_configurations_order() {
        Sweep<long[]> sweep = sweep();
        long[] data = prices();
        List<SweepRow> serial = new ArrayList<>();
        for (int i = 0; i < sweep.configurations().size(); i++) {
            serial.add(new SweepRow(i, sweep.configurations().get(i), crossover(sweep.configurations().get(i), data)));
        }
        SweepResults results = executor().execute(sweep);
        assertThat(results.rows()).isEqualTo(serial);
        assertThat(serial.stream().map(SweepRow::runHash).distinct().count()).as("runs differ").isGreaterThan(30);
        assertThat(executor().execute(sweep)).as("a second execution").isEqualTo(results);
    }

    @Test
    void a_failed_run_is_reported_naming_its_configuration() {
        Sweep<long[]> failing = Sweep.<long[]>builder().name("contract-failing")
                .configurations(sweep().configurations()).data(SweepExecutorContract::prices)
                .task(SweepExecutorContract::failOnFast8Slow40).chunkSize(7).build();
        assertThatThrownBy(() -> executor().execute(failing))
                .satisfies(e -> {
                    StringBuilder chain = new StringBuilder();
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        chain.append(t.getMessage()).append('\n');
                    }
                    assertThat(chain.toString()).contains("fast=8,slow=40");
                });
    }

    private static SweepOutcome failOnFast8Slow40(ParameterSet p, long[] prices) {
        if (p.integer("fast") == 8 && p.integer("slow") == 40) {
            throw new IllegalStateException("planted failure");
        }
        return crossover(p, prices);
    }
}
