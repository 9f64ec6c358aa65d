package dev.tradingsdk.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final Instant T0 = Instant.parse("2023-11-01T00:00:00Z");

    private static EquityCurve curve() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD, 2);
        long equity = 10_000_00;
        for (int day = 0; day < 120; day++) {
            equity += (day % 7 == 3 ? -4_000 : 1_500) * (day % 5 + 1);
            b.add(T0.plus(Duration.ofDays(day)), Money.ofRaw(equity, 2, Currency.USD),
                    Money.ofRaw(day % 3 == 0 ? 0 : 500_00, 2, Currency.USD));
        }
        return b.build();
    }

    private static List<ClosedTrade> trades() {
        ClosedTrade shortTrip = new ClosedTrade("sim", InstrumentId.of("A<B>&\"C\"", "SIM"), PositionSide.SHORT,
                T0, T0.plusSeconds(86_400), Price.of("10.5"), Price.of("9.5"), Quantity.of("3"),
                Money.of("3.00", Currency.USD), Money.of("0.10", Currency.USD));
        ClosedTrade longTrip = new ClosedTrade("sim", InstrumentId.of("BTC-USD", "SIM"), PositionSide.LONG,
                T0.plusSeconds(86_400 * 3), T0.plusSeconds(86_400 * 9), Price.of("100"), Price.of("90"),
                Quantity.of("1"), Money.of("-10.00", Currency.USD), Money.of("0.20", Currency.USD));
        return List.of(shortTrip, longTrip);
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void writesOneSelfContainedWellFormedDocument(@TempDir Path dir) throws Exception {
        EquityCurve curve = curve();
        Metrics metrics = Metrics.compute(curve, trades(), Money.of("1000", Currency.USD),
                Money.of("0.30", Currency.USD), 365);
        Path file = HtmlReport.write(dir.resolve("out/report.html"), "Test <run> & \"quotes\"", curve, trades(),
                metrics);
        String html = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).contains("<title>Test &lt;run&gt; &amp; &quot;quotes&quot;</title>");
        assertThat(html).doesNotContain("<run>").contains("A&lt;B&gt;&amp;&quot;C&quot;.SIM");
        // nothing is fetched: no scripts, no external references of any kind
        assertThat(html).doesNotContain("<script", "src=", "@import", "url(", "<link", "<iframe", "<img");
        assertThat(count(html, "href=\"")).isEqualTo(count(html, "href=\"#"));
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:", "//");
        assertThat(count(html, "<svg ")).isEqualTo(5);
        assertThat(count(html, "</svg>")).isEqualTo(5);
        assertThat(html).contains("id=\"metrics\"", "id=\"equity-chart\"", "id=\"drawdown-chart\"",
                "id=\"monthly-returns\"", "id=\"trades\"");
        for (String tag : List.of("svg", "g", "text", "title")) {
            assertThat(count(html, "<" + tag + "[ >]")).as(tag).isEqualTo(count(html, "</" + tag + ">"));
        }
        for (String tag : List.of("table", "tr", "td", "th", "div", "h2")) {
            assertThat(count(html, "<" + tag + "[ >]")).as(tag).isEqualTo(count(html, "</" + tag + ">"));
        }
        String tradeTable = html.substring(html.indexOf("id=\"trades\""), html.indexOf("id=\"settings\""));
        assertThat(count(tradeTable, "<tr>")).isEqualTo(1 + 2);
        String monthly = html.substring(html.indexOf("id=\"monthly-returns\""), html.indexOf("id=\"yearly-returns\""));
        assertThat(monthly).contains("<th class=\"l\">2023</th>", "<th class=\"l\">2024</th>");
        assertThat(html).contains("<th class=\"l\">Sharpe</th>", "<th class=\"l\">Fees</th><td>0.30 USD</td>",
                "<th class=\"l\">Trades (closed)</th><td>2</td>");
    }

    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        int end = html.indexOf("<h2>", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void everyTearsheetSectionIsPresentWithABenchmarkPositionsSettingsAndCosts() {
        EquityCurve curve = curve();
        Metrics metrics = Metrics.compute(curve, trades(), Money.of("1000", Currency.USD),
                Money.of("0.30", Currency.USD), 365);
        List<Instant> times = new java.util.ArrayList<>();
        double[] values = new double[130];
        for (int day = -5; day < 125; day++) {
            times.add(T0.plus(Duration.ofDays(day)));
            values[day + 5] = 100 * Math.pow(1.01, day) * (1 + 0.02 * Math.sin(day));
        }
        OpenPosition open = new OpenPosition(InstrumentId.of("ETH-USD", "SIM"), PositionSide.LONG, Quantity.of("2"),
                Price.of("2000"), java.util.Optional.of(Price.of("2100")),
                java.util.Optional.of(Money.of("200", Currency.USD)), Money.zero(Currency.USD),
                Money.of("1", Currency.USD));
        String html = HtmlReport.builder("full", curve, metrics).trades(trades())
                .benchmark(Benchmark.of("Index", times, values)).logScale(true).openPositions(List.of(open))
                .setting("fees", "10 bps").setting("seed", "42").financing(Money.of("2.50", Currency.USD))
                .tokenCost(Money.of("0.75", Currency.USD)).rollingWindow(30).render();

        assertThat(section(html, "metrics")).contains("<th>Index</th>", "Excess return (total)", "Beta", "Correlation",
                "Alpha (annualized)", "Period win rate", "Max drawdown peak to trough");
        assertThat(section(html, "costs")).contains("<th class=\"l\">Fees</th><td>0.30 USD</td>",
                "<th class=\"l\">Financing</th><td>2.50 USD</td>", "<th class=\"l\">Token cost (LLM)</th><td>0.75 USD</td>",
                "<th class=\"l\">Total costs</th><td>3.55 USD</td>");
        String equity = section(html, "equity-chart");
        assertThat(equity).contains("data-scale=\"log\"", "data-series=\"Strategy\"", "data-series=\"Index\"",
                "class=\"legend\"", "class=\"axis-x\"", "class=\"axis-y\"");
        assertThat(count(equity, "class=\"grid\"")).isGreaterThanOrEqualTo(4);
        assertThat(section(html, "drawdown-chart")).contains("<polygon class=\"series\"");
        assertThat(section(html, "rolling-sharpe-chart")).contains("<polyline class=\"series\"");
        assertThat(section(html, "rolling-volatility-chart")).contains("<polyline class=\"series\"");
        assertThat(count(section(html, "return-distribution"), "<rect class=\"bar\"")).isGreaterThan(3);
        int drawdowns = count(section(html, "worst-drawdowns"), "<tr><td>");
        assertThat(drawdowns).isBetween(1, 5);
        assertThat(section(html, "yearly-returns")).contains("<th>Index</th><th>Excess</th>",
                "<th class=\"l\">2023</th>");
        assertThat(section(html, "open-positions")).contains("ETH-USD.SIM", "LONG", "2100", "200.00 USD");
        assertThat(section(html, "instruments")).contains("BTC-USD.SIM", "ETH-USD.SIM", "LONG 2, unrealized 200.00 USD");
        assertThat(section(html, "settings")).contains("<th class=\"l\">fees</th><td>10 bps</td>",
                "<th class=\"l\">seed</th><td>42</td>", "<th class=\"l\">Rolling window</th><td>30 periods</td>");
        assertThat(html).doesNotContain("The benchmark starts after");
    }

    @Test
    void undefinedFiguresReadNotApplicableNeverZero() {
        EquityCurve curve = curve();
        Metrics metrics = Metrics.compute(curve, List.of(), Money.zero(Currency.USD), Money.zero(Currency.USD), 365);
        String html = HtmlReport.builder("none", curve, metrics).render();
        assertThat(html).contains("<th class=\"l\">Average win</th><td>n/a</td>",
                "<th class=\"l\">Average loss</th><td>n/a</td>", "<th class=\"l\">Expectancy per trade</th><td>n/a</td>",
                "<th class=\"l\">Trade win rate</th><td>n/a</td>", "No closed trades.", "None: the run ended flat.");
    }

    @Test
    void conflictingOptionsAreRefusedNamingBoth() {
        EquityCurve curve = curve();
        Metrics metrics = Metrics.compute(curve, List.of(), Money.zero(Currency.USD), Money.zero(Currency.USD), 365);
        HtmlReport.Builder b = HtmlReport.builder("x", curve, metrics).setting("fees", "10 bps")
                .tokenCost(Money.of("1", Currency.USD));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.setting("fees", "5 bps"))
                .hasMessage("setting fees already \"10 bps\"; cannot also be \"5 bps\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.tokenCost(Money.of("2", Currency.USD)))
                .hasMessage("tokenCost already set to 1.00 USD; cannot also set 2.00 USD");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.financing(Money.of("2", Currency.EUR)))
                .hasMessageContaining("not in the curve's currency USD");
    }

    @Test
    void theWorstDrawdownsAreFoundWithTheirRecovery() {
        double[] v = {100, 90, 95, 101, 80, 85, 102, 99, 100};
        List<dev.tradingsdk.core.analytics.internal.Drawdowns.Period> worst =
                dev.tradingsdk.core.analytics.internal.Drawdowns.worst(v, 5);
        assertThat(worst).containsExactly(
                new dev.tradingsdk.core.analytics.internal.Drawdowns.Period(3, 4, 6, 1 - 80 / 101.0),
                new dev.tradingsdk.core.analytics.internal.Drawdowns.Period(0, 1, 3, 1 - 90 / 100.0),
                new dev.tradingsdk.core.analytics.internal.Drawdowns.Period(6, 7, -1, 1 - 99 / 102.0));
    }

    @Test
    void aBenchmarkEqualToTheStrategyHasBetaOneAndNoExcess() {
        EquityCurve curve = curve();
        List<Instant> times = new java.util.ArrayList<>();
        for (int i = 0; i < curve.size(); i++) {
            times.add(curve.time(i));
        }
        ReturnMetrics r = ReturnMetrics.of(curve.returns(), 365);
        BenchmarkMetrics same = BenchmarkMetrics.compute(curve, Benchmark.of("self", times, curve.equityValues()), r);
        assertThat(same.beta()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(same.correlation()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(same.excessReturn()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(same.alpha()).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void monthlyReturnsChainToTheTotal() {
        EquityCurve curve = curve();
        java.util.Map<java.time.YearMonth, Double> monthly =
                dev.tradingsdk.core.analytics.internal.MonthlyReturns.of(curve);
        double growth = 1;
        for (double r : monthly.values()) {
            growth *= 1 + r;
        }
        double[] equity = curve.equityValues();
        assertThat(growth - 1).isCloseTo(equity[equity.length - 1] / equity[0] - 1,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(monthly).hasSize(5);
    }
}
