package dev.tradingsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartExampleTest {

    @Test
    void runsOfflineOverTheBundledDataAndWritesTheReport(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path report = QuickstartExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                dir.resolve("report.html"));
        String out = bytes.toString(StandardCharsets.UTF_8);

        // 1.5 BTC bought at the 2023-01-01 close (16625.08) and marked at the last finished close (68518.09):
        // cash = 100000 - 1.5 * 16625.08 - 2.50 fee; unrealized = 1.5 * (68518.09 - 16625.08).
        assertThat(out).contains("bought 1.5000 BTC at 16625.08 on 2023-01-01, marked at 68518.09 on 2024-05-26");
        assertThat(out).contains("cash 75059.880000 USD, unrealized P&L 77839.515000 USD, equity 177837.015000 USD");
        assertThat(out).contains("-> ACCEPTED");
        assertThat(out).contains("REJECTED [MAX_ORDER_QUANTITY");
        assertThat(out).contains("replayed 834 snapshots");
        assertThat(out).contains("after 62 trades");
        assertThat(report).exists();
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("<svg");
    }
}
