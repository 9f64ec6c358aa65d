package dev.tradingsdk.core.analytics;

import dev.tradingsdk.core.analytics.internal.Drawdowns;
import dev.tradingsdk.core.analytics.internal.Html;
import dev.tradingsdk.core.analytics.internal.MonthlyReturns;
import dev.tradingsdk.core.analytics.internal.SvgChart;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * A self-contained HTML tearsheet of a run: metrics beside a benchmark, costs, equity (linear or log) and
 * drawdown charts, rolling Sharpe and volatility, the five worst drawdowns, the return distribution, monthly
 * and yearly returns, open positions, a per-instrument breakdown, the trades and the run's settings.
 *
 * <p>Charts are hand-written inline SVG (axes with calendar and "nice" value ticks, gridlines, legends): no
 * script, font or style is fetched, so the file opens offline and prints as it shows. On a narrow screen the
 * charts and wide tables scroll sideways instead of shrinking their labels. The output depends only on the
 * inputs (no generation timestamp), so equal runs give byte-identical files.
 *
 * <pre>{@code
 * HtmlReport.builder("BTC 10/30", curve, metrics).trades(trades)
 *         .benchmark(Benchmark.buyAndHold("BTC-USD buy and hold", bars))
 *         .setting("fees", "10 bps").write(path);
 * }</pre>
 */
public final class HtmlReport {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    static final String STRATEGY_COLOR = "#1f5fbf";
    static final String BENCHMARK_COLOR = "#e67e22";
    static final String DRAWDOWN_COLOR = "#c0392b";
    static final String SHARPE_COLOR = "#2e8b57";
    static final String VOLATILITY_COLOR = "#8e44ad";
    static final String DISTRIBUTION_COLOR = "#16a085";
    private static final int WORST_DRAWDOWNS = 5;
    private static final int BINS = 40;

    private HtmlReport() {
    }

    /** A report of {@code curve} and its {@code metrics}; add what the run has, then render or write. */
    public static Builder builder(String title, EquityCurve curve, Metrics metrics) {
        return new Builder(title, curve, metrics);
    }

    /** Renders the report and writes it to {@code file} (UTF-8), creating parent directories; returns the file. */
    public static Path write(Path file, String title, EquityCurve curve, List<ClosedTrade> trades, Metrics metrics) {
        return builder(title, curve, metrics).trades(trades).write(file);
    }

    /** The report as an HTML document. */
    public static String render(String title, EquityCurve curve, List<ClosedTrade> trades, Metrics metrics) {
        return builder(title, curve, metrics).trades(trades).render();
    }

    /** What goes into one report. Options given twice with different values are refused, naming both. */
    public static final class Builder {
        private final String title;
        private final EquityCurve curve;
        private final Metrics metrics;
        private List<ClosedTrade> trades = List.of();
        private Benchmark benchmark;
        private boolean logScale;
        private List<OpenPosition> openPositions = List.of();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Money financing;
        private Money tokenCost;
        private int rollingWindow;

        private Builder(String title, EquityCurve curve, Metrics metrics) {
            this.title = Objects.requireNonNull(title, "title");
            this.curve = Objects.requireNonNull(curve, "curve");
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            if (curve.size() == 0) {
                throw new IllegalArgumentException("the equity curve is empty");
            }
        }

        public Builder trades(List<ClosedTrade> trades) {
            this.trades = List.copyOf(trades);
            return this;
        }

        /** The series shown beside the strategy (e.g. {@link Benchmark#buyAndHold}). */
        public Builder benchmark(Benchmark benchmark) {
            Objects.requireNonNull(benchmark, "benchmark");
            if (this.benchmark != null && this.benchmark != benchmark) {
                throw new IllegalStateException("benchmark already set to " + this.benchmark.name()
                        + "; cannot also set " + benchmark.name());
            }
            this.benchmark = benchmark;
            return this;
        }

        /** Draws the equity chart on a log scale (readable over a 100× rise). */
        public Builder logScale(boolean logScale) {
            this.logScale = logScale;
            return this;
        }

        public Builder openPositions(List<OpenPosition> positions) {
            this.openPositions = List.copyOf(positions);
            return this;
        }

        /** One line of the run's settings (fees, slippage, seed, data files, ...), shown in order. */
        public Builder setting(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            String previous = settings.putIfAbsent(name, value);
            if (previous != null && !previous.equals(value)) {
                throw new IllegalArgumentException("setting " + name + " already \"" + previous
                        + "\"; cannot also be \"" + value + "\"");
            }
            return this;
        }

        /** Financing paid (funding, borrow, overnight swaps), shown with the costs. */
        public Builder financing(Money financing) {
            this.financing = cost("financing", this.financing, financing);
            return this;
        }

        /** LLM token cost of the run, shown with the costs. */
        public Builder tokenCost(Money tokenCost) {
            this.tokenCost = cost("tokenCost", this.tokenCost, tokenCost);
            return this;
        }

        private Money cost(String field, Money current, Money value) {
            Objects.requireNonNull(value, field);
            if (!value.currency().equals(curve.currency())) {
                throw new IllegalArgumentException(field + " " + value + " is not in the curve's currency "
                        + curve.currency());
            }
            if (current != null && !current.equals(value)) {
                throw new IllegalStateException(field + " already set to " + current + "; cannot also set " + value);
            }
            return value;
        }

        /** Periods in the rolling Sharpe and volatility windows; half a year of periods by default. */
        public Builder rollingWindow(int periods) {
            if (periods < 2) {
                throw new IllegalArgumentException("rollingWindow must be at least 2 periods, was " + periods);
            }
            if (rollingWindow != 0 && rollingWindow != periods) {
                throw new IllegalStateException("rollingWindow already set to " + rollingWindow
                        + "; cannot also set " + periods);
            }
            this.rollingWindow = periods;
            return this;
        }

        public String render() {
            return new Renderer(this).render();
        }

        /** Writes the report to {@code file} (UTF-8), creating parent directories; returns the file. */
        public Path write(Path file) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, render(), StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write report to " + file, e);
            }
        }
    }

    private static final class Renderer {
        private final Builder in;
        private final EquityCurve curve;
        private final Metrics m;
        private final long[] times;
        private final double[] equity;
        private final double[] returns;
        private final double[] bench;
        private final BenchmarkMetrics bm;
        private final int window;
        private final StringBuilder sb = new StringBuilder(256 * 1024);

        Renderer(Builder in) {
            this.in = in;
            this.curve = in.curve;
            this.m = in.metrics;
            int n = curve.size();
            this.times = new long[n];
            for (int i = 0; i < n; i++) {
                times[i] = curve.epochNanos(i);
            }
            this.equity = curve.equityValues();
            this.returns = curve.returns();
            this.bench = in.benchmark == null ? null : in.benchmark.alignedTo(curve);
            this.bm = in.benchmark == null ? null : BenchmarkMetrics.compute(curve, in.benchmark, m.returns());
            int ppy = m.returns().periodsPerYear();
            this.window = in.rollingWindow != 0 ? in.rollingWindow : Math.max(2, ppy / 2);
        }

        String render() {
            String t = Html.escape(in.title);
            sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                    .append(t).append("</title>\n<style>\n")
                    .append("body{font-family:system-ui,sans-serif;margin:16px auto;padding:0 12px;color:#222;")
                    .append("max-width:1100px}h1{font-size:24px}h2{font-size:18px;margin-top:28px}")
                    .append("table{border-collapse:collapse;margin:8px 0 16px}")
                    .append("td,th{border:1px solid #ddd;padding:3px 8px;text-align:right;font-size:13px;white-space:nowrap}")
                    .append("th{background:#f0f0f0}td.l,th.l{text-align:left}.neg{color:#b00}.pos{color:#070}")
                    .append(".scroll,.chart{overflow-x:auto}.chart svg{min-width:640px;display:block}")
                    .append("nav a{margin-right:10px;font-size:13px}p.note{font-size:13px;color:#555}")
                    .append("\n</style>\n</head>\n<body>\n<h1>").append(t).append("</h1>\n");
            summary();
            nav();
            metricsTable();
            costs();
            charts();
            worstDrawdowns();
            distribution();
            monthlyTable();
            yearlyTable();
            openPositions();
            instruments();
            tradeTable();
            settings();
            return sb.append("</body>\n</html>\n").toString();
        }

        private void summary() {
            sb.append("<p id=\"summary\">").append(DATE_TIME.format(curve.time(0))).append(" to ")
                    .append(DATE_TIME.format(curve.time(curve.size() - 1))).append(" UTC, ").append(curve.size())
                    .append(" equity samples, ").append(m.returns().periodsPerYear()).append(" periods per year");
            if (bm != null) {
                sb.append("; benchmark: ").append(Html.escape(bm.name()));
            }
            sb.append(".</p>\n");
            if (in.benchmark != null && in.benchmark.startsAfter(curve)) {
                sb.append("<p class=\"note\">The benchmark starts after the first equity sample; its first value ")
                        .append("stands for the samples before it.</p>\n");
            }
        }

        private void nav() {
            sb.append("<nav>");
            String[][] links = {{"metrics", "Metrics"}, {"costs", "Costs"}, {"equity-chart", "Equity"},
                {"drawdown-chart", "Drawdown"}, {"rolling-sharpe-chart", "Rolling Sharpe"},
                {"rolling-volatility-chart", "Rolling volatility"}, {"worst-drawdowns", "Worst drawdowns"},
                {"return-distribution", "Distribution"}, {"monthly-returns", "Monthly"},
                {"yearly-returns", "Yearly"}, {"open-positions", "Open positions"}, {"instruments", "Instruments"},
                {"trades", "Trades"}, {"settings", "Settings"}};
            for (String[] link : links) {
                sb.append("<a href=\"#").append(link[0]).append("\">").append(link[1]).append("</a>");
            }
            sb.append("</nav>\n");
        }

        private void metricsTable() {
            ReturnMetrics r = m.returns();
            ReturnMetrics b = bm == null ? null : bm.benchmark();
            sb.append("<h2>Metrics</h2>\n<div class=\"scroll\"><table id=\"metrics\">\n<tr><th class=\"l\">Metric</th>")
                    .append("<th>Strategy</th>");
            if (b != null) {
                sb.append("<th>").append(Html.escape(bm.name())).append("</th>");
            }
            sb.append("</tr>\n");
            row2("Start equity", m.startEquity().toString(), b == null ? null : m.startEquity().toString());
            row2("End equity", m.endEquity().toString(), b == null ? null
                    : String.format(Locale.ROOT, "%.2f %s", bench[bench.length - 1], curve.currency().code()));
            row2("Total return", pct(r.totalReturn()), b == null ? null : pct(b.totalReturn()));
            row2("CAGR", pct(r.cagr()), b == null ? null : pct(b.cagr()));
            row2("Volatility (annualized)", pct(r.volatility()), b == null ? null : pct(b.volatility()));
            row2("Sharpe", num(r.sharpe()), b == null ? null : num(b.sharpe()));
            row2("Sortino", num(r.sortino()), b == null ? null : num(b.sortino()));
            row2("Max drawdown", pct(r.maxDrawdown()), b == null ? null : pct(b.maxDrawdown()));
            row2("Max drawdown peak to trough", drawdownSpan(r), b == null ? null : drawdownSpan(b));
            row2("Longest drawdown", r.longestDrawdownPeriods() + " periods (" + days(m.longestDrawdownDuration())
                    + ")", b == null ? null : b.longestDrawdownPeriods() + " periods");
            row2("Calmar", num(r.calmar()), b == null ? null : num(b.calmar()));
            row2("Period win rate (zero periods excluded)", pct(r.periodWinRate()), b == null ? null
                    : pct(b.periodWinRate()));
            row2("Period profit factor", num(r.periodProfitFactor()), b == null ? null : num(b.periodProfitFactor()));
            if (bm != null) {
                row2("Excess return (total)", pct(bm.excessReturn()), null);
                row2("Excess CAGR", pct(bm.excessCagr()), null);
                row2("Beta", num(bm.beta()), null);
                row2("Correlation", num(bm.correlation()), null);
                row2("Alpha (annualized)", pct(bm.alpha()), null);
            }
            row2("Trades (closed)", Integer.toString(m.tradeCount()), null);
            row2("Trade win rate", pct(m.winRate()), null);
            row2("Trade profit factor", num(m.profitFactor()), null);
            row2("Average win", money(m.averageWin()), null);
            row2("Average loss", money(m.averageLoss()), null);
            row2("Expectancy per trade", money(m.expectancy()), null);
            row2("Exposure", pct(m.exposure()), null);
            row2("Turnover", Double.isNaN(m.turnover()) ? "n/a" : num(m.turnover()) + "x", null);
            sb.append("</table></div>\n");
        }

        private String drawdownSpan(ReturnMetrics r) {
            if (r.maxDrawdown() == 0) {
                return "n/a";
            }
            return DATE.format(curve.time(r.maxDrawdownPeakIndex())) + " to "
                    + DATE.format(curve.time(r.maxDrawdownTroughIndex()));
        }

        private void row2(String name, String strategy, String benchmark) {
            sb.append("<tr><th class=\"l\">").append(Html.escape(name)).append("</th><td>")
                    .append(Html.escape(strategy)).append("</td>");
            if (bm != null) {
                sb.append("<td>").append(benchmark == null ? "" : Html.escape(benchmark)).append("</td>");
            }
            sb.append("</tr>\n");
        }

        private void costs() {
            Money fees = m.feesPaid();
            Money total = fees;
            sb.append("<h2>Costs</h2>\n<table id=\"costs\">\n");
            row("Fees", fees.toString());
            if (in.financing != null) {
                row("Financing", in.financing.toString());
                total = total.plus(in.financing);
            }
            if (in.tokenCost != null) {
                row("Token cost (LLM)", in.tokenCost.toString());
                total = total.plus(in.tokenCost);
            }
            row("Total costs", total.toString());
            double start = m.startEquity().toDouble();
            row("Costs / start equity", start == 0 ? "n/a" : pct(total.toDouble() / start));
            double grossPnl = m.endEquity().toDouble() - start + total.toDouble()
                    - (in.tokenCost == null ? 0 : in.tokenCost.toDouble());
            row("Costs / P&L before costs", grossPnl <= 0 ? "n/a (no profit before costs)"
                    : pct(total.toDouble() / grossPnl));
            sb.append("</table>\n");
            if (in.tokenCost != null) {
                sb.append("<p class=\"note\">The token cost was paid outside the account: the equity curve and ")
                        .append("returns do not include it.</p>\n");
            }
        }

        private void row(String name, String value) {
            sb.append("<tr><th class=\"l\">").append(Html.escape(name)).append("</th><td>").append(Html.escape(value))
                    .append("</td></tr>\n");
        }

        private void charts() {
            String ccy = curve.currency().code();
            List<SvgChart.Series> equitySeries = new ArrayList<>();
            equitySeries.add(new SvgChart.Series("Strategy", times, equity, STRATEGY_COLOR, false));
            if (bench != null) {
                equitySeries.add(new SvgChart.Series(bm.name(), times, bench, BENCHMARK_COLOR, false));
            }
            DoubleFunction<String> money = v -> String.format(Locale.ROOT, "%,.0f", v);
            sb.append("<h2>Equity").append(in.logScale ? " (log scale)" : "").append("</h2>\n")
                    .append("<div class=\"chart\" id=\"equity-chart\">")
                    .append(SvgChart.lines("Equity (" + ccy + ")", equitySeries, money, in.logScale))
                    .append("</div>\n");
            List<SvgChart.Series> dd = new ArrayList<>();
            dd.add(new SvgChart.Series("Strategy drawdown", times, drawdown(equity), DRAWDOWN_COLOR, true));
            if (bench != null) {
                dd.add(new SvgChart.Series(bm.name() + " drawdown", times, drawdown(bench), BENCHMARK_COLOR, false));
            }
            DoubleFunction<String> percent = v -> String.format(Locale.ROOT, "%.0f%%", v);
            sb.append("<h2>Drawdown</h2>\n<div class=\"chart\" id=\"drawdown-chart\">")
                    .append(SvgChart.lines("Drawdown (%)", dd, percent, false)).append("</div>\n");
            double[][] rolling = rolling(returns, window, m.returns().periodsPerYear());
            sb.append("<h2>Rolling Sharpe (").append(window).append(" periods)</h2>\n")
                    .append("<div class=\"chart\" id=\"rolling-sharpe-chart\">")
                    .append(SvgChart.lines("Rolling Sharpe", List.of(new SvgChart.Series("Rolling Sharpe", times,
                            rolling[0], SHARPE_COLOR, false)), v -> String.format(Locale.ROOT, "%.1f", v), false))
                    .append("</div>\n");
            sb.append("<h2>Rolling volatility (").append(window).append(" periods, annualized)</h2>\n")
                    .append("<div class=\"chart\" id=\"rolling-volatility-chart\">")
                    .append(SvgChart.lines("Rolling volatility (%)", List.of(new SvgChart.Series(
                            "Rolling volatility", times, rolling[1], VOLATILITY_COLOR, false)), percent, false))
                    .append("</div>\n");
            if (returns.length <= window) {
                sb.append("<p class=\"note\">Fewer periods than the rolling window: nothing to draw.</p>\n");
            }
        }

        private static double[] drawdown(double[] values) {
            double[] out = new double[values.length];
            double peak = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < values.length; i++) {
                peak = Math.max(peak, values[i]);
                out[i] = peak > 0 ? (values[i] / peak - 1) * 100 : 0;
            }
            return out;
        }

        /**
         * Rolling Sharpe and annualized volatility (percent) over the returns ending at each sample; NaN until a
         * full window (and the Sharpe where the window is flat). Prefix sums shifted by the first return keep
         * the O(n) pass accurate.
         */
        private static double[][] rolling(double[] r, int w, int ppy) {
            int n = r.length + 1;
            double[] sharpe = new double[n];
            double[] vol = new double[n];
            Arrays.fill(sharpe, Double.NaN);
            Arrays.fill(vol, Double.NaN);
            double shift = r.length == 0 ? 0 : r[0];
            double[] s1 = new double[r.length + 1];
            double[] s2 = new double[r.length + 1];
            for (int i = 0; i < r.length; i++) {
                double d = r[i] - shift;
                s1[i + 1] = s1[i] + d;
                s2[i + 1] = s2[i] + d * d;
            }
            double sqrtP = Math.sqrt(ppy);
            for (int end = w; end <= r.length; end++) {
                double a = s1[end] - s1[end - w];
                double b = s2[end] - s2[end - w];
                double variance = Math.max(0, (b - a * a / w) / (w - 1));
                double sd = Math.sqrt(variance);
                double mean = shift + a / w;
                vol[end] = sd * sqrtP * 100;
                sharpe[end] = sd == 0 ? Double.NaN : mean / sd * sqrtP;
            }
            return new double[][] {sharpe, vol};
        }

        private void worstDrawdowns() {
            sb.append("<h2>Worst drawdowns</h2>\n<div class=\"scroll\"><table id=\"worst-drawdowns\">\n<tr><th>#</th>")
                    .append("<th class=\"l\">Peak</th><th class=\"l\">Trough</th><th class=\"l\">Recovery</th>")
                    .append("<th>Depth</th><th>Periods</th><th>Days</th></tr>\n");
            List<Drawdowns.Period> worst = Drawdowns.worst(equity, WORST_DRAWDOWNS);
            int k = 0;
            for (Drawdowns.Period p : worst) {
                k++;
                int end = p.recovery() < 0 ? equity.length - 1 : p.recovery();
                sb.append("<tr><td>").append(k).append("</td><td class=\"l\">").append(DATE.format(curve.time(p.peak())))
                        .append("</td><td class=\"l\">").append(DATE.format(curve.time(p.trough())))
                        .append("</td><td class=\"l\">").append(p.recovery() < 0 ? "not recovered"
                                : DATE.format(curve.time(p.recovery()))).append("</td><td class=\"neg\">")
                        .append(pct(-p.depth())).append("</td><td>").append(end - p.peak()).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.0f",
                                (times[end] - times[p.peak()]) / 86_400e9)).append("</td></tr>\n");
            }
            if (worst.isEmpty()) {
                sb.append("<tr><td colspan=\"7\" class=\"l\">No drawdown: equity never fell below a peak.</td></tr>\n");
            }
            sb.append("</table></div>\n");
        }

        private void distribution() {
            double[] percent = new double[returns.length];
            double mean = 0;
            for (int i = 0; i < returns.length; i++) {
                percent[i] = returns[i] * 100;
                mean += percent[i] / returns.length;
            }
            double m2 = 0;
            double m3 = 0;
            double m4 = 0;
            double best = Double.NEGATIVE_INFINITY;
            double worst = Double.POSITIVE_INFINITY;
            for (double p : percent) {
                double d = p - mean;
                m2 += d * d / percent.length;
                m3 += d * d * d / percent.length;
                m4 += d * d * d * d / percent.length;
                best = Math.max(best, p);
                worst = Math.min(worst, p);
            }
            sb.append("<h2>Return distribution (per period)</h2>\n<div class=\"chart\" id=\"return-distribution\">")
                    .append(SvgChart.histogram("Period returns (%)", percent, BINS,
                            v -> String.format(Locale.ROOT, "%.1f%%", v), DISTRIBUTION_COLOR))
                    .append("</div>\n");
            if (percent.length > 0) {
                sb.append("<p class=\"note\">").append(percent.length).append(" periods; mean ")
                        .append(String.format(Locale.ROOT, "%.3f%%", mean)).append(", standard deviation ")
                        .append(String.format(Locale.ROOT, "%.3f%%", Math.sqrt(m2))).append(", skew ")
                        .append(m2 == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", m3 / Math.pow(m2, 1.5)))
                        .append(", excess kurtosis ")
                        .append(m2 == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", m4 / (m2 * m2) - 3))
                        .append(", best ").append(String.format(Locale.ROOT, "%.2f%%", best)).append(", worst ")
                        .append(String.format(Locale.ROOT, "%.2f%%", worst)).append(".</p>\n");
            }
        }

        private void monthlyTable() {
            Map<YearMonth, Double> monthly = MonthlyReturns.of(curve);
            Map<Integer, Double> yearly = MonthlyReturns.yearly(monthly);
            sb.append("<h2>Monthly returns</h2>\n<div class=\"scroll\"><table id=\"monthly-returns\">\n")
                    .append("<tr><th class=\"l\">Year</th>");
            for (String month : MONTHS) {
                sb.append("<th>").append(month).append("</th>");
            }
            sb.append("<th>Year</th></tr>\n");
            for (Map.Entry<Integer, Double> year : yearly.entrySet()) {
                sb.append("<tr><th class=\"l\">").append(year.getKey()).append("</th>");
                for (int mo = 1; mo <= 12; mo++) {
                    cell(monthly.get(YearMonth.of(year.getKey(), mo)));
                }
                cell(year.getValue());
                sb.append("</tr>\n");
            }
            sb.append("</table></div>\n");
        }

        private void yearlyTable() {
            Map<Integer, Double> yearly = MonthlyReturns.yearly(MonthlyReturns.of(curve));
            Map<Integer, Double> benchYearly = bench == null ? Map.of()
                    : MonthlyReturns.yearly(MonthlyReturns.of(times, bench));
            sb.append("<h2>Yearly returns</h2>\n<table id=\"yearly-returns\">\n<tr><th class=\"l\">Year</th>")
                    .append("<th>Strategy</th>");
            if (bench != null) {
                sb.append("<th>").append(Html.escape(bm.name())).append("</th><th>Excess</th>");
            }
            sb.append("</tr>\n");
            for (Map.Entry<Integer, Double> year : yearly.entrySet()) {
                sb.append("<tr><th class=\"l\">").append(year.getKey()).append("</th>");
                cell(year.getValue());
                if (bench != null) {
                    Double b = benchYearly.get(year.getKey());
                    cell(b);
                    cell(b == null ? null : year.getValue() - b);
                }
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }

        private void cell(Double r) {
            if (r == null) {
                sb.append("<td></td>");
            } else {
                sb.append("<td class=\"").append(r < 0 ? "neg" : "pos").append("\">").append(pct(r)).append("</td>");
            }
        }

        private void openPositions() {
            sb.append("<h2>Open positions at the end</h2>\n<div class=\"scroll\"><table id=\"open-positions\">\n")
                    .append("<tr><th class=\"l\">Instrument</th><th class=\"l\">Side</th><th>Quantity</th>")
                    .append("<th>Average price</th><th>Last mark</th><th>Unrealized P&amp;L</th>")
                    .append("<th>Realized P&amp;L</th><th>Fees</th></tr>\n");
            for (OpenPosition p : in.openPositions) {
                sb.append("<tr><td class=\"l\">").append(Html.escape(p.instrument().toString()))
                        .append("</td><td class=\"l\">").append(p.side()).append("</td><td>").append(p.quantity())
                        .append("</td><td>").append(p.averagePrice()).append("</td><td>")
                        .append(p.mark().map(Object::toString).orElse("n/a")).append("</td><td>")
                        .append(Html.escape(money(p.unrealizedPnl()))).append("</td><td>")
                        .append(Html.escape(p.realizedPnl().toString())).append("</td><td>")
                        .append(Html.escape(p.fees().toString())).append("</td></tr>\n");
            }
            if (in.openPositions.isEmpty()) {
                sb.append("<tr><td colspan=\"8\" class=\"l\">None: the run ended flat.</td></tr>\n");
            }
            sb.append("</table></div>\n");
        }

        private void instruments() {
            Map<String, long[]> counts = new TreeMap<>();
            Map<String, Money[]> sums = new TreeMap<>();
            Money zero = Money.zero(curve.currency());
            for (ClosedTrade t : in.trades) {
                String id = t.instrument().toString();
                long[] c = counts.computeIfAbsent(id, k -> new long[2]);
                c[0]++;
                if (t.netPnl().signum() > 0) {
                    c[1]++;
                }
                Money[] s = sums.computeIfAbsent(id, k -> new Money[] {zero, zero, zero});
                s[0] = s[0].plus(t.grossPnl());
                s[1] = s[1].plus(t.fees());
                s[2] = s[2].plus(t.netPnl());
            }
            Map<String, String> open = new TreeMap<>();
            for (OpenPosition p : in.openPositions) {
                open.put(p.instrument().toString(), p.side() + " " + p.quantity() + ", unrealized "
                        + money(p.unrealizedPnl()));
                counts.computeIfAbsent(p.instrument().toString(), k -> new long[2]);
                sums.computeIfAbsent(p.instrument().toString(), k -> new Money[] {zero, zero, zero});
            }
            sb.append("<h2>Per instrument</h2>\n<div class=\"scroll\"><table id=\"instruments\">\n")
                    .append("<tr><th class=\"l\">Instrument</th><th>Closed trades</th><th>Trade win rate</th>")
                    .append("<th>Gross P&amp;L</th><th>Fees</th><th>Net P&amp;L</th><th class=\"l\">Open at end</th>")
                    .append("</tr>\n");
            for (Map.Entry<String, long[]> e : counts.entrySet()) {
                long[] c = e.getValue();
                Money[] s = sums.get(e.getKey());
                sb.append("<tr><td class=\"l\">").append(Html.escape(e.getKey())).append("</td><td>").append(c[0])
                        .append("</td><td>").append(c[0] == 0 ? "n/a" : pct((double) c[1] / c[0])).append("</td><td>")
                        .append(Html.escape(s[0].toString())).append("</td><td>").append(Html.escape(s[1].toString()))
                        .append("</td><td class=\"").append(s[2].isNegative() ? "neg" : "pos").append("\">")
                        .append(Html.escape(s[2].toString())).append("</td><td class=\"l\">")
                        .append(Html.escape(open.getOrDefault(e.getKey(), "flat"))).append("</td></tr>\n");
            }
            if (counts.isEmpty()) {
                sb.append("<tr><td colspan=\"7\" class=\"l\">No trades and no open positions.</td></tr>\n");
            }
            sb.append("</table></div>\n");
        }

        private void tradeTable() {
            sb.append("<h2>Trades</h2>\n<div class=\"scroll\"><table id=\"trades\">\n<tr><th>#</th>")
                    .append("<th class=\"l\">Instrument</th><th class=\"l\">Side</th><th class=\"l\">Entry</th>")
                    .append("<th class=\"l\">Exit</th><th>Quantity</th><th>Entry price</th><th>Exit price</th>")
                    .append("<th>Gross P&amp;L</th><th>Fees</th><th>Net P&amp;L</th></tr>\n");
            int i = 0;
            for (ClosedTrade trade : in.trades) {
                i++;
                sb.append("<tr><td>").append(i).append("</td><td class=\"l\">")
                        .append(Html.escape(trade.instrument().toString())).append("</td><td class=\"l\">")
                        .append(trade.side()).append("</td><td class=\"l\">").append(DATE_TIME.format(trade.entryTime()))
                        .append("</td><td class=\"l\">").append(DATE_TIME.format(trade.exitTime())).append("</td><td>")
                        .append(trade.quantity()).append("</td><td>").append(trade.entryPrice()).append("</td><td>")
                        .append(trade.exitPrice()).append("</td><td>")
                        .append(trade.grossPnl().toBigDecimal().toPlainString()).append("</td><td>")
                        .append(trade.fees().toBigDecimal().toPlainString()).append("</td><td class=\"")
                        .append(trade.netPnl().isNegative() ? "neg" : "pos").append("\">")
                        .append(trade.netPnl().toBigDecimal().toPlainString()).append("</td></tr>\n");
            }
            if (in.trades.isEmpty()) {
                sb.append("<tr><td colspan=\"11\" class=\"l\">No closed trades.</td></tr>\n");
            }
            sb.append("</table></div>\n");
        }

        private void settings() {
            sb.append("<h2>Run settings</h2>\n<table id=\"settings\">\n");
            row("Data range", DATE_TIME.format(curve.time(0)) + " to "
                    + DATE_TIME.format(curve.time(curve.size() - 1)) + " UTC");
            row("Equity samples", Integer.toString(curve.size()));
            row("Periods per year", Integer.toString(m.returns().periodsPerYear()));
            row("Rolling window", window + " periods");
            if (in.benchmark != null) {
                row("Benchmark", in.benchmark.name());
            }
            for (Map.Entry<String, String> e : in.settings.entrySet()) {
                row(e.getKey(), e.getValue());
            }
            sb.append("</table>\n");
        }
    }

    private static String money(Optional<Money> value) {
        return value.map(Money::toString).orElse("n/a");
    }

    private static String pct(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        String text = String.format(Locale.ROOT, "%.2f%%", v * 100);
        return "-0.00%".equals(text) ? "0.00%" : text;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String days(Duration d) {
        return String.format(Locale.ROOT, "%.1f days", d.toMillis() / 86_400_000.0);
    }
}
