package dev.tradingsdk.core.analytics.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A static line chart as inline SVG: one series over time, axis labels at the extremes, optionally filled down
 * to zero (for drawdowns). Long series are reduced to the minimum and maximum of each pixel column, so the
 * shape (including every extreme) survives while the file stays small.
 */
public final class SvgChart {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 260;
    private static final int LEFT = 90;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;

    private SvgChart() {
    }

    /**
     * @param times epoch nanoseconds, increasing
     * @param values the series
     * @param format how axis values are written, e.g. {@code "%,.0f"} or {@code "%.1f%%"}
     */
    public static String render(String title, long[] times, double[] values, String format, boolean fillToZero,
                                String color) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"100%\"><title>").append(Html.escape(title)).append("</title>");
        if (values.length == 0) {
            return sb.append("<text x=\"20\" y=\"40\">no data</text></svg>").toString();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (fillToZero) {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        if (max == min) {
            max = min + 1;
        }
        long t0 = times[0];
        long span = Math.max(1, times[times.length - 1] - t0);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
        StringBuilder points = new StringBuilder(values.length * 8);
        int column = -1;
        double colMin = 0;
        double colMax = 0;
        for (int i = 0; i < values.length; i++) {
            int x = (int) ((double) (times[i] - t0) / span * plotW);
            if (x != column) {
                if (column >= 0) {
                    appendColumn(points, column, colMin, colMax, min, max, plotH);
                }
                column = x;
                colMin = values[i];
                colMax = values[i];
            } else {
                colMin = Math.min(colMin, values[i]);
                colMax = Math.max(colMax, values[i]);
            }
        }
        appendColumn(points, column, colMin, colMax, min, max, plotH);
        if (fillToZero) {
            double zeroY = y(0, min, max, plotH);
            sb.append("<polygon fill=\"").append(color).append("\" fill-opacity=\"0.35\" stroke=\"").append(color)
                    .append("\" points=\"").append(LEFT).append(',').append(fmt(zeroY)).append(' ').append(points)
                    .append(LEFT + column).append(',').append(fmt(zeroY)).append("\"/>");
        } else {
            sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                    .append(points).append("\"/>");
        }
        label(sb, LEFT - 6, TOP + 10, "end", String.format(Locale.ROOT, format, max));
        label(sb, LEFT - 6, TOP + plotH, "end", String.format(Locale.ROOT, format, min));
        label(sb, LEFT, HEIGHT - 8, "start", DATE.format(instant(times[0])));
        label(sb, WIDTH - RIGHT, HEIGHT - 8, "end", DATE.format(instant(times[times.length - 1])));
        return sb.append("</svg>").toString();
    }

    private static void appendColumn(StringBuilder points, int column, double lo, double hi, double min, double max,
                                     int plotH) {
        int x = LEFT + column;
        points.append(x).append(',').append(fmt(y(hi, min, max, plotH))).append(' ');
        if (lo != hi) {
            points.append(x).append(',').append(fmt(y(lo, min, max, plotH))).append(' ');
        }
    }

    private static double y(double v, double min, double max, int plotH) {
        return TOP + (max - v) / (max - min) * plotH;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void label(StringBuilder sb, int x, int y, String anchor, String text) {
        sb.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"12\" fill=\"#333\">").append(Html.escape(text)).append("</text>");
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
