package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KalshiAppTest {

    @TempDir
    Path dir;

    @Test
    void recordsTheReplayedSessionAndBacktestsWithFeesAndSettlement() throws Exception {
        AppRun run = AppRun.of("kalshi", "--out", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        // Ten YES at 0.44 with the quadratic fee ceil(0.07 x 10 x 0.44 x 0.56) = 0.18, settled at 1.00: +5.42.
        assertThat(run.out()).contains("recorded 6 snapshots")
            .containsPattern("fill order-\\d+ BUY 10.00 @ 0.4400, fee 0.18 USD")
            .contains("summary: 2 fills, P&L 5.42 USD, fees 0.18 USD, settlement paid 10.00 USD");
        HtmlChecks.assertWellFormedAndSelfContained(Files.readString(dir.resolve("kalshi.html")));
    }

    @Test
    void liveWithoutKeysIsOneLine() {
        if (System.getenv("KALSHI_KEY_ID") != null) {
            return;
        }
        AppRun run = AppRun.of("kalshi", "--live", "--out", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: kalshi --live needs KALSHI_KEY_ID and KALSHI_PRIVATE_KEY_FILE in the "
            + "environment" + System.lineSeparator());
    }
}
