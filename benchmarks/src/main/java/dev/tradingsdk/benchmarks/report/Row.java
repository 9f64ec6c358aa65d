package dev.tradingsdk.benchmarks.report;

import java.util.Map;

/**
 * One line of the results table: a hot path, our benchmark, its peer in the same run (if any) and the issue's
 * target for it. A benchmark is named by class and method ({@code OrderBookBenchmark.ours}) plus the
 * {@code @Param} values that select it.
 *
 * @param hotPath          what is measured, in words
 * @param ours             our benchmark
 * @param oursParams       its params
 * @param peer             the peer's benchmark, null when there is none
 * @param peerParams       its params
 * @param peerName         what the peer is, e.g. {@code TreeMap<BigDecimal>}
 * @param maxNanosPerOp    time target (NaN: none)
 * @param minOpsPerSecond  rate target (NaN: none)
 * @param minRatio         how many times faster than the peer (NaN: none)
 * @param bytesPerRecord   for rate rows that write records: bytes per record, to print MB/s (0: none)
 */
record Row(String hotPath, String ours, Map<String, String> oursParams, String peer, Map<String, String> peerParams,
           String peerName, double maxNanosPerOp, double minOpsPerSecond, double minRatio, String bytesPerRecord) {

    /** The fully qualified benchmark method of ours. */
    String oursBenchmarkName() {
        return "dev.tradingsdk.benchmarks." + ours;
    }

    static Row of(String hotPath, String ours) {
        return new Row(hotPath, ours, Map.of(), null, Map.of(), null, Double.NaN, Double.NaN, Double.NaN, null);
    }

    Row params(String key, String value) {
        return new Row(hotPath, ours, Map.of(key, value), peer, peerParams.isEmpty() && peer != null
                ? Map.of(key, value) : peerParams, peerName, maxNanosPerOp, minOpsPerSecond, minRatio,
                bytesPerRecord);
    }

    Row peer(String peerBenchmark, String name) {
        return new Row(hotPath, ours, oursParams, peerBenchmark, oursParams, name, maxNanosPerOp, minOpsPerSecond,
                minRatio, bytesPerRecord);
    }

    Row atMostNanos(double nanos) {
        return new Row(hotPath, ours, oursParams, peer, peerParams, peerName, nanos, minOpsPerSecond, minRatio,
                bytesPerRecord);
    }

    Row atLeastPerSecond(double opsPerSecond) {
        return new Row(hotPath, ours, oursParams, peer, peerParams, peerName, maxNanosPerOp, opsPerSecond, minRatio,
                bytesPerRecord);
    }

    Row atLeastTimesPeer(double ratio) {
        return new Row(hotPath, ours, oursParams, peer, peerParams, peerName, maxNanosPerOp, minOpsPerSecond, ratio,
                bytesPerRecord);
    }

    /** Names the {@code @AuxCounters} metric that counts bytes written, to print MB/s beside records/s. */
    Row bytesMetric(String secondaryMetric) {
        return new Row(hotPath, ours, oursParams, peer, peerParams, peerName, maxNanosPerOp, minOpsPerSecond,
                minRatio, secondaryMetric);
    }
}
