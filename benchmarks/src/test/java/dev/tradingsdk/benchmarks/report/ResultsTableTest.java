package dev.tradingsdk.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator and the allocation gate on a JMH JSON file in the shape JMH 1.37 writes. */
class ResultsTableTest {

    @TempDir
    Path dir;

    private static String result(String benchmark, String params, double nanos, double bytes) {
        return "{\"benchmark\":\"dev.tradingsdk.benchmarks." + benchmark + "\",\"mode\":\"avgt\",\"jdkVersion\":"
                + "\"17.0.15\",\"vmName\":\"OpenJDK 64-Bit Server VM\",\"vmVersion\":\"17.0.15\",\"forks\":1,"
                + "\"warmupIterations\":2,\"measurementIterations\":3,\"measurementTime\":\"500 ms\",\"params\":{"
                + params + "},\"primaryMetric\":{\"score\":" + nanos + ",\"scoreError\":\"NaN\",\"scoreUnit\":"
                + "\"ns/op\"},\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":" + bytes + "}}}";
    }

    private Path results(String... entries) throws IOException {
        Path file = dir.resolve("20261201T000000Z-quick.json");
        Files.writeString(file, "[" + String.join(",", entries) + "]");
        Files.writeString(dir.resolve("20261201T000000Z-quick.machine"),
                "date=2026-12-01T00:00Z\ncores=2\ncpu=Test CPU\nloadBefore=9.0 8.0 7.0\nloadAfter=1.0 1.0 1.0\n");
        return file;
    }

    @Test
    void theGateFailsOnlyOnAZeroAllocationBenchmarkThatAllocates() throws IOException {
        Path clean = results(result("OrderBookBenchmark.ours", "\"layout\":\"GRID\"", 7, 0.001),
                result("OrderBookBenchmark.treeMapBigDecimal", "\"layout\":\"GRID\"", 70, 3.8));
        assertThat(AllocationGate.check(JmhResult.read(clean), 4)).isEmpty();
        Path dirty = results(result("OrderBookBenchmark.ours", "\"layout\":\"WIDE\"", 7, 24));
        assertThat(AllocationGate.check(JmhResult.read(dirty), 4)).singleElement().asString()
                .contains("OrderBookBenchmark.ours [layout=WIDE]").contains("24.000 B/op");
        Path peersOnly = results(result("OrderBookBenchmark.treeMapBigDecimal", "", 70, 3.8));
        assertThat(AllocationGate.check(JmhResult.read(peersOnly), 4)).singleElement().asString()
                .contains("nothing was checked");
    }

    @Test
    void theTableComputesTheRatioAndSaysPlainlyWhichTargetsAreMissed() throws IOException {
        results(result("OrderBookBenchmark.ours", "\"layout\":\"GRID\"", 8, 0.001),
                result("OrderBookBenchmark.treeMapBigDecimal", "\"layout\":\"GRID\"", 80, 3.8),
                result("OrderBookBenchmark.ours", "\"layout\":\"WIDE\"", 30, 0.001),
                result("OrderBookBenchmark.treeMapBigDecimal", "\"layout\":\"WIDE\"", 90, 3.8),
                result("SomeNewBenchmark.fast", "", 1, 0));
        List<ResultsTable.Run> runs = ResultsTable.readRuns(dir);
        String table = ResultsTable.fullTable(runs, ResultsTable.latest(runs));
        assertThat(table).contains("2 cores, Test CPU").contains("9.0 8.0 7.0 → 1.0 1.0 1.0")
                .contains("need a quiet re-run");
        assertThat(table.lines().filter(l -> l.startsWith("| L2 delta + best bid/ask, grid book")
                && l.contains("TreeMap")).findFirst().orElseThrow()).contains("10.0×").endsWith("| met | 1 |");
        assertThat(table.lines().filter(l -> l.startsWith("| L2 delta + best bid/ask, wide")
                && l.contains("TreeMap")).findFirst().orElseThrow()).contains("3.0×")
                .contains("**missed: time, ratio**");
        assertThat(table).contains("| `SomeNewBenchmark.fast` |");
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "before\n" + ResultsTable.BEGIN + "\nold\n" + ResultsTable.END + "\nafter\n");
        ResultsTable.replace(readme, ResultsTable.BEGIN, ResultsTable.END, table);
        assertThat(Files.readString(readme)).startsWith("before\n").endsWith(ResultsTable.END + "\nafter\n")
                .doesNotContain("old");
    }
}
