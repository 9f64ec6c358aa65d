package dev.tradingsdk.core.sweep;

/**
 * Runs a {@link Sweep}. Whatever the executor (the {@link LocalSweepExecutor}, Spark in trading-spark), the rows
 * it returns are the rows a serial loop over the configurations returns, in the configurations' order; the test
 * kit's {@code SweepExecutorContract} holds every executor to that.
 */
public interface SweepExecutor {

    <D> SweepResults execute(Sweep<D> sweep);
}
