package dev.tradingsdk.core.sweep;

import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.backtest.EmaCrossover;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A real sweep for the tests: moving-average crossovers over the bundled BTC-USD daily bars. */
final class SweepFixtures {

    static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();

    private SweepFixtures() {
    }

    static List<Bar> bars() {
        try {
            Path file = Path.of(Objects.requireNonNull(SweepFixtures.class.getResource("/data/btc_usd_daily_yahoo.csv"))
                    .toURI());
            return BarCsvReader.yahooDaily(BTC).asOf(Instant.parse("2024-05-27T12:00:00Z")).read(file).events();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One crossover backtest: final equity, return, trade count and the digest of its fills. */
    static SweepOutcome crossover(ParameterSet p, List<Bar> bars) {
        BacktestResult result = Backtest.builder()
                .initialCash(Money.of("100000", Currency.USD))
                .events(bars)
                .strategy(new EmaCrossover(BTC, p.integer("fast"), p.integer("slow"), Quantity.of("1.0000")))
                .fees(FeeModel.bps("10"))
                .run();
        RunDigest digest = RunDigest.sha256();
        for (Fill f : result.fills()) {
            digest.add(f);
        }
        digest.add(result.finalEquity());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("final_equity", result.finalEquity().toDouble());
        metrics.put("total_return", result.metrics(365).totalReturn());
        metrics.put("fills", (double) result.fills().size());
        return new SweepOutcome(metrics, digest.hex());
    }

    static ParameterSpace space() {
        return ParameterSpace.builder().integers("fast", 5, 20, 5).integers("slow", 30, 60, 10).build();
    }

    static Sweep<List<Bar>> sweep(int chunkSize) {
        return Sweep.<List<Bar>>builder().name("ma-crossover").configurations(space().grid())
                .data(SweepFixtures::bars).task(SweepFixtures::crossover).chunkSize(chunkSize).build();
    }
}
