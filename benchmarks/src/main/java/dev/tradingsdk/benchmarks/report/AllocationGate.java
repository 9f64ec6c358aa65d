package dev.tradingsdk.benchmarks.report;

import dev.tradingsdk.benchmarks.ZeroAllocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails (exit status 1) when a benchmark whose method carries {@link ZeroAllocation} allocated more than the
 * allowed bytes per operation in a JMH JSON results file, or when such a result has no allocation figure (a run
 * without {@code -prof gc} proves nothing). Run by {@code benchmarks/alloc-gate.sh}:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.tradingsdk.benchmarks.report.AllocationGate results.json [maxBytesPerOp]
 * </pre>
 *
 * The default allowance, 4 B/op, is far above JMH's own per-iteration bookkeeping spread over millions of
 * operations (≈ 0.001 B/op) and below the smallest object (16 B), so any allocation on the measured path trips it.
 */
public final class AllocationGate {

    static final double DEFAULT_MAX_BYTES_PER_OP = 4.0;

    private AllocationGate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: AllocationGate <jmh-results.json> [maxBytesPerOp]");
            System.exit(2);
        }
        double max = args.length == 2 ? Double.parseDouble(args[1]) : DEFAULT_MAX_BYTES_PER_OP;
        List<String> failures = check(JmhResult.read(Path.of(args[0])), max);
        if (failures.isEmpty()) {
            System.out.println("allocation gate: passed");
            return;
        }
        failures.forEach(System.err::println);
        System.exit(1);
    }

    /** One line per zero-allocation benchmark that allocated or was measured without {@code -prof gc}. */
    static List<String> check(List<JmhResult> results, double maxBytesPerOp) {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (JmhResult r : results) {
            if (!declaresZeroAllocation(r.benchmark())) {
                continue;
            }
            checked++;
            if (Double.isNaN(r.bytesPerOp())) {
                failures.add("allocation gate: " + r.label() + " has no gc.alloc.rate.norm (run with -prof gc)");
            } else if (r.bytesPerOp() > maxBytesPerOp) {
                failures.add(String.format(java.util.Locale.ROOT,
                        "allocation gate: %s allocates %.3f B/op, declared @ZeroAllocation (allowed %.1f)",
                        r.label(), r.bytesPerOp(), maxBytesPerOp));
            } else {
                System.out.printf(java.util.Locale.ROOT, "allocation gate: %s %.4f B/op%n", r.label(),
                        r.bytesPerOp());
            }
        }
        if (checked == 0) {
            failures.add("allocation gate: no @ZeroAllocation benchmark in the results, nothing was checked");
        }
        return failures;
    }

    /** Whether the benchmark method {@code className.method} is annotated {@link ZeroAllocation}. */
    static boolean declaresZeroAllocation(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        try {
            Class<?> type = Class.forName(benchmark.substring(0, dot));
            String method = benchmark.substring(dot + 1);
            for (var m : type.getMethods()) {
                if (m.getName().equals(method) && m.isAnnotationPresent(ZeroAllocation.class)) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
