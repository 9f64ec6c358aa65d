package dev.tradingsdk.examples;

import dev.tradingsdk.core.analytics.Metrics;
import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.backtest.Progress;
import dev.tradingsdk.core.backtest.SlippageModel;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.examples.strategies.MovingAverageCrossover;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Backtests a 10/30 moving-average crossover on Yahoo BTC-USD daily bars, shows a console progress bar, prints
 * the main figures and writes the HTML report.
 *
 * <p>Usage: {@code BacktestExample [bars.csv] [report.html]}; defaults to the bundled BTC-USD file and
 * {@code target/backtest-report.html}.
 */
public final class BacktestExample {

    private static final String BUNDLED_BARS = "/dev/tradingsdk/examples/data/btc_usd_daily_yahoo.csv";

    private BacktestExample() {
    }

    public static void main(String[] args) throws IOException {
        Path reportFile = Path.of(args.length > 1 ? args[1] : "target/backtest-report.html");
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        // The bundled file was downloaded during 2024-05-27, so that day's bar is unfinished and is skipped.
        BarCsvReader reader = BarCsvReader.yahooDaily(btc).asOf(Instant.parse("2024-05-27T12:00:00Z"));
        List<Bar> bars;
        if (args.length > 0) {
            bars = reader.read(Path.of(args[0])).events();
        } else {
            try (InputStream in = BacktestExample.class.getResourceAsStream(BUNDLED_BARS)) {
                bars = reader.read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED_BARS).events();
            }
        }

        BacktestResult result = Backtest.builder()
                .initialCash(Money.of("100000", Currency.USD))
                .events(bars)
                .strategy(new MovingAverageCrossover(btc, 10, 30, Quantity.of("1")))
                .fees(FeeModel.bps("10"))
                .slippage(SlippageModel.ticks(1))
                .progress(BacktestExample::printProgress, 250)
                .run();

        Metrics m = result.metrics(365);
        System.out.printf(Locale.ROOT, "%nfinal equity %s, %d trades, CAGR %.2f%%, Sharpe %.2f, max drawdown %.2f%%%n",
                result.finalEquity(), m.tradeCount(), m.cagr() * 100, m.sharpe(), m.maxDrawdown() * 100);
        Path written = result.writeReport(reportFile, "BTC-USD 10/30 moving-average crossover", 365);
        System.out.println("report: " + written.toAbsolutePath());
    }

    private static void printProgress(Progress progress) {
        System.out.print("\r" + progress.toBar(40));
    }
}
