package dev.tradingsdk.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.market.Bar;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSweepExecutorTest {

    private static List<Bar> bars;
    private static List<SweepRow> serial;

    @BeforeAll
    static void serialRun() {
        bars = SweepFixtures.bars();
        serial = new ArrayList<>();
        List<ParameterSet> grid = SweepFixtures.space().grid();
        for (int i = 0; i < grid.size(); i++) {
            serial.add(new SweepRow(i, grid.get(i), SweepFixtures.crossover(grid.get(i), bars)));
        }
    }

    @Test
    void rows_equal_a_serial_loop_in_the_configurations_order_whatever_the_threads() {
        for (int threads : new int[] {1, 2, 3}) {
            SweepResults results = LocalSweepExecutor.builder().threads(threads).build()
                    .execute(SweepFixtures.sweep(3));
            assertThat(results.rows()).as("%d threads", threads).isEqualTo(serial);
        }
        // A real sweep: the configurations differ in what they did.
        assertThat(serial.stream().map(SweepRow::runHash).distinct().count()).isEqualTo(serial.size());
        assertThat(serial.get(0).metric("fills")).isGreaterThan(0);
    }

    @Test
    void the_data_is_loaded_once_and_progress_reaches_the_total_with_an_estimate() {
        AtomicInteger loads = new AtomicInteger();
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> estimated = Collections.synchronizedList(new ArrayList<>());
        Sweep<List<Bar>> sweep = Sweep.<List<Bar>>builder().configurations(SweepFixtures.space().grid())
                .data(() -> {
                    loads.incrementAndGet();
                    return bars;
                })
                .task(SweepFixtures::crossover).chunkSize(4).build();
        LocalSweepExecutor.builder().threads(2)
                .progress((d, total, elapsed, remaining) -> {
                    done.add(d);
                    estimated.add(remaining.isPresent());
                })
                .build().execute(sweep);
        assertThat(loads).hasValue(1);
        assertThat(done).hasSize(4).contains(16);
        assertThat(estimated).containsOnly(true);
    }

    @Test
    void a_killed_sweep_resumes_computing_only_the_unsaved_chunks(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledSweepChild.class.getName(), results.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (chunkFiles(results) < 2 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        int saved = chunkFiles(results);
        assertThat(saved).as("chunks saved before the kill (log: %s)",
                Files.readString(dir.resolve("child.log"))).isBetween(2, 7);

        AtomicInteger computed = new AtomicInteger();
        Sweep<List<Bar>> counting = Sweep.<List<Bar>>builder().name("ma-crossover")
                .configurations(SweepFixtures.space().grid()).data(() -> bars)
                .task((p, b) -> {
                    computed.incrementAndGet();
                    return SweepFixtures.crossover(p, b);
                }).chunkSize(2).build();
        SweepResults resumed = LocalSweepExecutor.builder().threads(2).resultsDirectory(results).build()
                .execute(counting);

        assertThat(resumed.rows()).isEqualTo(serial);
        assertThat(computed.get()).isLessThanOrEqualTo(16 - 2 * (saved - 1)).isGreaterThan(0);
        assertThat(chunkFiles(results)).isEqualTo(8);

        computed.set(0);
        assertThat(LocalSweepExecutor.builder().resultsDirectory(results).build().execute(counting).rows())
                .isEqualTo(serial);
        assertThat(computed).hasValue(0);
    }

    @Test
    void results_saved_for_another_sweep_are_reported_and_kept(@TempDir Path dir) throws IOException {
        LocalSweepExecutor.builder().resultsDirectory(dir).build().execute(SweepFixtures.sweep(4));
        Sweep<List<Bar>> other = Sweep.<List<Bar>>builder().name("ma-crossover")
                .configurations(SweepFixtures.space().random(16, 3L)).data(() -> bars)
                .task(SweepFixtures::crossover).chunkSize(4).build();
        Path first = dir.resolve("chunk-000000.tsv");
        String before = Files.readString(first);
        assertThatThrownBy(() -> LocalSweepExecutor.builder().resultsDirectory(dir).build().execute(other))
                .isInstanceOf(SweepResumeException.class).hasMessageContaining("chunk-000000.tsv")
                .hasMessageContaining("another sweep");
        assertThat(Files.readString(first)).isEqualTo(before);
    }

    @Test
    void a_damaged_chunk_file_is_reported_not_recomputed_over(@TempDir Path dir) throws IOException {
        LocalSweepExecutor.builder().resultsDirectory(dir).build().execute(SweepFixtures.sweep(4));
        Path chunk = dir.resolve("chunk-000001.tsv");
        List<String> lines = new ArrayList<>(Files.readAllLines(chunk, StandardCharsets.UTF_8));
        lines.remove(2);
        Files.write(chunk, lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LocalSweepExecutor.builder().resultsDirectory(dir).build()
                .execute(SweepFixtures.sweep(4)))
                .isInstanceOf(SweepResumeException.class).hasMessageContaining("chunk-000001.tsv")
                .hasMessageContaining("has 3 rows, expected 4");
    }

    @Test
    void a_failing_run_names_its_configuration() {
        Sweep<List<Bar>> failing = Sweep.<List<Bar>>builder().configurations(SweepFixtures.space().grid())
                .data(() -> bars)
                .task((p, b) -> {
                    if (p.integer("fast") == 15 && p.integer("slow") == 40) {
                        throw new IllegalStateException("boom");
                    }
                    return SweepFixtures.crossover(p, b);
                }).build();
        assertThatThrownBy(() -> LocalSweepExecutor.builder().threads(2).build().execute(failing))
                .isInstanceOf(SweepTaskException.class).hasMessageContaining("fast=15,slow=40")
                .hasMessageContaining("boom");
    }

    @Test
    void ranking_is_stable_and_csv_round_trips_the_metrics() throws IOException {
        SweepResults results = new SweepResults(serial);
        List<SweepRow> top = results.top("final_equity", 3, true);
        assertThat(top).hasSize(3);
        assertThat(top.get(0).metric("final_equity")).isGreaterThanOrEqualTo(top.get(1).metric("final_equity"));
        double best = serial.stream().mapToDouble(r -> r.metric("final_equity")).max().orElseThrow();
        assertThat(top.get(0).metric("final_equity")).isEqualTo(best);

        StringWriter csv = new StringWriter();
        results.writeCsv(csv);
        String[] lines = csv.toString().split("\n");
        assertThat(lines[0]).isEqualTo("index,fast,slow,final_equity,total_return,fills,run_hash");
        assertThat(lines).hasSize(17);
        String[] row = lines[5].split(",");
        assertThat(Double.parseDouble(row[3])).isEqualTo(serial.get(4).metric("final_equity"));
        assertThat(row[6]).isEqualTo(serial.get(4).runHash());
    }

    @Test
    void builders_refuse_options_twice_and_missing_parts() {
        assertThatThrownBy(() -> LocalSweepExecutor.builder().threads(2).threads(3))
                .hasMessageContaining("threads was already set to 2");
        assertThatThrownBy(() -> LocalSweepExecutor.builder().threads(0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> Sweep.builder().task((p, d) -> null).build())
                .hasMessageContaining("at least one configuration");
        assertThatThrownBy(() -> Sweep.<Object>builder().configurations(List.of(ParameterSet.of("a", "1"),
                ParameterSet.of("a", "1"))).task((p, d) -> null).data(() -> null).build())
                .hasMessageContaining("{a=1} is listed twice");
        assertThatThrownBy(() -> Sweep.builder().chunkSize(2).chunkSize(3))
                .hasMessageContaining("chunkSize was already set to 2");
    }

    private static int chunkFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".tsv")).count();
        }
    }
}
