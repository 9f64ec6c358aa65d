package dev.tradingsdk.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.analytics.HtmlReport;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayAndDeterminismTest {

    private static List<Bar> btc() {
        return BarCsvReader.yahooDaily(TestData.BTC).read(TestData.path("btc_usd_daily_yahoo.csv")).events();
    }

    private static List<Bar> eth() {
        return BarCsvReader.yahooDaily(TestData.ETH).read(TestData.path("eth_usd_daily_yahoo_excerpt.csv"))
                .events();
    }

    @Test
    void twoInstrumentsAreMergedInTimeOrderWithTiesInSourceOrder() {
        List<Bar> btc = btc().subList(2600, 2700);
        List<Bar> eth = eth();
        MarketReplay replay = MarketReplay.of(List.of(eth.iterator(), btc.iterator()));
        SimulatedClock clock = new SimulatedClock();
        List<MarketEvent> seen = new ArrayList<>();
        replay.replayTo(clock, event -> {
            assertThat(clock.now()).isEqualTo(event.timestamp());
            seen.add(event);
        });
        assertThat(seen).hasSize(140);
        for (int i = 1; i < seen.size(); i++) {
            MarketEvent a = seen.get(i - 1);
            MarketEvent b = seen.get(i);
            assertThat(a.timestamp()).isBeforeOrEqualTo(b.timestamp());
            if (a.timestamp().equals(b.timestamp())) {
                assertThat(a.instrument()).isEqualTo(TestData.ETH);
                assertThat(b.instrument()).isEqualTo(TestData.BTC);
            }
        }
        assertThat(clock.now()).isEqualTo(btc.get(99).timestamp());
    }

    @Test
    void aSourceGoingBackInTimeIsRefused() {
        List<Bar> bars = new ArrayList<>(eth().subList(0, 3));
        bars.add(eth().get(0));
        Iterator<Bar> source = bars.iterator();
        MarketReplay replay = MarketReplay.of(List.of(source));
        assertThatThrownBy(() -> {
            while (replay.hasNext()) {
                replay.next();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("goes back in time");
    }

    private static BacktestResult run(long seed, List<Progress> progress) {
        return Backtest.builder()
                .initialCash(Money.of("100000", Currency.USD))
                .events(btc())
                .events(eth())
                .strategy(new EmaCrossover(TestData.BTC, 5, 20, Quantity.of("0.5")))
                .fees(FeeModel.bps("7.5"))
                .slippage(SlippageModel.randomTicks(500))
                .seed(seed)
                .progress(progress::add, 1000)
                .run();
    }

    private static String fingerprint(BacktestResult result) {
        StringBuilder sb = new StringBuilder();
        result.fills().forEach(f -> sb.append(f).append('\n'));
        result.trades().forEach(t -> sb.append(t).append('\n'));
        sb.append(result.finalEquity());
        for (int i = 0; i < result.equityCurve().size(); i++) {
            sb.append(result.equityCurve().epochNanos(i)).append(',').append(result.equityCurve().equityRaw(i))
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void sameInputsAndSeedGiveByteIdenticalResultsAndReports() {
        List<Progress> progress = new ArrayList<>();
        BacktestResult a = run(7, progress);
        BacktestResult b = run(7, new ArrayList<>());
        BacktestResult other = run(8, new ArrayList<>());
        assertThat(fingerprint(a)).isEqualTo(fingerprint(b));
        assertThat(fingerprint(a)).isNotEqualTo(fingerprint(other));
        String reportA = HtmlReport.render("run", a.equityCurve(), a.trades(), a.metrics(365));
        String reportB = HtmlReport.render("run", b.equityCurve(), b.trades(), b.metrics(365));
        assertThat(reportA).isEqualTo(reportB);

        // 3541 + 40 events: three reports every 1000 and a final one
        assertThat(progress).extracting(Progress::eventsProcessed).containsExactly(1000L, 2000L, 3000L, 3581L);
        assertThat(progress).allSatisfy(p -> assertThat(p.totalEvents()).isEqualTo(3581));
        assertThat(progress.get(3).finished()).isTrue();
        assertThat(progress.get(3).fraction()).contains(1.0);
        assertThat(progress.get(0).eta()).isPresent();
        assertThat(progress.get(3).simulatedTime()).isEqualTo(Instant.parse("2024-05-28T00:00:00Z"));
        assertThat(progress.get(1).toBar(20)).startsWith("[###########.........]  55.9%").contains("2,000 events");
    }
}
