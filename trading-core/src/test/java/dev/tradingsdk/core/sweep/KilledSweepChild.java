package dev.tradingsdk.core.sweep;

import java.nio.file.Path;

/**
 * Runs the crossover sweep into a results directory slowly, one thread, so the parent test can SIGKILL it between
 * chunks. Arguments: the results directory.
 */
public final class KilledSweepChild {

    private KilledSweepChild() {
    }

    public static void main(String[] args) {
        Sweep<java.util.List<dev.tradingsdk.core.market.Bar>> slow = Sweep
                .<java.util.List<dev.tradingsdk.core.market.Bar>>builder()
                .name("ma-crossover").configurations(SweepFixtures.space().grid())
                .data(SweepFixtures::bars)
                .task((p, bars) -> {
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return SweepFixtures.crossover(p, bars);
                })
                .chunkSize(2).build();
        LocalSweepExecutor.builder().threads(1).resultsDirectory(Path.of(args[0])).build().execute(slow);
    }
}
