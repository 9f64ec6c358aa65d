package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.journal.JsonCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Appends per second to the file-system journal with a ~100-byte JSON fill event, under each fsync policy.
 * The journal lives in the working directory (a real disk), not a tmpfs, so fsync costs what it costs. The
 * {@code bytes} counter (reported as bytes/s) is appends × the bytes one record takes on disk, framing included,
 * measured once in setup by writing 1,000 records to a scratch journal.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar JournalAppendBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalAppendBenchmark {

    /** A typical journal event: a fill. */
    public record FillEvent(String orderId, String instrument, long quantity, BigDecimal price, long timestampNanos) {
    }

    @Param({"EVERY_RECORD", "BATCHED", "OS"})
    public String fsync;

    /** Bytes written, as JMH reports it: a rate, bytes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Written {
        public long bytes;
    }

    private Path dir;
    private long recordBytes;
    private Journal<FillEvent> journal;
    private FillEvent event;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "journal-bench-");
        FsyncPolicy policy = switch (fsync) {
            case "EVERY_RECORD" -> FsyncPolicy.everyRecord();
            case "BATCHED" -> FsyncPolicy.batched(100, Duration.ofMillis(5));
            case "OS" -> FsyncPolicy.os();
            default -> throw new IllegalArgumentException("fsync: " + fsync);
        };
        event = new FillEvent("ord-000000000042", "BTC-USDT", 1500, new BigDecimal("97000.25"), 1_763_680_000_000_000_000L);
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        try (Journal<FillEvent> sizing = Journal.builder(scratch, JsonCodec.of(FillEvent.class))
                .fsync(FsyncPolicy.os()).open()) {
            for (int i = 0; i < 1_000; i++) {
                sizing.append(event);
            }
        }
        recordBytes = bytesUnder(scratch) / 1_000;
        journal = Journal.builder(dir.resolve("journal"), JsonCodec.of(FillEvent.class)).fsync(policy).open();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static long bytesUnder(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    @Benchmark
    public long append(Written written) {
        written.bytes += recordBytes;
        return journal.append(event);
    }
}
