package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.analytics.Metrics;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code examples of README-backtest.md, kept identical to these method bodies. */
class ReadmeExampleTest {

    private static final Logger LOG = LoggerFactory.getLogger(ReadmeExampleTest.class);

    @Test
    void movingAverageCrossoverWithReport(@TempDir Path dir) {
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        List<Bar> bars = BarCsvReader.yahooDaily(btc)
                .asOf(Instant.parse("2024-05-27T12:00:00Z"))   // the file's last day was still running
                .read(TestData.path("btc_usd_daily_yahoo.csv"))
                .events();

        BacktestResult result = Backtest.builder()
                .initialCash(Money.of("100000", Currency.USD))
                .events(bars)
                .strategy(new MovingAverageCrossover(btc, 10, 30, Quantity.of("1")))
                .fees(FeeModel.bps("10"))
                .slippage(SlippageModel.ticks(1))
                .latency(Duration.ZERO)
                .progress(p -> LOG.info(p.toBar(40)), 1000)
                .run();

        Metrics metrics = result.metrics(365);
        Path report = result.writeReport(dir.resolve("report.html"), "BTC-USD 10/30 crossover", 365);

        assertThat(metrics.tradeCount()).isEqualTo(62);
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
}
