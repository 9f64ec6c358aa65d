package dev.tradingsdk.spark;

import dev.tradingsdk.core.sweep.SweepExecutor;
import dev.tradingsdk.testkit.SweepExecutorContract;

/** Spark in local[2] keeps the sweep contract: the same rows as a serial loop, in order. */
class SparkSweepExecutorContractTest extends SweepExecutorContract {

    @Override
    protected SweepExecutor executor() {
        return SparkSweepExecutor.on(LocalSpark.session());
    }
}
