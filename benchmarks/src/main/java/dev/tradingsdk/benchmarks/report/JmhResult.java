package dev.tradingsdk.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark result of a JMH JSON results file ({@code -rf json}): the fields the table and the allocation gate
 * read.
 *
 * @param benchmark      the fully qualified method, e.g. {@code dev.tradingsdk.benchmarks.OrderBookBenchmark.ours}
 * @param params         the {@code @Param} values, in declaration order
 * @param mode           JMH's mode: {@code avgt}, {@code thrpt}, {@code ss}, {@code sample}
 * @param score          the primary score, in {@code unit}
 * @param error          the 99.9% half-interval, NaN when JMH had too few iterations for one
 * @param unit           e.g. {@code ns/op}, {@code ops/s}
 * @param bytesPerOp     {@code gc.alloc.rate.norm}, NaN when the run had no {@code -prof gc}
 * @param secondary      every secondary metric's score by name (profilers, {@code @AuxCounters})
 * @param jdk            {@code jdkVersion}, e.g. 17.0.15
 * @param vm             {@code vmName} and {@code vmVersion}
 * @param forks          forks of the run
 * @param warmups        warm-up iterations per fork
 * @param iterations     measurement iterations per fork
 * @param iterationTime  measurement iteration time as JMH prints it, e.g. {@code 1 s}
 */
public record JmhResult(String benchmark, Map<String, String> params, String mode, double score, double error,
                        String unit, double bytesPerOp, Map<String, Double> secondary, String jdk, String vm,
                        int forks, int warmups, int iterations, String iterationTime) {

    /** Every result in a JMH JSON file. */
    public static List<JmhResult> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a JMH JSON results file (expected an array)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode primary = node.path("primaryMetric");
            Map<String, Double> secondary = new LinkedHashMap<>();
            node.path("secondaryMetrics").fields()
                    .forEachRemaining(e -> secondary.put(e.getKey(), number(e.getValue().path("score"))));
            results.add(new JmhResult(node.path("benchmark").asText(), params, node.path("mode").asText(),
                    number(primary.path("score")), number(primary.path("scoreError")),
                    primary.path("scoreUnit").asText(), secondary.getOrDefault("gc.alloc.rate.norm", Double.NaN),
                    secondary, node.path("jdkVersion").asText(),
                    (node.path("vmName").asText() + " " + node.path("vmVersion").asText()).trim(),
                    node.path("forks").asInt(), node.path("warmupIterations").asInt(),
                    node.path("measurementIterations").asInt(), node.path("measurementTime").asText()));
        }
        return results;
    }

    private static double number(JsonNode node) {
        // JMH writes "NaN" as a string when a score has no error interval.
        return node.isNumber() ? node.asDouble() : node.isTextual() ? parseOrNaN(node.asText()) : Double.NaN;
    }

    private static double parseOrNaN(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The class's simple name and the method, e.g. {@code OrderBookBenchmark.ours}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** Whether every {@code key=value} of {@code wanted} is among this result's params. */
    public boolean hasParams(Map<String, String> wanted) {
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            if (!e.getValue().equals(params.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code name} with its params, e.g. {@code OrderBookBenchmark.ours [layout=WIDE]}. */
    public String label() {
        if (params.isEmpty()) {
            return shortName();
        }
        StringBuilder out = new StringBuilder(shortName()).append(" [");
        params.forEach((k, v) -> out.append(out.charAt(out.length() - 1) == '[' ? "" : ", ").append(k).append('=')
                .append(v));
        return out.append(']').toString();
    }

    /** Whether the score is a time per operation (lower is better) rather than a rate. */
    public boolean isTime() {
        return unit.endsWith("/op");
    }

    /** The score in nanoseconds per operation; only for time scores. */
    public double nanosPerOp() {
        return score * nanosPer(unit.substring(0, unit.indexOf('/')));
    }

    /**
     * Nanoseconds per operation for comparisons: the process CPU time ({@code cpu.time.norm}, which leaves out
     * waiting for a core on a loaded machine) when it was measured, else the wall-clock score.
     */
    public double comparableNanosPerOp() {
        Double cpu = secondary.get("cpu.time.norm");
        return cpu != null && !cpu.isNaN() ? cpu : nanosPerOp();
    }

    /** Whether {@link #comparableNanosPerOp} is process CPU time. */
    public boolean hasCpuTime() {
        Double cpu = secondary.get("cpu.time.norm");
        return cpu != null && !cpu.isNaN();
    }

    /** The score in operations per second; only for rate scores ({@code ops/s}, {@code ops/ms}, ...). */
    public double opsPerSecond() {
        return score / (nanosPer(unit.substring(unit.indexOf('/') + 1)) / 1e9);
    }

    private static double nanosPer(String unitName) {
        TimeUnit u = switch (unitName) {
            case "ns" -> TimeUnit.NANOSECONDS;
            case "us" -> TimeUnit.MICROSECONDS;
            case "ms" -> TimeUnit.MILLISECONDS;
            case "s" -> TimeUnit.SECONDS;
            case "min" -> TimeUnit.MINUTES;
            default -> throw new IllegalArgumentException("unknown JMH time unit " + unitName);
        };
        return u.toNanos(1);
    }
}
