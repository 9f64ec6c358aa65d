package dev.tradingsdk.core.sweep;

import java.io.Serializable;

/**
 * One run of a sweep: a pure function of its configuration and the shared, read-only data. It must not read the
 * wall clock, unseeded randomness or anything else that differs between runs, so that every executor (local or
 * Spark) gives the same row for the same configuration. Serializable, because distributed executors ship it.
 *
 * @param <D> the data every run reads, loaded once per process by the sweep's {@link DataLoader}
 */
@FunctionalInterface
public interface SweepTask<D> extends Serializable {

    SweepOutcome run(ParameterSet parameters, D data);
}
