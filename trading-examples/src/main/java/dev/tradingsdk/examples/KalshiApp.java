package dev.tradingsdk.examples;

import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.examples.cli.Amounts;
import dev.tradingsdk.examples.cli.ExampleApp;
import dev.tradingsdk.examples.cli.InputException;
import dev.tradingsdk.examples.cli.Option;
import dev.tradingsdk.examples.cli.ParsedOptions;
import dev.tradingsdk.examples.cli.UsageException;
import dev.tradingsdk.kalshi.KalshiClient;
import dev.tradingsdk.kalshi.KalshiEnvironment;
import dev.tradingsdk.kalshi.KalshiSigner;
import dev.tradingsdk.kalshi.PredictionMarketResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** App 3: {@link KalshiRecorderExample} behind the launcher, with its HTML report. */
public final class KalshiApp implements ExampleApp {

    @Override
    public String name() {
        return "kalshi";
    }

    @Override
    public String summary() {
        return "Kalshi recorder and backtest: record book snapshots, backtest with series fees and settlement";
    }

    @Override
    public String description() {
        return """
            Records a Kalshi market's order book with SnapshotRecorder into a journal, then backtests a buy-the-dip
            strategy over the recording with the series' quadratic fees and binary settlement.
            Offline (default): a loopback server replays a recorded session of KXHIGHNY-26MAY05-B74.5 (six polls,
            resolved yes). With --live and KALSHI_KEY_ID plus KALSHI_PRIVATE_KEY_FILE (an RSA key PEM) in the
            environment it polls Kalshi's demo environment instead and marks the open position (no settlement).""";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.flag("live", "poll Kalshi's demo environment (needs KALSHI_KEY_ID and KALSHI_PRIVATE_KEY_FILE)"),
            Option.value("ticker", "TICKER", KalshiRecorderExample.TICKER, "market to record with --live"),
            Option.value("series", "SERIES", KalshiRecorderExample.SERIES, "its series (fees) with --live"),
            Option.value("out", "DIR", "target/trading-examples/kalshi", "where the journal and the HTML report go"));
    }

    @Override
    public int run(ParsedOptions options, PrintStream out) throws Exception {
        Path dir = options.path("out");
        Files.createDirectories(dir);
        Path journal = Files.createTempDirectory(dir, "recording-");
        PredictionMarketResult result;
        if (options.flag("live")) {
            String keyId = System.getenv("KALSHI_KEY_ID");
            String keyFile = System.getenv("KALSHI_PRIVATE_KEY_FILE");
            if (keyId == null || keyFile == null) {
                throw new UsageException("kalshi --live needs KALSHI_KEY_ID and KALSHI_PRIVATE_KEY_FILE in the environment");
            }
            Path pem = Path.of(keyFile);
            if (!Files.isReadable(pem)) {
                throw new InputException(pem, "KALSHI_PRIVATE_KEY_FILE is not a readable file");
            }
            KalshiClient demo = KalshiClient.builder().environment(KalshiEnvironment.DEMO)
                .signer(KalshiSigner.fromPemFile(keyId, pem, Clock.system())).build();
            result = KalshiRecorderExample.run(out, demo, options.value("ticker"), options.value("series"),
                Clock.system(), journal, false);
        } else {
            result = KalshiRecorderExample.run(out, journal);
        }
        Path report = result.result().writeReport(dir.resolve("kalshi.html"),
            "Kalshi " + options.value("ticker") + ": buy the dip at 0.45, with fees and settlement", 365);
        out.printf("summary: %d fills, P&L %s, fees %s, settlement paid %s%n", result.result().fills().size(),
            Amounts.money(result.pnl()), Amounts.money(result.fees()), Amounts.money(result.settlementPaid()));
        out.println("report: " + report.toAbsolutePath());
        return 0;
    }
}
