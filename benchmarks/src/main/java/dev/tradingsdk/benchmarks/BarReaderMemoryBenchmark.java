package dev.tradingsdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.backtest.BarStream;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Read throughput and peak heap of {@link BarCsvReader} on a generated file of one-minute Binance klines
 * (headerless, 12 columns, microsecond times, as data.binance.vision publishes spot data from 2025), read
 * whole ({@code read}) and streamed ({@code stream}). Peak heap is the sum of the heap pools' peak usage, reset
 * after a GC before each pass; run each mode in its own JVM for a clean figure:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.tradingsdk.benchmarks.BarReaderMemoryBenchmark stream 1000000
 * java -cp benchmarks/target/benchmarks.jar dev.tradingsdk.benchmarks.BarReaderMemoryBenchmark read 1000000
 * </pre>
 * Not JMH: a peak-memory figure needs one cold pass, not a steady state; the time is for that pass after two
 * warm-up passes. A third argument names a JSON file to write the figures to in JMH's results format (rows/s as
 * the score, peak heap and MB/s as secondary metrics), so {@code ResultsTable} tabulates them with the rest
 * ({@code benchmarks/run.sh --bar-reader} does this).
 */
public final class BarReaderMemoryBenchmark {

    private BarReaderMemoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "stream";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Instrument btc = Instrument.builder("BTCUSDT", Venue.of("BINANCE")).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USDT).pricePrecision(2).sizePrecision(6).build();
        Path file = Files.createTempFile("klines-", ".csv");
        try {
            write(file, rows);
            BarCsvReader reader = BarCsvReader.binanceKlines(btc, Duration.ofMinutes(1));
            for (int warm = 0; warm < 2; warm++) {
                pass(reader, file, mode);
            }
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long start = System.nanoTime();
            long bars = pass(reader, file, mode);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            if (args.length > 2) {
                writeJson(Path.of(args[2]), mode, rows / seconds, peak / 1e6, Files.size(file) / 1e6 / seconds);
            }
            System.out.printf(Locale.ROOT, "%s: %d bars from %.1f MB in %.2f s = %.0f rows/s, %.1f MB/s; peak heap"
                    + " %.0f MB (-Xmx %.0f MB)%n", mode, bars, Files.size(file) / 1e6, seconds, rows / seconds,
                    Files.size(file) / 1e6 / seconds, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One result in the shape of JMH's {@code -rf json} output. */
    private static void writeJson(Path out, String mode, double rowsPerSecond, double peakMegabytes,
                                  double megabytesPerSecond) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode result = json.createObjectNode();
        result.put("benchmark", BarReaderMemoryBenchmark.class.getName() + "." + mode);
        result.put("mode", "ss");
        result.put("jdkVersion", System.getProperty("java.version"));
        result.put("vmName", System.getProperty("java.vm.name"));
        result.put("vmVersion", System.getProperty("java.vm.version"));
        result.put("forks", 1);
        result.put("warmupIterations", 2);
        result.put("measurementIterations", 1);
        result.put("measurementTime", "one pass");
        result.putObject("params").put("maxHeap", Math.round(Runtime.getRuntime().maxMemory() / 1e6) + " MB");
        ObjectNode primary = result.putObject("primaryMetric");
        primary.put("score", rowsPerSecond);
        primary.put("scoreError", "NaN");
        primary.put("scoreUnit", "rows/s");
        ObjectNode secondary = result.putObject("secondaryMetrics");
        secondary.putObject("peak.heap.MB").put("score", peakMegabytes);
        secondary.putObject("MB/s").put("score", megabytesPerSecond);
        ArrayNode results = json.createArrayNode().add(result);
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
    }

    private static long pass(BarCsvReader reader, Path file, String mode) {
        if (mode.equals("read")) {
            List<Bar> bars = reader.read(file).events();
            return bars.size();
        }
        long n = 0;
        try (BarStream bars = reader.stream(file)) {
            while (bars.hasNext()) {
                bars.next();
                n++;
            }
        }
        return n;
    }

    private static void write(Path file, int rows) throws IOException {
        long micros = 1_735_689_600_000_000L;
        long cents = 9_357_600;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < rows; i++) {
                long open = cents;
                cents += (i * 7919L % 201) - 100;
                long high = Math.max(open, cents) + 7;
                long low = Math.min(open, cents) - 7;
                out.write(micros + "," + price(open) + "," + price(high) + "," + price(low) + "," + price(cents)
                        + ",8.21827000," + (micros + 59_999_999L) + ",768978.75522470,2631,3.95157000,"
                        + "369757.32652890,0\n");
                micros += 60_000_000L;
            }
        }
    }

    private static String price(long cents) {
        return String.format(Locale.ROOT, "%d.%02d000000", cents / 100, cents % 100);
    }
}
