package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.examples.cli.Amounts;
import dev.tradingsdk.examples.strategies.MovingAverageCrossover;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepAppTest {

    @TempDir
    Path dir;

    @Test
    void sweepsTheGridPrintsTheBestAndWritesCsvAndReport() throws Exception {
        AppRun run = AppRun.of("sweep", "--fast", "5:15:5", "--slow", "20:40:20", "--top", "3", "--out", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("sweep: 6 configurations").contains("100%  6/6 done")
            .contains("top 3 of 6 by final equity (local executor");
        // The best is fast 10 / slow 40; recomputed here with a plain backtest, independent of the sweep.
        Money best = backtest(10, 40);
        String shown = Amounts.money(best.withPrecision(2, RoundingMode.HALF_EVEN));
        assertThat(shown).isEqualTo("181,420.22 USD");
        List<String> top = run.out().lines().filter(l -> l.startsWith("  fast")).toList();
        assertThat(top).hasSize(3);
        assertThat(top.get(0)).contains("fast  10  slow  40  final equity     181,420.22 USD").contains("fills   87");
        List<String> csv = Files.readAllLines(dir.resolve("sweep-results.csv"));
        assertThat(csv).hasSize(7);
        assertThat(csv.get(0)).startsWith("index,fast,slow,final_equity,total_return,sharpe,max_drawdown,fills");
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("3,10,40,181420.22"));
        HtmlChecks.assertWellFormedAndSelfContained(Files.readString(dir.resolve("sweep.html")));
    }

    @Test
    void sparkWithoutSparkOnTheClassPathSaysHowToRunItInOneLine() {
        AppRun run = AppRun.of("sweep", "--spark", "--fast", "5:10:5", "--slow", "20:20:1", "--out", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
            .startsWith("error: sweep --spark: Spark is not on the class path; "
                + "run it with Spark's jars on the class path: java --add-opens")
            .contains("dev.tradingsdk.examples.Launcher sweep --spark");
    }

    private static Money backtest(int fast, int slow) throws Exception {
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        List<Bar> bars;
        try (Reader in = new InputStreamReader(Objects.requireNonNull(SweepAppTest.class.getResourceAsStream(
            "/dev/tradingsdk/examples/data/btc_usd_daily_yahoo.csv")), StandardCharsets.UTF_8)) {
            bars = BarCsvReader.yahooDaily(btc).asOf(Instant.parse("2024-05-27T12:00:00Z")).read(in, "btc").events();
        }
        return Backtest.builder().initialCash(Money.of("100000", Currency.USD)).events(bars)
            .strategy(new MovingAverageCrossover(btc, fast, slow, Quantity.of("1.0000"))).fees(FeeModel.bps("10"))
            .run().finalEquity();
    }
}
