package dev.tradingsdk.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
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

    private static List<Trade> trades() {
        return List.of(new Trade(InstrumentId.of("A<B>&\"C\"", "SIM"), PositionSide.SHORT, T0, T0.plusSeconds(86_400),
                Price.of("10.5"), Price.of("9.5"), Quantity.of("3"), Money.of("3.00", Currency.USD),
                Money.of("0.10", Currency.USD)), new Trade(InstrumentId.of("BTC-USD", "SIM"), PositionSide.LONG,
                T0.plusSeconds(86_400 * 3), T0.plusSeconds(86_400 * 9), Price.of("100"), Price.of("90"),
                Quantity.of("1"), Money.of("-10.00", Currency.USD), Money.of("0.20", Currency.USD)));
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
        assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:", "https:");
        assertThat(count(html, "<svg ")).isEqualTo(2);
        assertThat(count(html, "</svg>")).isEqualTo(2);
        assertThat(html).contains("id=\"metrics\"", "id=\"equity-chart\"", "id=\"drawdown-chart\"",
                "id=\"monthly-returns\"", "id=\"trades\"");
        for (String tag : List.of("table", "tr", "td", "th", "div", "h2")) {
            assertThat(count(html, "<" + tag + "[ >]")).as(tag).isEqualTo(count(html, "</" + tag + ">"));
        }
        String tradeTable = html.substring(html.indexOf("id=\"trades\""));
        assertThat(count(tradeTable, "<tr>")).isEqualTo(1 + 2);
        String monthly = html.substring(html.indexOf("id=\"monthly-returns\""), html.indexOf("id=\"trades\""));
        assertThat(monthly).contains("<th class=\"l\">2023</th>", "<th class=\"l\">2024</th>");
        assertThat(html).contains("<th class=\"l\">Sharpe</th>", "<th class=\"l\">Fees paid</th><td>0.30 USD</td>",
                "<th class=\"l\">Trades</th><td>2</td>");
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
