package dev.tradingsdk.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import java.io.StringReader;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarCsvReaderTest {

    private static final Instant AS_OF = Instant.parse("2024-05-27T12:00:00Z");

    private static Bar on(List<Bar> bars, String date) {
        Instant open = Instant.parse(date + "T00:00:00Z");
        return bars.stream().filter(b -> b.openTime().equals(open)).findFirst().orElseThrow();
    }

    @Test
    void yahooDailyBarsCoverAUtcDayAndRoundToTheInstrumentPrecision() {
        LoadedData<Bar> data = BarCsvReader.yahooDaily(TestData.BTC).read(TestData.path("btc_usd_daily_yahoo.csv"));
        List<Bar> bars = data.events();
        assertThat(bars).hasSize(3541);
        assertThat(data.warnings()).isEmpty();
        Bar first = bars.get(0);
        assertThat(first.openTime()).isEqualTo(Instant.parse("2014-09-17T00:00:00Z"));
        assertThat(first.closeTime()).isEqualTo(Instant.parse("2014-09-18T00:00:00Z"));
        assertThat(first.timestamp()).isEqualTo(first.closeTime());
        // 465.864014 → 465.86; the SOURCES sanity values, rounded half-even: 68789.625000 is a tie and goes to
        // the even cent, 68789.62 (SOURCES.md quotes it rounded half-up, 68789.63)
        assertThat(first.open().toString()).isEqualTo("465.86");
        assertThat(on(bars, "2018-12-15").close().toString()).isEqualTo("3236.76");
        assertThat(on(bars, "2021-11-10").high().toString()).isEqualTo("68789.62");
        assertThat(BarCsvReader.yahooDaily(TestData.BTC).priceRounding(RoundingMode.HALF_UP)
                .read(TestData.path("btc_usd_daily_yahoo.csv")).events().stream()
                .filter(b -> b.openTime().equals(Instant.parse("2021-11-10T00:00:00Z"))).findFirst().orElseThrow()
                .high().toString()).isEqualTo("68789.63");
    }

    @Test
    void unfinishedLastDayIsSkippedWhenTheDownloadTimeIsKnown() {
        LoadedData<Bar> data = BarCsvReader.yahooDaily(TestData.BTC).asOf(AS_OF)
                .read(TestData.path("btc_usd_daily_yahoo.csv"));
        assertThat(data.events()).hasSize(3540);
        assertThat(data.events().get(3539).openTime()).isEqualTo(Instant.parse("2024-05-26T00:00:00Z"));
        assertThat(data.warnings()).singleElement().asString().contains("unfinished");
    }

    @Test
    void strictRoundingRejectsExtraDecimalsNamingLineAndColumn() {
        assertThatThrownBy(() -> BarCsvReader.yahooDaily(TestData.BTC).priceRounding(RoundingMode.UNNECESSARY)
                .read(TestData.path("btc_usd_daily_yahoo.csv")))
                .isInstanceOf(MarketDataFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("open").hasMessageContaining("465.864014");
    }

    @Test
    void binanceRepeatsAreSkippedOrSupersededByTheLaterRow() {
        LoadedData<Bar> data = BarCsvReader.binanceKlines(TestData.BTC, Duration.ofHours(1))
                .read(TestData.path("btcusdt_1h_binance_excerpt.csv"));
        assertThat(data.events()).hasSize(20);
        assertThat(data.warnings()).anySatisfy(w -> assertThat(w).contains("line 8").contains("repeats line 7"));
        assertThat(data.warnings()).anySatisfy(w -> assertThat(w).contains("line 20: skipped")
                .contains("supersedes"));
        Bar superseded = data.events().stream()
                .filter(b -> b.openTime().equals(Instant.ofEpochMilli(1711094400000L))).findFirst().orElseThrow();
        assertThat(superseded.close().toString()).isEqualTo("65858.68");
        assertThat(superseded.volume().toString()).isEqualTo("1391.3680");
        // the excerpt jumps from line 1006 to 7090 of the original file: one gap warning
        assertThat(data.warnings()).filteredOn(w -> w.contains("gap")).hasSize(1);
    }

    @Test
    void newestFirstKlinesAreSortedAndTheMaintenanceGapIsReported() {
        Instrument btc8 = Instrument.builder("BTCUSDT", Venue.of("BINANCE")).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USDT).pricePrecision(2).sizePrecision(6).build();
        LoadedData<Bar> data = BarCsvReader.binanceKlines(btc8, Duration.ofHours(1))
                .read(TestData.path("btcusdt_1h_binance_klines_excerpt.csv"));
        List<Bar> bars = data.events();
        assertThat(bars).hasSize(13);
        assertThat(bars).isSortedAccordingTo((a, b) -> a.openTime().compareTo(b.openTime()));
        assertThat(data.warnings()).anySatisfy(w -> assertThat(w).contains("sorted ascending"));
        assertThat(data.warnings()).anySatisfy(w -> assertThat(w)
                .contains("gap from 2020-06-28T02:00:00Z to 2020-06-28T05:00:00Z"));
        assertThat(bars.get(0).openTime()).isEqualTo(Instant.parse("2020-06-27T21:00:00Z"));
        assertThat(bars.get(0).open().toString()).isEqualTo("8953.20");
    }

    @Test
    void closeOutsideTheRangeIsKeptWithAWarning() {
        Instrument eurusd = Instrument.builder("EURUSD", Venue.SIM).assetClass(AssetClass.FX)
                .quoteCurrency(Currency.USD).pricePrecision(5).sizePrecision(0).build();
        LoadedData<Bar> data = BarCsvReader.yahooDaily(eurusd).read(TestData.path("eurusd_daily_yahoo_excerpt.csv"));
        assertThat(data.events()).hasSize(7);
        assertThat(data.warnings()).anySatisfy(w -> assertThat(w).contains("line 6").contains("outside"));
        Bar quirk = on(data.events(), "2004-04-21");
        assertThat(quirk.close().toString()).isEqualTo("1.18100");
        assertThat(quirk.low().toString()).isEqualTo("1.18210");
    }

    @Test
    void brokenRowsAreRejectedAndNullRowsSkipped() {
        String header = "Date,Open,High,Low,Close,Adj Close,Volume\n";
        assertThatThrownBy(() -> BarCsvReader.yahooDaily(TestData.BTC).read(new StringReader(header
                + "2020-01-01,1,2,3,1.5,1.5,10\n"), "t.csv"))
                .isInstanceOf(MarketDataFormatException.class).hasMessageContaining("t.csv line 2")
                .hasMessageContaining("high is below low");
        assertThatThrownBy(() -> BarCsvReader.yahooDaily(TestData.BTC).read(new StringReader(header
                + "2020-01-01,1,2,0.5,abc,1.5,10\n"), "t.csv"))
                .isInstanceOf(MarketDataFormatException.class).hasMessageContaining("close")
                .hasMessageContaining("\"abc\"");
        assertThatThrownBy(() -> BarCsvReader.yahooDaily(TestData.BTC).read(new StringReader(header
                + "01/02/2020,1,2,0.5,1,1,10\n"), "t.csv"))
                .isInstanceOf(MarketDataFormatException.class).hasMessageContaining("date");
        assertThatThrownBy(() -> BarCsvReader.yahooDaily(TestData.BTC).read(new StringReader(header
                + "2020-01-01,1,2\n"), "t.csv"))
                .isInstanceOf(MarketDataFormatException.class).hasMessageContaining("3 fields");
        LoadedData<Bar> data = BarCsvReader.yahooDaily(TestData.BTC).read(new StringReader(header
                + "2020-01-01,null,null,null,null,null,null\n2020-01-02,1,2,0.5,1,1,10\n"), "t.csv");
        assertThat(data.events()).hasSize(1);
        assertThat(data.warnings()).singleElement().asString().contains("null");
    }
}
