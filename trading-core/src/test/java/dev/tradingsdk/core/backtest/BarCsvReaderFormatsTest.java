package dev.tradingsdk.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files as users have them: headerless microsecond dumps, other headers, quoting, CRLF, streaming. */
class BarCsvReaderFormatsTest {

    private static final Instrument BTCUSDT = Instrument.builder("BTCUSDT", Venue.of("BINANCE"))
            .assetClass(AssetClass.CRYPTO).quoteCurrency(Currency.USDT).pricePrecision(2).sizePrecision(6).build();
    private static final Instrument AAPL = Instrument.builder("AAPL", Venue.SIM).assetClass(AssetClass.EQUITY)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();
    private static final String DUMP_2025 = "binance_btcusdt_1m_2025-01-01_spot_headerless.csv";
    /** The 2020 example row of binance/binance-public-data's README (headerless spot kline, milliseconds). */
    private static final String ROW_2020 = "1601510340000,4.15070000,4.15870000,4.15060000,4.15540000,539.23000000,"
            + "1601510399999,2240.39860900,13,401.82000000,1669.98121300,0\n";

    @Test
    void headerlessMicrosecondSpotDumpReadsAs2025() {
        LoadedData<Bar> data = BarCsvReader.binanceKlines(BTCUSDT, Duration.ofMinutes(1)).read(TestData.path(DUMP_2025));
        Bar bar = data.events().get(0);
        assertThat(data.events()).hasSize(1);
        assertThat(bar.openTime()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(bar.closeTime()).isEqualTo(Instant.parse("2025-01-01T00:01:00Z"));
        assertThat(bar.open().toString()).isEqualTo("93576.00");
        assertThat(bar.high().toString()).isEqualTo("93610.93");
        assertThat(bar.low().toString()).isEqualTo("93537.50");
        assertThat(bar.volume().toString()).isEqualTo("8.218270");
        assertThat(data.warnings()).isEmpty();
    }

    @Test
    void microsecondsReadAsMillisecondsAreRefusedInsteadOfBecomingTheYear56971() {
        assertThatThrownBy(() -> BarCsvReader.binanceKlines(BTCUSDT, Duration.ofMinutes(1))
                .epochUnit(ChronoUnit.MILLIS).read(TestData.path(DUMP_2025)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageContaining(DUMP_2025 + " line 1 column open_time value \"1735689600000000\"")
                .hasMessageContaining("+56971").hasMessageContaining("plausible range")
                .hasMessageContaining("epoch unit");
    }

    @Test
    void aWrongIntervalIsCaughtByBinancesCloseTime() {
        assertThatThrownBy(() -> BarCsvReader.binanceKlines(BTCUSDT, Duration.ofHours(1))
                .read(TestData.path(DUMP_2025)))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageContaining("column close_time value \"1735689659999999\"")
                .hasMessageContaining("is the interval right?");
    }

    @Test
    void millisecondAndMicrosecondDumpsConcatenatedReadInOrder() {
        String text = ROW_2020 + TestData.text(DUMP_2025);
        List<Bar> bars = BarCsvReader.binanceKlines(BTCUSDT, Duration.ofMinutes(1))
                .read(new StringReader(text), "concat.csv").events();
        assertThat(bars).extracting(Bar::openTime).containsExactly(Instant.parse("2020-09-30T23:59:00Z"),
                Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(bars.get(0).close().toString()).isEqualTo("4.16");
    }

    @Test
    void aHeaderlessRowWithTheWrongFieldCountIsRefused() {
        assertThatThrownBy(() -> BarCsvReader.binanceKlines(BTCUSDT, Duration.ofMinutes(1))
                .read(new StringReader("1735689600000000,1,2,0.5,1.5,3\n"), "short.csv"))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageContaining("short.csv line 1").hasMessageContaining("has 6 fields, the format has 12");
    }

    @Test
    void aLowerCaseDateHeaderIsReadByTheGenericReader() {
        LoadedData<Bar> data = BarCsvReader.ohlcv(AAPL, Duration.ofDays(1))
                .read(TestData.path("aapl_daily_yahoo_excerpt.csv"));
        assertThat(data.events()).hasSize(11);
        Bar first = data.events().get(0);
        assertThat(first.openTime()).isEqualTo(Instant.parse("2024-07-15T00:00:00Z"));
        // 236.47999572753906 at 2 decimals, half-even
        assertThat(first.open().toString()).isEqualTo("236.48");
        assertThat(first.volume().toString()).isEqualTo("62631300");
    }

    @Test
    void anHourlyFileWithADateColumnOfDateTimesIsRead() {
        String text = "date,open,high,low,close,volume\n"
                + "2024-03-01 13:00:00,61000.5,61200,60900,61100,12.5\n"
                + "2024-03-01T14:00:00Z,61100,61300,61000,61250,10\n"
                + "2024-03-01T16:00:00+01:00,61250,61400,61200,61300,8\n";
        LoadedData<Bar> data = BarCsvReader.ohlcv(TestData.BTC, Duration.ofHours(1))
                .read(new StringReader(text), "hourly.csv");
        assertThat(data.events()).extracting(Bar::openTime).containsExactly(Instant.parse("2024-03-01T13:00:00Z"),
                Instant.parse("2024-03-01T14:00:00Z"), Instant.parse("2024-03-01T15:00:00Z"));
        assertThat(data.warnings()).isEmpty();
    }

    @Test
    void epochSecondsArePreferredOverALocalTimeColumnAndColumnsCanBeNamed() {
        // the Chainlink file has epoch_sec (UTC) and time (New York local time); no volume, so ticks stands in
        List<Bar> bars = BarCsvReader.ohlcv(TestData.BTC, Duration.ofSeconds(1))
                .columns("epoch_sec", "open", "high", "low", "close", "ticks")
                .read(TestData.path("chainlink_btc_usd_1s_excerpt.csv")).events();
        assertThat(bars).hasSize(10);
        assertThat(bars.get(0).openTime()).isEqualTo(Instant.parse("2026-01-02T23:53:08Z"));
        assertThat(bars.get(0).open().toString()).isEqualTo("89903.96");
        assertThatThrownBy(() -> BarCsvReader.ohlcv(TestData.BTC, Duration.ofSeconds(1))
                .read(TestData.path("chainlink_btc_usd_1s_excerpt.csv")))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageContaining("column volume|vol|v|base_volume").hasMessageContaining("required column missing")
                .hasMessageContaining("epoch_sec");
    }

    @Test
    void oneColumnForTwoRolesIsRefusedNamingBoth() {
        assertThatThrownBy(() -> BarCsvReader.ohlcv(TestData.BTC, Duration.ofDays(1))
                .columns("t", "price", "high", "low", "PRICE", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("open and close both name column \"PRICE\"");
    }

    @Test
    void quotedFieldsCrlfAndAByteOrderMarkAreRead() {
        String text = "\uFEFF\"Date\",\"Open\",\"High\",\"Low\",\"Close\",\"Adj Close\",\"Volume\",\"Note\"\r\n"
                + "\"2024-01-01\",\"42283.58\",\"44184.10\",\"42180.77\",\"44179.55\",\"44179.55\",\"27174\","
                + "\"new year, \"\"quiet\"\"\"\r\n";
        LoadedData<Bar> data = BarCsvReader.yahooDaily(TestData.BTC).read(new StringReader(text), "quoted.csv");
        assertThat(data.events()).singleElement().satisfies(bar -> {
            assertThat(bar.openTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
            assertThat(bar.close().toString()).isEqualTo("44179.55");
        });
    }

    @Test
    void brokenQuotingIsRefusedNamingTheLine() {
        String text = "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-01,1,2,0.5,1,1,10\n"
                + "2024-01-02,\"1,2,0.5,1,1,10\n";
        assertThatThrownBy(() -> BarCsvReader.yahooDaily(TestData.BTC).read(new StringReader(text), "bad.csv"))
                .isInstanceOf(MarketDataFormatException.class).hasMessageContaining("bad.csv line 3")
                .hasMessageContaining("not valid CSV");
    }

    @Test
    void datesOutsideAConfiguredRangeAreRefused() {
        assertThatThrownBy(() -> BarCsvReader.yahooDaily(TestData.BTC)
                .plausibleRange(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"))
                .read(TestData.path("btc_usd_daily_yahoo.csv")))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageContaining("line 2 column Date value \"2014-09-17\"")
                .hasMessageContaining("outside the plausible range");
        assertThatThrownBy(() -> BarCsvReader.yahooDaily(TestData.BTC)
                .plausibleRange(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2015-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be before latest");
        assertThatThrownBy(() -> BarCsvReader.yahooDaily(TestData.BTC).epochUnit(ChronoUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was Days");
    }

    @Test
    void streamingGivesTheSameBarsAsReadingAndRefusesAFileOutOfOrder() {
        BarCsvReader reader = BarCsvReader.binanceKlines(TestData.BTC, Duration.ofHours(1));
        LoadedData<Bar> read = reader.read(TestData.path("btcusdt_1h_binance_excerpt.csv"));
        List<Bar> streamed = new ArrayList<>();
        try (BarStream stream = reader.stream(TestData.path("btcusdt_1h_binance_excerpt.csv"))) {
            stream.forEachRemaining(streamed::add);
            assertThat(stream.warnings()).isEqualTo(read.warnings());
        }
        assertThat(streamed).isEqualTo(read.events());

        try (BarStream newestFirst = reader.stream(TestData.path("btcusdt_1h_binance_klines_excerpt.csv"))) {
            assertThatThrownBy(() -> newestFirst.forEachRemaining(bar -> { }))
                    .isInstanceOf(MarketDataFormatException.class)
                    .hasMessageContaining("goes back in time").hasMessageContaining("read() sorts");
        }
    }
}
