package dev.tradingsdk.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.examples.report.HtmlReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flagship end to end offline, its report, and the report drawn by a real browser. */
class CompetitionAppTest {

    @TempDir
    static Path dir;
    private static AppRun run;

    @BeforeAll
    static void runTheCompetition() {
        run = AppRun.of("competition", "--offline", "--out", dir.toString());
    }

    @Test
    void theLeaderboardHasTheFinalEquitiesTheBaselineAndTheLlmCost() {
        assertThat(run.code()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("competition cfd-llm-arena: 5 participants, 101 trading days 2024-01-02 .. 2024-05-24")
            .contains("round  10/101 2024-01-16").contains("round 101/101 2024-05-24");
        List<String> board = out.lines().filter(l -> l.matches(" ?\\d \\S.*")).toList();
        assertThat(board).hasSize(6);
        assertThat(board.get(0)).startsWith(" 1 buy-and-hold basket     12,477.99 USD    24.78%").endsWith("(baseline)");
        assertThat(out).contains("trend-llm               11,658.63 USD    16.59%")
            .contains("sma-btc                 11,653.43 USD    16.53%")
            .contains("contrarian-llm          10,317.24 USD     3.17%")
            .contains("sma-gold                10,246.57 USD     2.47%");
        // The short at maximum size into the 2024 BTC rally is stopped out on 2024-02-26.
        assertThat(board.get(5)).startsWith(" 6 max-short-btc            5,650.62 USD   -43.49%").endsWith("LIQUIDATED");
        assertThat(out).contains("liquidation: max-short-btc BTCUSD on 2024-02-26, realized -4,236.01 USD");
        // LLM agents use tokens and cost money; the rule-based ones cost nothing.
        assertThat(out).contains("trades  41  tokens   346,083  LLM   1.12 USD  net    16.58%")
            .contains("400 invocations journaled, 95 fills, total LLM cost 2.24 USD");
    }

    @Test
    void theReportIsSelfContainedAndListsEveryInvocation() throws Exception {
        String html = Files.readString(dir.resolve("competition.html"));
        HtmlChecks.assertWellFormedAndSelfContained(html);
        assertThat(html).contains("<svg id=\"equity-chart\"").contains("<svg id=\"drawdown-chart\"")
            .contains("<h2>Liquidations (stop-out)</h2>").contains("<td>LIQUIDATED</td>");
        String invocations = html.substring(html.indexOf("<h2>Invocations"));
        assertThat(invocations.split("<tr>")).hasSize(1 + 1 + 400);
        String trades = html.substring(html.indexOf("<h2>Trades</h2>"), html.indexOf("<h2>Invocations"));
        assertThat(trades.split("<tr>")).hasSize(1 + 1 + 95);
    }

    @Test
    void aRealBrowserDrawsTheCharts() throws Exception {
        Path shot = dir.resolve("report.png");
        Chromium.runToCompletion(Chromium.command(dir.resolve("profile-shot"), "--window-size=1000,1400",
            "--hide-scrollbars", "--screenshot=" + shot, dir.resolve("competition.html").toUri().toString()),
            dir.resolve("chromium-shot.log"), 60);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        // Each of the six series (five participants and the baseline) is drawn: its colour covers many pixels.
        for (int i = 0; i < 6; i++) {
            int rgb = Integer.parseInt(HtmlReport.COLOURS.get(i).substring(1), 16);
            assertThat(pixelsNear(image, rgb)).as("pixels of series colour %s", HtmlReport.COLOURS.get(i))
                .isGreaterThan(300);
        }
        // The lower part of the page, where the charts are, is not blank.
        assertThat(distinctColours(image, 0, 600, 1000, 1400)).isGreaterThan(20);
    }

    private static int pixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) + Math.abs(((p >> 8) & 0xff)
                    - ((rgb >> 8) & 0xff)) + Math.abs((p & 0xff) - (rgb & 0xff));
                count += d < 40 ? 1 : 0;
            }
        }
        return count;
    }

    private static long distinctColours(BufferedImage image, int x0, int y0, int x1, int y1) {
        return java.util.stream.IntStream.range(y0, Math.min(y1, image.getHeight())).boxed()
            .flatMap(y -> java.util.stream.IntStream.range(x0, Math.min(x1, image.getWidth()))
                .mapToObj(x -> image.getRGB(x, y)))
            .distinct().count();
    }
}
