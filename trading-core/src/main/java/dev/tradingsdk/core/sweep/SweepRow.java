package dev.tradingsdk.core.sweep;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * One configuration's result: its position in the sweep's list, the configuration, its metrics and the digest of
 * its run. Rows from different executors for the same sweep are equal, value for value.
 */
public record SweepRow(int index, ParameterSet parameters, SweepOutcome outcome) implements Serializable {

    public SweepRow {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative, was " + index);
        }
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(outcome, "outcome");
    }

    public Map<String, Double> metrics() {
        return outcome.metrics();
    }

    public double metric(String name) {
        return outcome.metric(name);
    }

    public String runHash() {
        return outcome.runHash();
    }
}
