package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CouncilAppTest {

    @TempDir
    Path dir;

    @Test
    void everyStageRunsAndTheChairmansBracketIsPlacedOnThePaperBroker() throws Exception {
        AppRun run = AppRun.of("council", "--out", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("council on 2024-05-01: BTC-USD 60,636.86, ETH-USD 3,012.29")
            .contains("stage RESEARCH: COMPLETED").contains("stage REVIEW: COMPLETED").contains("stage EXECUTION: COMPLETED")
            .contains("peer review (anonymized labels {A=momentum, B=value, C=macro})")
            .contains("average rank: {A=1.0, B=1.5, C=2.0}")
            .contains("decision: BUY BTC-USD 0.2500 confidence 0.7 stop 56392.28 target 67913.28")
            .contains("weekly-1-paper-entry BUY 0.2500 BTC-USD MARKET -> ACCEPTED")
            .contains("weekly-1-paper-tp SELL 0.2500 BTC-USD LIMIT -> NEW")
            .contains("weekly-1-paper-sl SELL 0.2500 BTC-USD STOP -> NEW")
            .contains("cost of the run: 0.020364 USD");
        // The entry fills at the next day's close, 58,254.01: 0.25 BTC for 14,563.50.
        assertThat(run.out()).contains("next day: equity 100,000.00 USD, cash 85,436.50 USD, positions [BTC-USD 0.2500]");
        HtmlChecks.assertWellFormedAndSelfContained(Files.readString(dir.resolve("council.html")));
    }
}
