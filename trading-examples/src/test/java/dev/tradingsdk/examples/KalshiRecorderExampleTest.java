package dev.tradingsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.kalshi.PredictionMarketResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KalshiRecorderExampleTest {

    @Test
    void recordsTheReplayedSessionAndBacktestsItOffline(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PredictionMarketResult result = KalshiRecorderExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                dir.resolve("journal"));
        String out = bytes.toString(StandardCharsets.UTF_8);

        // The ask reaches 0.45 at the second poll; the market buy fills at the third poll's ask 0.44:
        // fee ceil(0.07 x 10 x 0.44 x 0.56 = 0.17248) = 0.18; the market resolved yes, so 10 x $1 is paid:
        // 100.00 - 4.40 - 0.18 + 10.00 = 105.42.
        assertThat(out).contains("series KXHIGHNY: fee type QUADRATIC, multiplier 1");
        assertThat(out).contains("recorded 6 snapshots");
        assertThat(out).contains("BUY 10.00 @ 0.4400, fee 0.18");
        assertThat(out).contains("P&L 5.42");
        assertThat(result.settlementPaid().toBigDecimal()).isEqualByComparingTo("10.00");
        assertThat(result.fillRate()).isEqualTo(1.0);
    }
}
