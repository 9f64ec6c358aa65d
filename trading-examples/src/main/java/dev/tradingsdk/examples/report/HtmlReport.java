package dev.tradingsdk.examples.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML page for an app's results: headings, text, tables and inline SVG line charts. Nothing
 * is loaded from outside the file (no scripts, fonts or stylesheets by URL), so it opens offline anywhere.
 */
public final class HtmlReport {

    /** Series colours, in order; distinct enough to tell six lines apart. */
    public static final List<String> COLOURS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
        "#8c564b", "#e377c2", "#17becf");

    private static final int WIDTH = 900;
    private static final int HEIGHT = 300;
    private static final int PAD = 50;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A preformatted block (console output, a stage's text). */
    public HtmlReport preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** A table; cells that look numeric are right-aligned. */
    public HtmlReport table(List<String> headers, List<List<String>> rows) {
        body.append("<table>\n<thead><tr>");
        headers.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, the table " + headers.size()
                    + " columns: " + row);
            }
            body.append("<tr>");
            for (String cell : row) {
                boolean numeric = cell.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?( ?[A-Z%]{1,4})?");
                body.append(numeric ? "<td class=\"n\">" : "<td>").append(escape(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        return this;
    }

    /**
     * An SVG line chart, one line per series (all of the same length or shorter), y axis from the data's range.
     *
     * @param id     the SVG element's id (tests and readers find charts by it)
     * @param series name to values, drawn in {@link #COLOURS} order
     */
    public HtmlReport lineChart(String id, String caption, Map<String, double[]> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int points = 0;
        for (double[] values : series.values()) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            points = Math.max(points, values.length);
        }
        if (points < 2 || !Double.isFinite(min)) {
            return paragraph(caption + ": not enough data to draw");
        }
        if (max == min) {
            max = min + 1;
        }
        body.append("<figure><svg id=\"").append(escape(id)).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
            .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
            .append(HEIGHT).append("\" role=\"img\">\n");
        body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fafafa\" "
            + "stroke=\"#ccc\"/>%n", PAD, 10, WIDTH - PAD - 10, HEIGHT - PAD - 10));
        for (int t = 0; t <= 4; t++) {
            double v = min + (max - min) * t / 4;
            double y = y(v, min, max);
            body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">"
                + "%s</text><line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>%n", PAD - 4, y + 3,
                escape(axis(v)), PAD, WIDTH - 10, y, y));
        }
        int i = 0;
        StringBuilder legend = new StringBuilder();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            String colour = COLOURS.get(i % COLOURS.size());
            double[] values = e.getValue();
            StringBuilder path = new StringBuilder();
            for (int p = 0; p < values.length; p++) {
                double x = PAD + (WIDTH - PAD - 10) * (double) p / (points - 1);
                path.append(p == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y(values[p], min, max)));
            }
            body.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                .append(path).append("\"><title>").append(escape(e.getKey())).append("</title></polyline>\n");
            legend.append("<span class=\"key\" style=\"border-color:").append(colour).append("\">")
                .append(escape(e.getKey())).append("</span>");
            i++;
        }
        body.append("</svg><figcaption>").append(escape(caption)).append(' ').append(legend)
            .append("</figcaption></figure>\n");
        return this;
    }

    private static double y(double v, double min, double max) {
        return 10 + (HEIGHT - PAD - 10) * (1 - (v - min) / (max - min));
    }

    private static String axis(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
            + "</title>\n<style>\nbody{font-family:sans-serif;margin:24px;color:#222}"
            + "table{border-collapse:collapse;margin:8px 0 16px}th,td{border:1px solid #ccc;padding:3px 8px;"
            + "font-size:13px}th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}"
            + "pre{background:#f6f6f6;padding:8px;white-space:pre-wrap}figure{margin:8px 0 16px}"
            + ".key{border-left:14px solid;padding-left:4px;margin-right:12px;font-size:12px}\n</style>\n</head>\n"
            + "<body>\n" + body + "</body>\n</html>\n";
    }

    /** Writes the page (creating parent directories) and returns its path. */
    public Path write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
    }
}
