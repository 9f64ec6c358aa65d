package dev.tradingsdk.core.analytics;

import dev.tradingsdk.core.analytics.internal.Html;
import dev.tradingsdk.core.analytics.internal.MonthlyReturns;
import dev.tradingsdk.core.analytics.internal.SvgChart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML performance report: metrics table, equity and drawdown charts (inline SVG), a
 * monthly returns table and the trade list. No scripts, fonts or styles are fetched: the file opens offline.
 * The output depends only on its inputs (no generation timestamp), so equal runs give byte-identical files.
 */
public final class HtmlReport {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private HtmlReport() {
    }

    /** Renders the report and writes it to {@code file} (UTF-8), creating parent directories; returns the file. */
    public static Path write(Path file, String title, EquityCurve curve, List<Trade> trades, Metrics metrics) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(title, curve, trades, metrics), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report to " + file, e);
        }
    }

    /** The report as an HTML document. */
    public static String render(String title, EquityCurve curve, List<Trade> trades, Metrics metrics) {
        StringBuilder sb = new StringBuilder(128 * 1024);
        String t = Html.escape(title);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(t)
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}")
                .append("table{border-collapse:collapse;margin:8px 0 24px}")
                .append("td,th{border:1px solid #ddd;padding:3px 8px;text-align:right;font-size:13px}")
                .append("th{background:#f0f0f0}td.l,th.l{text-align:left}.neg{color:#b00}.pos{color:#070}")
                .append("\n</style>\n</head>\n<body>\n<h1>").append(t).append("</h1>\n");
        if (curve.size() > 0) {
            sb.append("<p>").append(DATE_TIME.format(curve.time(0))).append(" to ")
                    .append(DATE_TIME.format(curve.time(curve.size() - 1))).append(" UTC, ").append(curve.size())
                    .append(" equity samples, ").append(metrics.returns().periodsPerYear())
                    .append(" periods per year.</p>\n");
        }
        metricsTable(sb, metrics);
        charts(sb, curve);
        monthlyTable(sb, curve);
        tradeTable(sb, trades);
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void metricsTable(StringBuilder sb, Metrics m) {
        sb.append("<h2>Metrics</h2>\n<table id=\"metrics\">\n");
        row(sb, "Start equity", m.startEquity().toString());
        row(sb, "End equity", m.endEquity().toString());
        row(sb, "Total return", pct(m.totalReturn()));
        row(sb, "CAGR", pct(m.cagr()));
        row(sb, "Volatility (annualized)", pct(m.volatility()));
        row(sb, "Sharpe", num(m.sharpe()));
        row(sb, "Sortino", num(m.sortino()));
        row(sb, "Max drawdown", pct(m.maxDrawdown()));
        row(sb, "Longest drawdown", m.returns().longestDrawdownPeriods() + " periods ("
                + days(m.longestDrawdownDuration()) + ")");
        row(sb, "Calmar", num(m.calmar()));
        row(sb, "Trades", Integer.toString(m.tradeCount()));
        row(sb, "Win rate", pct(m.winRate()));
        row(sb, "Profit factor", num(m.profitFactor()));
        row(sb, "Average win", m.averageWin().map(Object::toString).orElse("n/a"));
        row(sb, "Average loss", m.averageLoss().map(Object::toString).orElse("n/a"));
        row(sb, "Expectancy per trade", m.expectancy().map(Object::toString).orElse("n/a"));
        row(sb, "Exposure", pct(m.exposure()));
        row(sb, "Turnover", num(m.turnover()) + "x");
        row(sb, "Fees paid", m.feesPaid().toString());
        sb.append("</table>\n");
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("<tr><th class=\"l\">").append(Html.escape(name)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }

    private static void charts(StringBuilder sb, EquityCurve curve) {
        int n = curve.size();
        long[] times = new long[n];
        double[] equity = curve.equityValues();
        double[] drawdown = new double[n];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            times[i] = curve.epochNanos(i);
            peak = Math.max(peak, equity[i]);
            drawdown[i] = peak > 0 ? (equity[i] / peak - 1) * 100 : 0;
        }
        sb.append("<h2>Equity</h2>\n<div id=\"equity-chart\">")
                .append(SvgChart.render("Equity (" + curve.currency() + ")", times, equity, "%,.0f", false, "#1f5fbf"))
                .append("</div>\n<h2>Drawdown</h2>\n<div id=\"drawdown-chart\">")
                .append(SvgChart.render("Drawdown (%)", times, drawdown, "%.1f%%", true, "#c0392b"))
                .append("</div>\n");
    }

    private static void monthlyTable(StringBuilder sb, EquityCurve curve) {
        Map<YearMonth, Double> monthly = MonthlyReturns.of(curve);
        Map<Integer, Double> yearly = MonthlyReturns.yearly(monthly);
        sb.append("<h2>Monthly returns</h2>\n<table id=\"monthly-returns\">\n<tr><th class=\"l\">Year</th>");
        for (String month : MONTHS) {
            sb.append("<th>").append(month).append("</th>");
        }
        sb.append("<th>Year</th></tr>\n");
        for (Map.Entry<Integer, Double> year : yearly.entrySet()) {
            sb.append("<tr><th class=\"l\">").append(year.getKey()).append("</th>");
            for (int m = 1; m <= 12; m++) {
                Double r = monthly.get(YearMonth.of(year.getKey(), m));
                cell(sb, r);
            }
            cell(sb, year.getValue());
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static void cell(StringBuilder sb, Double r) {
        if (r == null) {
            sb.append("<td></td>");
        } else {
            sb.append("<td class=\"").append(r < 0 ? "neg" : "pos").append("\">").append(pct(r)).append("</td>");
        }
    }

    private static void tradeTable(StringBuilder sb, List<Trade> trades) {
        sb.append("<h2>Trades</h2>\n<table id=\"trades\">\n<tr><th>#</th><th class=\"l\">Instrument</th>")
                .append("<th class=\"l\">Side</th><th class=\"l\">Entry</th><th class=\"l\">Exit</th><th>Quantity</th>")
                .append("<th>Entry price</th><th>Exit price</th><th>Gross P&amp;L</th><th>Fees</th>")
                .append("<th>Net P&amp;L</th></tr>\n");
        int i = 0;
        for (Trade trade : trades) {
            i++;
            sb.append("<tr><td>").append(i).append("</td><td class=\"l\">")
                    .append(Html.escape(trade.instrument().toString())).append("</td><td class=\"l\">")
                    .append(trade.side()).append("</td><td class=\"l\">").append(DATE_TIME.format(trade.entryTime()))
                    .append("</td><td class=\"l\">").append(DATE_TIME.format(trade.exitTime())).append("</td><td>")
                    .append(trade.quantity()).append("</td><td>").append(trade.entryPrice()).append("</td><td>")
                    .append(trade.exitPrice()).append("</td><td>").append(trade.grossPnl().toBigDecimal().toPlainString())
                    .append("</td><td>").append(trade.fees().toBigDecimal().toPlainString()).append("</td><td class=\"")
                    .append(trade.netPnl().isNegative() ? "neg" : "pos").append("\">")
                    .append(trade.netPnl().toBigDecimal().toPlainString()).append("</td></tr>\n");
        }
        sb.append("</table>\n");
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
