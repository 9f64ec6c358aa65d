package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.strategy.Strategy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.analytics.Benchmark;
import dev.tradingsdk.core.analytics.Metrics;
import dev.tradingsdk.core.indicators.AverageTrueRange;
import dev.tradingsdk.core.indicators.BollingerBands;
import dev.tradingsdk.core.indicators.Macd;
import dev.tradingsdk.core.indicators.RelativeStrengthIndex;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Position;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code examples of README-backtest.md, kept identical to these method bodies (checked below). */
class ReadmeExampleTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReadmeExampleTest.class);

    @Test
    void emaCrossoverWithReport(@TempDir Path dir) {
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        List<Bar> bars = BarCsvReader.yahooDaily(btc)
                .asOf(Instant.parse("2024-05-27T12:00:00Z"))   // the file's last day was still running
                .read(TestData.path("btc_usd_daily_yahoo.csv"))
                .events();

        BacktestResult result = Backtest.builder()
                .initialCash(Money.of("100000", Currency.USD))
                .events(bars)
                .strategy(new EmaCrossover(btc, 10, 30, Quantity.of("1")))
                .fees(FeeModel.bps("10"))
                .slippage(SlippageModel.ticks(1))
                .latency(Duration.ZERO)
                .progress(p -> LOG.info(p.toBar(40)), 1000)
                .run();

        Metrics metrics = result.metrics(365);
        Path report = result.writeReport(dir.resolve("report.html"), "BTC-USD 10/30 EMA crossover", 365);

        assertThat(metrics.tradeCount()).isPositive();
        assertThat(report).exists();
    }

    @Test
    void customStrategyWithABracket() {
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        List<Bar> bars = BarCsvReader.yahooDaily(btc).read(TestData.path("btc_usd_daily_yahoo.csv")).events();

        // Buys 0.1 BTC after every down day when flat, with a +5% take-profit and a -3% stop-loss (OCO).
        Strategy dipBuyer = (event, context) -> {
            Bar bar = (Bar) event;
            boolean flat = context.account().position(btc.id()).map(Position::isFlat).orElse(true);
            if (flat && context.orders().openOrders().isEmpty() && bar.close().isLessThan(bar.open())) {
                OrderRequest entry = OrderRequest.buy(btc).quantity("0.1").build();
                context.orders().submit(BracketOrder.of(entry,
                        btc.roundPrice(bar.close().toBigDecimal().multiply(new BigDecimal("1.05")),
                                RoundingMode.DOWN),
                        btc.roundPrice(bar.close().toBigDecimal().multiply(new BigDecimal("0.97")),
                                RoundingMode.UP),
                        bar.close()));
            }
        };

        BacktestResult result = Backtest.builder()
                .initialCash(Money.of("10000", Currency.USD))
                .events(bars)
                .strategy(dipBuyer)
                .fees(FeeModel.makerTaker("2", "5"))
                .run();

        assertThat(result.trades()).isNotEmpty();
        assertThat(result.trades()).allSatisfy(t -> assertThat(t.exitTime()).isAfter(t.entryTime()));
    }

    @Test
    void readingRealDumps() throws IOException {
        Instrument btcusdt = Instrument.builder("BTCUSDT", Venue.of("BINANCE")).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USDT).pricePrecision(2).sizePrecision(6).build();
        // data.binance.vision spot klines: no header, 12 columns, microsecond times from 2025 on
        List<Bar> dump = BarCsvReader.binanceKlines(btcusdt, Duration.ofMinutes(1))
                .read(TestData.path("binance_btcusdt_1m_2025-01-01_spot_headerless.csv"))
                .events();

        // any header naming a time column (date, time, timestamp, open_time, epoch_sec, ...) and OHLCV
        Instrument aapl = Instrument.builder("AAPL", Venue.SIM).assetClass(AssetClass.EQUITY)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();
        List<Bar> daily = BarCsvReader.ohlcv(aapl, Duration.ofDays(1))
                .read(TestData.path("aapl_daily_yahoo_excerpt.csv"))
                .events();

        // a file of any size in bounded memory: one record and one bar at a time
        long count = 0;
        try (BarStream stream = BarCsvReader.binanceKlines(btcusdt, Duration.ofHours(1))
                .sizeRounding(RoundingMode.HALF_EVEN)
                .stream(TestData.path("btcusdt_1h_binance_excerpt.csv"))) {
            while (stream.hasNext()) {
                stream.next();
                count++;
            }
        }

        assertThat(dump.get(0).openTime()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(daily).hasSize(11);
        assertThat(count).isEqualTo(20);
    }

    @Test
    void indicatorsOnBars() {
        RelativeStrengthIndex rsi = new RelativeStrengthIndex(14);
        Macd macd = Macd.standard();
        BollingerBands bands = new BollingerBands(20, 2);
        AverageTrueRange atr = new AverageTrueRange(14);
        for (Bar bar : BarCsvReader.yahooDaily(TestData.BTC).read(TestData.path("btc_usd_daily_yahoo.csv")).events()) {
            double close = bar.close().toDouble();
            rsi.update(close);
            macd.update(close);
            bands.update(close);
            atr.update(bar);
        }

        assertThat(rsi.isReady()).isTrue();
        assertThat(rsi.value()).isBetween(0.0, 100.0);
        assertThat(macd.histogram()).isEqualTo(macd.line() - macd.signal());
        assertThat(bands.upper()).isGreaterThan(bands.lower());
        assertThat(atr.value()).isPositive();
    }

    @Test
    void tearsheetAgainstBuyAndHold(@TempDir Path dir) throws IOException {
        List<Bar> bars = BarCsvReader.yahooDaily(TestData.BTC)
                .asOf(Instant.parse("2024-05-27T12:00:00Z"))
                .read(TestData.path("btc_usd_daily_yahoo.csv"))
                .events();
        BacktestResult result = Backtest.builder()
                .initialCash(Money.of("100000", Currency.USD))
                .events(bars)
                .strategy(new EmaCrossover(TestData.BTC, 10, 30, Quantity.of("1")))
                .fees(FeeModel.bps("10"))
                .run();

        Path report = result.report("BTC-USD 10/30 EMA crossover", 365)   // trades and open positions included
                .benchmark(Benchmark.buyAndHold("BTC-USD buy and hold", bars))
                .logScale(true)
                .setting("fees", "10 bps")
                .write(dir.resolve("tearsheet.html"));

        assertThat(Files.readString(report)).contains("BTC-USD buy and hold", "Excess return (total)");
    }

    /** Every java block of README-backtest.md, moved left by the method-body indent, is found in this file. */
    @Test
    void readmeBlocksAreTheTestBodies() throws IOException {
        String readme = Files.readString(Path.of("README-backtest.md"));
        String source = Files.readString(Path.of("src/test/java/dev/tradingsdk/core/backtest/ReadmeExampleTest.java"))
                .replaceAll("(?m)^        ", "");
        Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        int found = 0;
        while (blocks.find()) {
            found++;
            assertThat(source).as("README-backtest.md block %d", found).contains(blocks.group(1));
        }
        assertThat(found).isEqualTo(5);
    }
}
