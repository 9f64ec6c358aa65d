package dev.tradingsdk.examples.sweep;

import dev.tradingsdk.core.analytics.Metrics;
import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.sweep.DataLoader;
import dev.tradingsdk.core.sweep.LocalSweepExecutor;
import dev.tradingsdk.core.sweep.ParameterSet;
import dev.tradingsdk.core.sweep.ParameterSpace;
import dev.tradingsdk.core.sweep.RunDigest;
import dev.tradingsdk.core.sweep.Sweep;
import dev.tradingsdk.core.sweep.SweepOutcome;
import dev.tradingsdk.core.sweep.SweepResults;
import dev.tradingsdk.core.sweep.SweepRow;
import dev.tradingsdk.examples.cli.Amounts;
import dev.tradingsdk.examples.cli.BundledData;
import dev.tradingsdk.examples.cli.ExampleApp;
import dev.tradingsdk.examples.cli.Option;
import dev.tradingsdk.examples.cli.ParsedOptions;
import dev.tradingsdk.examples.cli.UsageException;
import dev.tradingsdk.examples.report.HtmlReport;
import dev.tradingsdk.examples.strategies.MovingAverageCrossover;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** App 6: a grid over a moving-average crossover's parameters, on the local executor or Spark local[*]. */
public final class ParameterSweepApp implements ExampleApp {

    static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
        .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    static final String BUNDLED = "btc_usd_daily_yahoo.csv";
    /** The bundled file was downloaded during 2024-05-27: that unfinished day is left out. */
    static final Instant AS_OF = Instant.parse("2024-05-27T12:00:00Z");

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "parameter sweep: a moving-average crossover grid over BTC-USD daily bars, top results and CSV";
    }

    @Override
    public String description() {
        return """
            Backtests every (fast, slow) moving-average crossover of the grid over Yahoo BTC-USD daily bars
            (2014-09-17 .. 2024-05-26, bundled) with 10 bps fees, one BTC per trade, starting from 100,000 USD.
            Runs on the local executor (all cores); --spark runs the same sweep on Spark local[*], which needs
            Spark on the class path (see the README). Prints the top results by final equity and writes
            sweep-results.csv and sweep.html to --out.""";
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.value("bars", "FILE", null,
                    "Yahoo daily CSV (Date,Open,High,Low,Close,Adj Close,Volume) instead of the bundled BTC-USD"),
            Option.value("fast", "FROM:TO:STEP", "5:30:5", "fast moving-average lengths"),
            Option.value("slow", "FROM:TO:STEP", "20:120:20", "slow moving-average lengths"),
            Option.value("top", "N", "5", "how many of the best results to print"),
            Option.value("threads", "N", Integer.toString(Runtime.getRuntime().availableProcessors()),
                "local executor threads"),
            Option.flag("spark", "run on Spark local[*] instead of the local executor"),
            Option.value("out", "DIR", "target/trading-examples/sweep", "where the CSV and the HTML report go"));
    }

    @Override
    public int run(ParsedOptions options, PrintStream out) {
        ParameterSpace space = ParameterSpace.builder()
            .integers("fast", range(options, "fast")[0], range(options, "fast")[1], range(options, "fast")[2])
            .integers("slow", range(options, "slow")[0], range(options, "slow")[1], range(options, "slow")[2])
            .build();
        List<ParameterSet> grid = space.grid().stream().filter(p -> p.integer("fast") < p.integer("slow")).toList();
        if (grid.isEmpty()) {
            throw new UsageException("sweep: no configuration has fast < slow; widen --fast or --slow");
        }
        int top = options.integer("top", 1, 1000);
        Path file = options.path("bars");
        // Read once here, so a bad file is reported before any work starts.
        List<Bar> bars = BundledData.bars(BarCsvReader.yahooDaily(BTC).asOf(AS_OF), file, BUNDLED);
        DataLoader<List<Bar>> data = file == null ? ParameterSweepApp::bundledBars : new FileBars(file.toString());
        Sweep<List<Bar>> sweep = Sweep.<List<Bar>>builder().name("ma-crossover").configurations(grid).data(data)
            .task(ParameterSweepApp::crossover).build();
        out.printf(Locale.ROOT, "sweep: %d configurations (fast %s, slow %s, fast < slow) over %d bars, %s .. %s%n",
            grid.size(), options.value("fast"), options.value("slow"), bars.size(), bars.get(0).openTime(),
            bars.get(bars.size() - 1).openTime());
        SweepResults results;
        String executor;
        if (options.flag("spark")) {
            results = SparkRunner.run(sweep, out);
            executor = "Spark local[*]";
        } else {
            int threads = options.integer("threads", 1, 256);
            int[] lastDecile = {-1};
            results = LocalSweepExecutor.builder().threads(threads).progress((done, total, elapsed, remaining) -> {
                int decile = done * 10 / total;
                synchronized (lastDecile) {
                    if (decile > lastDecile[0]) {
                        lastDecile[0] = decile;
                        out.printf(Locale.ROOT, "  %3d%%  %d/%d done in %.1f s%s%n", done * 100 / total, done, total,
                            elapsed.toMillis() / 1000.0, remaining.map(r -> String.format(Locale.ROOT,
                                ", about %.1f s left", r.toMillis() / 1000.0)).orElse(""));
                    }
                }
            }).build().execute(sweep);
            executor = "local executor, " + threads + " threads";
        }
        List<SweepRow> best = results.top("final_equity", top, true);
        out.printf(Locale.ROOT, "top %d of %d by final equity (%s):%n", best.size(), results.size(), executor);
        List<List<String>> rows = new ArrayList<>();
        for (SweepRow r : best) {
            List<String> row = row(r);
            rows.add(row);
            out.printf(Locale.ROOT, "  fast %3s  slow %3s  final equity %18s  return %9s  Sharpe %6s  max DD %7s  "
                + "fills %4s%n", row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5), row.get(6));
        }
        Path dir = options.path("out");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + dir, e);
        }
        Path csv = results.writeCsv(dir.resolve("sweep-results.csv"));
        Path html = new HtmlReport("Parameter sweep: moving-average crossover on BTC-USD")
            .paragraph(results.size() + " configurations on the " + executor + "; " + bars.size()
                + " daily bars; 10 bps fees; 1 BTC per trade; initial cash 100,000.00 USD.")
            .heading("Top " + best.size() + " by final equity")
            .table(List.of("fast", "slow", "final equity", "return", "Sharpe", "max drawdown", "fills"), rows)
            .lineChart("final-equity-by-config", "Final equity (USD) of every configuration, in grid order",
                Map.of("final equity", results.rows().stream().mapToDouble(r -> r.metric("final_equity")).toArray()))
            .write(dir.resolve("sweep.html"));
        out.println("results CSV: " + csv.toAbsolutePath());
        out.println("report: " + html.toAbsolutePath());
        return 0;
    }

    private static List<String> row(SweepRow r) {
        return List.of(r.parameters().get("fast"), r.parameters().get("slow"),
            Amounts.money(Money.of(BigDecimal.valueOf(r.metric("final_equity")), 2, java.math.RoundingMode.HALF_EVEN,
                Currency.USD)),
            String.format(Locale.ROOT, "%.1f%%", r.metric("total_return") * 100),
            String.format(Locale.ROOT, "%.2f", r.metric("sharpe")),
            String.format(Locale.ROOT, "%.1f%%", r.metric("max_drawdown") * 100),
            String.format(Locale.ROOT, "%.0f", r.metric("fills")));
    }

    private static long[] range(ParsedOptions options, String name) {
        String v = options.value(name);
        String[] parts = v.split(":");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            long from = Long.parseLong(parts[0]);
            long to = Long.parseLong(parts[1]);
            long step = Long.parseLong(parts[2]);
            if (from < 1 || to < from || step < 1 || to > 1000) {
                throw new UsageException("sweep: --" + name + " needs 1 <= FROM <= TO <= 1000 and STEP >= 1, was " + v);
            }
            return new long[] {from, to, step};
        } catch (NumberFormatException e) {
            throw new UsageException("sweep: --" + name + " must be FROM:TO:STEP in whole numbers, was '" + v + "'");
        }
    }

    static List<Bar> bundledBars() {
        return BundledData.bars(BarCsvReader.yahooDaily(BTC).asOf(AS_OF), null, BUNDLED);
    }

    /** Loads a user's file inside each worker (a Spark executor JVM reads it there). */
    private record FileBars(String file) implements DataLoader<List<Bar>> {
        @Override
        public List<Bar> load() {
            return BundledData.bars(BarCsvReader.yahooDaily(BTC).asOf(AS_OF), Path.of(file), BUNDLED);
        }
    }

    /** One crossover backtest: final equity, return, Sharpe, drawdown, fills and the digest of its fills. */
    static SweepOutcome crossover(ParameterSet p, List<Bar> bars) {
        BacktestResult result = Backtest.builder()
            .initialCash(Money.of("100000", Currency.USD))
            .events(bars)
            .strategy(new MovingAverageCrossover(BTC, p.integer("fast"), p.integer("slow"), Quantity.of("1.0000")))
            .fees(FeeModel.bps("10"))
            .run();
        RunDigest digest = RunDigest.sha256();
        for (Fill f : result.fills()) {
            digest.add(f);
        }
        digest.add(result.finalEquity());
        Metrics m = result.metrics(365);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("final_equity", result.finalEquity().toDouble());
        metrics.put("total_return", m.totalReturn());
        metrics.put("sharpe", m.sharpe());
        metrics.put("max_drawdown", m.maxDrawdown());
        metrics.put("fills", (double) result.fills().size());
        return new SweepOutcome(metrics, digest.hex());
    }
}
