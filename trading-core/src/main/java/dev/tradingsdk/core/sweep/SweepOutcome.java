package dev.tradingsdk.core.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run produced: its key metrics, in a fixed order (statistics, so {@code double}), and the digest of its
 * event log ({@link RunDigest}), so identical runs are provably identical.
 */
public record SweepOutcome(Map<String, Double> metrics, String runHash) implements Serializable {

    public SweepOutcome {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(runHash, "runHash");
        LinkedHashMap<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            ParameterSet.checkName(e.getKey());
            copy.put(e.getKey(), Objects.requireNonNull(e.getValue(), "metric " + e.getKey()));
        }
        metrics = Collections.unmodifiableMap(copy);
        if (!runHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("runHash must be 64 lowercase hex digits (a SHA-256), was \"" + runHash
                    + "\"");
        }
    }

    /** The metric {@code name}; throws naming the metrics there are when it is absent. */
    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no metric " + name + "; there are " + metrics.keySet());
        }
        return v;
    }
}
