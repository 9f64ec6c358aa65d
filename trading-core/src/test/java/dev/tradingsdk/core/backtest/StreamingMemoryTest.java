package dev.tradingsdk.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.market.Bar;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming holds one record and one bar: 120,000 one-minute Binance rows (microsecond times, generated on
 * the fly, no file) stream through a JVM with a 16 MB heap, while reading the same rows into a list in that
 * JVM runs out of memory, so the bound is what makes the first pass.
 */
class StreamingMemoryTest {

    static final int ROWS = 120_000;

    /** Headerless 12-column kline rows, a deterministic walk around 60,000 starting 2025-01-01. */
    static final class SyntheticKlines extends Reader {
        private final int rows;
        private int row;
        private final StringBuilder line = new StringBuilder(200);
        private int pos;
        private long price = 6_000_000;

        SyntheticKlines(int rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos == line.length()) {
                if (row == rows) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, line.length() - pos);
            line.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        private void next() {
            long open = price;
            price += (row * 7919L % 201) - 100;
            long close = price;
            long micros = 1_735_689_600_000_000L + row * 60_000_000L;
            line.setLength(0);
            line.append(micros).append(',').append(cents(open)).append(',').append(cents(Math.max(open, close) + 5))
                    .append(',').append(cents(Math.min(open, close) - 5)).append(',').append(cents(close))
                    .append(",1.25000000,").append(micros + 59_999_999L).append(",75000.0,12,0.6,36000.0,0\n");
            pos = 0;
            row++;
        }

        private static String cents(long c) {
            return c / 100 + "." + (c % 100 < 10 ? "0" : "") + c % 100;
        }

        @Override
        public void close() {
        }
    }

    /** Run in a child JVM: {@code stream} or {@code read}; prints the bar count. */
    public static void main(String[] args) {
        BarCsvReader reader = BarCsvReader.binanceKlines(TestData.BTC, Duration.ofMinutes(1));
        long count;
        if (args[0].equals("stream")) {
            count = 0;
            try (BarStream bars = reader.stream(new SyntheticKlines(ROWS), "synthetic.csv")) {
                while (bars.hasNext()) {
                    bars.next();
                    count++;
                }
            }
        } else {
            List<Bar> bars = reader.read(new SyntheticKlines(ROWS), "synthetic.csv").events();
            count = bars.size();
        }
        System.out.println("bars=" + count);
    }

    private static Process child(String mode, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx16m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                StreamingMemoryTest.class.getName(), mode).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
    }

    @Test
    void streamingFitsInASmallHeapThatReadingDoesNot(@TempDir Path dir) throws Exception {
        Process stream = child("stream", dir.resolve("stream.log"));
        Process read = child("read", dir.resolve("read.log"));
        assertThat(stream.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(read.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String streamed = Files.readString(dir.resolve("stream.log"));
        assertThat(streamed).as(streamed).contains("bars=" + ROWS);
        assertThat(stream.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("read.log"))).contains("OutOfMemoryError");
    }
}
