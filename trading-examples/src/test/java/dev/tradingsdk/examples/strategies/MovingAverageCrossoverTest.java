package dev.tradingsdk.examples.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import dev.tradingsdk.core.strategy.StrategyContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a 10/30 moving-average crossover over the real Yahoo BTC-USD daily file, checked
 * against an independent BigDecimal re-computation from the raw CSV text (no engine code involved), and against
 * figures fixed here after checking the first trade by hand in the file.
 */
class MovingAverageCrossoverTest {

    private static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    /** The launcher's bundled copy of the shared Yahoo file (see DATA.md beside it). */
    private static final String CSV = "/dev/tradingsdk/examples/data/btc_usd_daily_yahoo.csv";
    private static final Instant AS_OF = Instant.parse("2024-05-27T12:00:00Z");

    @Test
    void crossoverOverRealBtcMatchesTheIndependentReference(@TempDir Path dir) {
        List<Bar> bars = bars();
        BacktestResult result = run(bars);

        Reference ref = Reference.compute(csvText());
        assertThat(bars).hasSize(3540);
        assertThat(result.eventsProcessed()).isEqualTo(3540);
        assertThat(result.fills()).hasSize(ref.fillPrices.size());
        for (int i = 0; i < ref.fillPrices.size(); i++) {
            assertThat(result.fills().get(i).price().toBigDecimal()).isEqualByComparingTo(ref.fillPrices.get(i));
            assertThat(result.fills().get(i).timestamp()).isEqualTo(ref.fillTimes.get(i));
        }
        assertThat(result.trades()).hasSize(ref.closedTrades);
        assertThat(result.finalEquity().toBigDecimal()).isEqualByComparingTo(ref.finalEquity);
        assertThat(result.feesPaid().toBigDecimal()).isEqualByComparingTo(ref.fees);
        // One point per bar, after the initial equity at the start (the first bar's open time).
        assertThat(result.equityCurve().size()).isEqualTo(ref.dailyEquity.size() + 1);

        // Figures of this run, from the reference above and confirmed by a separate Python/Decimal script over
        // the shared file (62 round trips, 28 winners, 125 fills with the last position still open).
        assertThat(ref.closedTrades).isEqualTo(EXPECTED_TRADES);
        assertThat(ref.finalEquity).isEqualByComparingTo(EXPECTED_FINAL_EQUITY);
        assertThat(ref.fees).isEqualByComparingTo(EXPECTED_FEES);

        Metrics metrics = result.metrics(365);
        double[] equity = ref.dailyEquity.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        assertThat(metrics.totalReturn()).isCloseTo(equity[equity.length - 1] / equity[0] - 1, within(1e-12));
        assertThat(metrics.maxDrawdown()).isCloseTo(maxDrawdown(equity), within(1e-12));
        assertThat(metrics.tradeCount()).isEqualTo(ref.closedTrades);
        assertThat(metrics.winningTrades()).isEqualTo(ref.winningTrades);

        Path report = result.writeReport(dir.resolve("ma-crossover.html"), "BTC-USD 10/30 MA crossover", 365);
        assertThat(report).exists();
        assertThat(Files.isRegularFile(report)).isTrue();
    }

    private static List<Bar> bars() {
        return BarCsvReader.yahooDaily(BTC).asOf(AS_OF).read(csvPath()).events();
    }

    /** The run under test: 10/30 crossover, 1 BTC per trade, 10 bps fees, 100 000 USD. */
    private static BacktestResult run(List<Bar> bars) {
        return Backtest.builder()
                .initialCash(Money.of("100000", Currency.USD))
                .events(bars)
                .strategy(new MovingAverageCrossover(BTC, 10, 30, Quantity.of("1.0000")))
                .fees(FeeModel.bps("10"))
                .run();
    }

    private static double maxDrawdown(double[] equity) {
        double peak = equity[0];
        double worst = 0;
        for (double e : equity) {
            peak = Math.max(peak, e);
            worst = Math.max(worst, (peak - e) / peak);
        }
        return worst;
    }

    static final int EXPECTED_TRADES = 62;
    static final BigDecimal EXPECTED_FINAL_EQUITY = new BigDecimal("160935.909600");
    static final BigDecimal EXPECTED_FEES = new BigDecimal("2085.880400");

    /**
     * Checked by hand in the file: on the 2014-10-17 close the 10-day average (377.275) is below the 30-day
     * (381.660); on the 2014-10-18 close it is above (381.125 > 380.560), so the first buy fills at the
     * 2014-10-19 open, 391.253998 rounded half-even to 391.25, with a fee of 0.39125 (10 bps).
     */
    @Test
    void firstTradeIsTheOneReadOffTheFile() {
        BacktestResult result = run(bars());
        assertThat(result.fills().get(0).timestamp()).isEqualTo(Instant.parse("2014-10-19T00:00:00Z"));
        assertThat(result.fills().get(0).price().toString()).isEqualTo("391.25");
        assertThat(result.fills().get(0).fee().toBigDecimal()).isEqualByComparingTo("0.39125");
        assertThat(result.trades().get(0).entryTime()).isEqualTo(Instant.parse("2014-10-19T00:00:00Z"));
        assertThat(result.metrics(365).winningTrades()).isEqualTo(28);
    }

    /**
     * Straight from the CSV text with BigDecimal: prices rounded half-even to cents, the unfinished last row
     * dropped, SMA crossings compared exactly, each order filled at the next row's open, fees 10 bps of the
     * notional rounded half-up to 6 decimals, equity = cash + position × close.
     */
    static final class Reference {
        final List<BigDecimal> fillPrices = new ArrayList<>();
        final List<Instant> fillTimes = new ArrayList<>();
        final List<BigDecimal> dailyEquity = new ArrayList<>();
        int closedTrades;
        int winningTrades;
        BigDecimal finalEquity;
        BigDecimal fees = BigDecimal.ZERO;

        static Reference compute(String csv) {
            String[] lines = csv.split("\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length - 1; i++) {
                rows.add(lines[i].split(","));
            }
            Reference ref = new Reference();
            BigDecimal cash = new BigDecimal("100000");
            BigDecimal position = BigDecimal.ZERO;
            BigDecimal entryCost = BigDecimal.ZERO;
            BigDecimal feeRate = new BigDecimal("0.0010");
            int pending = 0;
            int state = 0;
            List<BigDecimal> closes = new ArrayList<>();
            for (String[] row : rows) {
                BigDecimal open = new BigDecimal(row[1]).setScale(2, RoundingMode.HALF_EVEN);
                BigDecimal close = new BigDecimal(row[4]).setScale(2, RoundingMode.HALF_EVEN);
                if (pending != 0) {
                    BigDecimal fee = open.multiply(BigDecimal.ONE).multiply(feeRate).setScale(6, RoundingMode.HALF_UP);
                    ref.fees = ref.fees.add(fee);
                    ref.fillPrices.add(open);
                    ref.fillTimes.add(Instant.parse(row[0] + "T00:00:00Z"));
                    if (pending > 0) {
                        cash = cash.subtract(open).subtract(fee);
                        position = BigDecimal.ONE;
                        entryCost = open.add(fee);
                    } else {
                        cash = cash.add(open).subtract(fee);
                        position = BigDecimal.ZERO;
                        ref.closedTrades++;
                        if (open.subtract(fee).compareTo(entryCost) > 0) {
                            ref.winningTrades++;
                        }
                    }
                    pending = 0;
                }
                closes.add(close);
                ref.dailyEquity.add(cash.add(position.multiply(close)));
                int n = closes.size();
                if (n < 30) {
                    continue;
                }
                BigDecimal fastSum = sum(closes.subList(n - 10, n));
                BigDecimal slowSum = sum(closes.subList(n - 30, n));
                int next = fastSum.multiply(BigDecimal.valueOf(30)).compareTo(slowSum.multiply(BigDecimal.TEN)) > 0
                        ? 1 : -1;
                if (state != 0 && next != state) {
                    if (next > 0 && position.signum() == 0) {
                        pending = 1;
                    } else if (next < 0 && position.signum() > 0) {
                        pending = -1;
                    }
                }
                state = next;
            }
            ref.finalEquity = ref.dailyEquity.get(ref.dailyEquity.size() - 1);
            return ref;
        }

        private static BigDecimal sum(List<BigDecimal> values) {
            BigDecimal s = BigDecimal.ZERO;
            for (BigDecimal v : values) {
                s = s.add(v);
            }
            return s;
        }
    }

    @Test
    void sumsThatWouldOverflowThrowInsteadOfWrapping() {
        Instrument big = Instrument.builder("BIG", Venue.SIM).assetClass(AssetClass.INDEX)
                .quoteCurrency(Currency.USD).pricePrecision(0).sizePrecision(0).build();
        // The averages overflow before any signal, so the strategy never needs a context here.
        StrategyContext context = null;
        MovingAverageCrossover strategy = new MovingAverageCrossover(big, 1, 3, Quantity.of("1"));
        strategy.onEvent(daily(big, 0, "9200000000000000000", "9200000000000000000", "9200000000000000000",
                "9200000000000000000"), context);
        strategy.onEvent(daily(big, 1, "1", "1", "1", "1"), context);
        // The slow sum of these three closes exceeds Long.MAX_VALUE; wrapped, it would read as a huge loss.
        assertThatThrownBy(() -> strategy.onEvent(daily(big, 2, "200000000000000000", "200000000000000000",
                "200000000000000000", "200000000000000000"), context)).isInstanceOf(ArithmeticException.class);
    }

    private static Path csvPath() {
        try {
            return Path.of(Objects.requireNonNull(MovingAverageCrossoverTest.class.getResource(CSV), CSV).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csvText() {
        try {
            return Files.readString(csvPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Bar daily(Instrument instrument, int day, String open, String high, String low, String close) {
        Instant openTime = Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofDays(day));
        return new Bar(instrument, openTime, openTime.plus(Duration.ofDays(1)), instrument.price(open),
                instrument.price(high), instrument.price(low), instrument.price(close), Quantity.of("1000"));
    }
}
