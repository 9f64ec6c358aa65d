package dev.tradingsdk.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.backtest.Backtest;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.backtest.BarCsvReader;
import dev.tradingsdk.core.backtest.EmaCrossover;
import dev.tradingsdk.core.backtest.FeeModel;
import dev.tradingsdk.core.backtest.SlippageModel;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The flagship report (the BTC-USD 10/30 EMA crossover of the tests' strategy over ten years of real daily bars,
 * against buy-and-hold, on a log scale) checked twice: its SVG parsed as XML without a browser, and, where Debian's
 * {@code /usr/bin/chromium} is installed, rendered by headless Chromium to a PNG whose pixels must show every
 * chart's own colour.
 */
class FlagshipReportTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static String html;

    @BeforeAll
    static void render() throws Exception {
        Instrument btc = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        Path csv = Path.of(Objects.requireNonNull(FlagshipReportTest.class.getResource("/data/btc_usd_daily_yahoo.csv"))
                .toURI());
        List<Bar> bars = BarCsvReader.yahooDaily(btc).asOf(Instant.parse("2024-05-27T12:00:00Z")).read(csv).events();
        BacktestResult result = Backtest.builder().initialCash(Money.of("100000", Currency.USD)).events(bars)
                .strategy(new EmaCrossover(btc, 10, 30, Quantity.of("1"))).fees(FeeModel.bps("10"))
                .slippage(SlippageModel.ticks(1)).latency(Duration.ZERO).run();
        html = HtmlReport.builder("BTC-USD 10/30 EMA crossover", result.equityCurve(), result.metrics(365))
                .trades(result.trades()).benchmark(Benchmark.buyAndHold("BTC-USD buy and hold", bars))
                .logScale(true).openPositions(OpenPosition.of(result.portfolio()))
                .setting("data", "btc_usd_daily_yahoo.csv, 3540 finished days").setting("fees", "10 bps")
                .setting("slippage", "1 tick").setting("latency", "0").render();
    }

    private static List<Element> svgs() throws Exception {
        List<Element> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        while (m.find()) {
            Document doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                    m.group().getBytes(StandardCharsets.UTF_8)));
            out.add(doc.getDocumentElement());
        }
        return out;
    }

    private static int count(Element svg, String tag, String cssClass) {
        NodeList nodes = svg.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < nodes.getLength(); i++) {
            if (cssClass == null || cssClass.equals(((Element) nodes.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void everyChartIsWellFormedSvgWithAxesAndData() throws Exception {
        List<Element> svgs = svgs();
        assertThat(svgs).hasSize(5);
        for (Element svg : svgs) {
            assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(count(svg, "g", "axis-y")).isEqualTo(1);
            assertThat(count(svg, "g", "axis-x")).isEqualTo(1);
            assertThat(count(svg, "text", null)).as("tick labels").isGreaterThanOrEqualTo(6);
        }
        Element equity = svgs.get(0);
        assertThat(equity.getAttribute("data-scale")).isEqualTo("log");
        assertThat(count(equity, "polyline", "series")).isEqualTo(2);
        // ten years of daily samples on a log axis: year ticks, and decade ticks 10,000 .. 1,000,000
        assertThat(html).contains(">2016</text>", ">2020</text>", ">2024</text>");
        assertThat(count(equity, "line", "grid")).isGreaterThanOrEqualTo(8);
        assertThat(count(svgs.get(1), "polygon", "series")).isEqualTo(1);
        assertThat(count(svgs.get(4), "rect", "bar")).isGreaterThan(10);
        String points = ((Element) equity.getElementsByTagName("polyline").item(0)).getAttribute("points");
        assertThat(points.split(" ").length).as("downsampled to pixel columns").isBetween(500, 2000);
        assertThat(html).contains("BTC-USD buy and hold", "Excess return (total)");
    }

    @Test
    void headlessChromiumDrawsEveryChart(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Debian's chromium is not installed (apt-get install -y chromium)");
        Path page = dir.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path png = dir.resolve("report.png");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                "--screenshot=" + png, "--window-size=1100,3600", page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1100);
        String[] colors = {HtmlReport.STRATEGY_COLOR, HtmlReport.BENCHMARK_COLOR, HtmlReport.DRAWDOWN_COLOR,
            HtmlReport.SHARPE_COLOR, HtmlReport.VOLATILITY_COLOR, HtmlReport.DISTRIBUTION_COLOR};
        int[] counts = new int[colors.length];
        int[] firstRow = new int[colors.length];
        java.util.Arrays.fill(firstRow, -1);
        for (int y = 0; y < image.getHeight(); y++) {
            int[] row = new int[colors.length];
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                for (int c = 0; c < colors.length; c++) {
                    if (near(rgb, colors[c])) {
                        row[c]++;
                    }
                }
            }
            for (int c = 0; c < colors.length; c++) {
                counts[c] += row[c];
                // a chart's first row with a run of its colour (a legend swatch is 14 px wide)
                if (firstRow[c] < 0 && row[c] >= 10) {
                    firstRow[c] = y;
                }
            }
        }
        String keep = System.getProperty("report.screenshot");
        if (keep != null) {
            Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        for (int c = 0; c < colors.length; c++) {
            assertThat(counts[c]).as("pixels of %s", colors[c]).isGreaterThan(300);
        }
        // the charts come in page order: equity, drawdown, rolling Sharpe, rolling volatility, distribution
        assertThat(firstRow[0]).isLessThan(firstRow[3]);
        assertThat(firstRow[3]).isLessThan(firstRow[4]);
        assertThat(firstRow[4]).isLessThan(firstRow[5]);
    }

    private static boolean near(int rgb, String hex) {
        int want = Integer.parseInt(hex.substring(1), 16);
        return Math.abs(((rgb >> 16) & 0xff) - ((want >> 16) & 0xff)) < 24
                && Math.abs(((rgb >> 8) & 0xff) - ((want >> 8) & 0xff)) < 24
                && Math.abs((rgb & 0xff) - (want & 0xff)) < 24;
    }
}
