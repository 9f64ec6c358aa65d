package dev.tradingsdk.testkit;

import dev.tradingsdk.core.sweep.LocalSweepExecutor;
import dev.tradingsdk.core.sweep.SweepExecutor;

/** The embedded executor keeps the sweep contract on two threads. */
class LocalSweepExecutorContractTest extends SweepExecutorContract {

    @Override
    protected SweepExecutor executor() {
        return LocalSweepExecutor.builder().threads(2).build();
    }
}
