package dev.tradingsdk.core.analytics.internal;

import dev.tradingsdk.core.time.EpochNanos;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Static charts as inline SVG, drawn by hand so the report needs no script and no network: time-series lines
 * with "nice" value ticks (1, 2 or 5 times a power of ten, or powers of ten on a log scale), calendar time
 * ticks, gridlines and a legend; and a histogram. Long series are reduced to the minimum and maximum of each
 * pixel column, so the shape (every extreme included) survives while the file stays small. The SVG scales to
 * its container's width; the report keeps a minimum width and lets narrow screens scroll sideways, so labels
 * stay readable.
 */
public final class SvgChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 300;
    private static final int LEFT = 84;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 34;
    private static final int PLOT_W = WIDTH - LEFT - RIGHT;
    private static final int PLOT_H = HEIGHT - TOP - BOTTOM;

    /** One line: epoch-nanosecond times (increasing) and values; NaN values leave a gap. */
    public record Series(String name, long[] times, double[] values, String color, boolean fillToZero) {
    }

    private SvgChart() {
    }

    /**
     * A time-series chart.
     *
     * @param format how axis values are written, e.g. {@code v -> String.format("%,.0f", v)}
     * @param logScale a log value axis; ignored (and said so in the title) when a value is not positive
     */
    public static String lines(String title, List<Series> series, DoubleFunction<String> format, boolean logScale) {
        StringBuilder sb = open(title, logScale);
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean fill = false;
        for (Series s : series) {
            if (s.times().length == 0) {
                continue;
            }
            t0 = Math.min(t0, s.times()[0]);
            t1 = Math.max(t1, s.times()[s.times().length - 1]);
            for (double v : s.values()) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            fill |= s.fillToZero();
        }
        if (min > max) {
            return sb.append("<text x=\"").append(LEFT + 10).append("\" y=\"").append(TOP + 30)
                    .append("\" font-size=\"14\">no data</text></svg>").toString();
        }
        boolean log = logScale && min > 0;
        if (logScale && !log) {
            sb.append("<text class=\"note\" x=\"").append(WIDTH - RIGHT).append("\" y=\"16\" text-anchor=\"end\" ")
                    .append("font-size=\"12\" fill=\"#a00\">log scale unavailable: values at or below 0</text>");
        }
        if (fill) {
            min = Math.min(min, 0);
            max = Math.max(max, 0);
        }
        Scale y = log ? Scale.log(min, max) : Scale.linear(min, max);
        long span = Math.max(1, t1 - t0);
        frame(sb);
        valueAxis(sb, y, format);
        timeAxis(sb, t0, t1);
        if (!log && y.lo < 0 && y.hi > 0) {
            double zy = y.toY(0);
            sb.append("<line class=\"zero\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_W)
                    .append("\" y1=\"").append(fmt(zy)).append("\" y2=\"").append(fmt(zy))
                    .append("\" stroke=\"#777\" stroke-width=\"1\"/>");
        }
        for (Series s : series) {
            path(sb, s, y, t0, span);
        }
        legend(sb, series);
        return sb.append("</svg>").toString();
    }

    /** A histogram of {@code values} in {@code bins} equal-width bins; {@code format} writes the bin edges. */
    public static String histogram(String title, double[] values, int bins, DoubleFunction<String> format,
                                   String color) {
        StringBuilder sb = open(title, false);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0) {
            return sb.append("<text x=\"").append(LEFT + 10).append("\" y=\"").append(TOP + 30)
                    .append("\" font-size=\"14\">no data</text></svg>").toString();
        }
        // bins span the data; the axis is the data's range widened to whole ticks
        Scale x = Scale.linear(min, max);
        double width = max > min ? (max - min) / bins : 1;
        int[] counts = new int[bins];
        int top = 0;
        for (double v : values) {
            int b = Math.min(bins - 1, (int) ((v - min) / width));
            top = Math.max(top, ++counts[b]);
        }
        Scale y = Scale.linear(0, top);
        frame(sb);
        valueAxis(sb, y, v -> String.format(Locale.ROOT, "%.0f", v));
        sb.append("<g class=\"axis-x\">");
        for (double tick : x.ticks) {
            double px = x.toX(tick);
            sb.append("<line class=\"grid\" x1=\"").append(fmt(px)).append("\" x2=\"").append(fmt(px))
                    .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + PLOT_H)
                    .append("\" stroke=\"#e3e3e3\"/>");
            label(sb, px, TOP + PLOT_H + 16, "middle", format.apply(tick));
        }
        sb.append("</g><g class=\"bars\">");
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double x0 = x.toX(min + b * width);
            double w = Math.max(1, x.toX(min + (b + 1) * width) - x0 - 1);
            double top0 = y.toY(counts[b]);
            sb.append("<rect class=\"bar\" x=\"").append(fmt(x0)).append("\" y=\"").append(fmt(top0))
                    .append("\" width=\"").append(fmt(w)).append("\" height=\"").append(fmt(TOP + PLOT_H - top0))
                    .append("\" fill=\"").append(color).append("\"><title>").append(format.apply(min + b * width))
                    .append(" to ").append(format.apply(min + (b + 1) * width)).append(": ").append(counts[b])
                    .append("</title></rect>");
        }
        if (x.lo < 0 && x.hi > 0) {
            double zx = x.toX(0);
            sb.append("<line class=\"zero\" x1=\"").append(fmt(zx)).append("\" x2=\"").append(fmt(zx))
                    .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + PLOT_H)
                    .append("\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>");
        }
        return sb.append("</g></svg>").toString();
    }

    private static StringBuilder open(String title, boolean logScale) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"100%\" font-family=\"system-ui,sans-serif\"")
                .append(logScale ? " data-scale=\"log\"" : "").append("><title>").append(Html.escape(title))
                .append("</title>");
        return sb;
    }

    private static void frame(StringBuilder sb) {
        sb.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
                .append(PLOT_W).append("\" height=\"").append(PLOT_H).append("\" fill=\"#fcfcfc\" stroke=\"#bbb\"/>");
    }

    private static void valueAxis(StringBuilder sb, Scale y, DoubleFunction<String> format) {
        sb.append("<g class=\"axis-y\">");
        for (double tick : y.ticks) {
            double py = y.toY(tick);
            sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_W)
                    .append("\" y1=\"").append(fmt(py)).append("\" y2=\"").append(fmt(py))
                    .append("\" stroke=\"#e3e3e3\"/>");
            sb.append("<line x1=\"").append(LEFT - 5).append("\" x2=\"").append(LEFT).append("\" y1=\"")
                    .append(fmt(py)).append("\" y2=\"").append(fmt(py)).append("\" stroke=\"#555\"/>");
            label(sb, LEFT - 8, py + 4, "end", format.apply(tick));
        }
        sb.append("</g>");
    }

    private static void timeAxis(StringBuilder sb, long t0, long t1) {
        sb.append("<g class=\"axis-x\">");
        long span = Math.max(1, t1 - t0);
        for (long tick : TimeTicks.between(t0, t1)) {
            double px = LEFT + (double) (tick - t0) / span * PLOT_W;
            sb.append("<line class=\"grid\" x1=\"").append(fmt(px)).append("\" x2=\"").append(fmt(px))
                    .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + PLOT_H)
                    .append("\" stroke=\"#e3e3e3\"/>");
            sb.append("<line x1=\"").append(fmt(px)).append("\" x2=\"").append(fmt(px)).append("\" y1=\"")
                    .append(TOP + PLOT_H).append("\" y2=\"").append(TOP + PLOT_H + 5).append("\" stroke=\"#555\"/>");
            label(sb, px, TOP + PLOT_H + 19, "middle", TimeTicks.label(tick, span));
        }
        sb.append("</g>");
    }

    private static void path(StringBuilder sb, Series s, Scale y, long t0, long span) {
        long[] times = s.times();
        double[] values = s.values();
        StringBuilder points = new StringBuilder(Math.min(values.length, 2 * PLOT_W) * 12);
        List<String> runs = new ArrayList<>();
        int column = -1;
        double lo = 0;
        double hi = 0;
        int firstX = -1;
        int lastX = -1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                if (column >= 0) {
                    appendColumn(points, column, lo, hi, y);
                    column = -1;
                }
                flush(runs, points);
                continue;
            }
            int x = (int) ((double) (times[i] - t0) / span * PLOT_W);
            if (x != column) {
                if (column >= 0) {
                    appendColumn(points, column, lo, hi, y);
                }
                if (firstX < 0) {
                    firstX = x;
                }
                column = x;
                lo = values[i];
                hi = values[i];
            } else {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
            }
            lastX = x;
        }
        if (column >= 0) {
            appendColumn(points, column, lo, hi, y);
        }
        flush(runs, points);
        for (String run : runs) {
            if (s.fillToZero()) {
                double zy = y.toY(Math.max(y.lo, Math.min(0, y.hi)));
                sb.append("<polygon class=\"series\" data-series=\"").append(Html.escape(s.name()))
                        .append("\" fill=\"").append(s.color()).append("\" fill-opacity=\"0.35\" stroke=\"")
                        .append(s.color()).append("\" points=\"").append(LEFT + firstX).append(',').append(fmt(zy))
                        .append(' ').append(run).append(LEFT + lastX).append(',').append(fmt(zy)).append("\"/>");
            } else {
                sb.append("<polyline class=\"series\" data-series=\"").append(Html.escape(s.name()))
                        .append("\" fill=\"none\" stroke=\"").append(s.color())
                        .append("\" stroke-width=\"1.6\" points=\"").append(run).append("\"/>");
            }
        }
    }

    private static void flush(List<String> runs, StringBuilder points) {
        if (points.length() > 0) {
            runs.add(points.toString());
            points.setLength(0);
        }
    }

    private static void appendColumn(StringBuilder points, int column, double lo, double hi, Scale y) {
        int x = LEFT + column;
        points.append(x).append(',').append(fmt(y.toY(hi))).append(' ');
        if (lo != hi) {
            points.append(x).append(',').append(fmt(y.toY(lo))).append(' ');
        }
    }

    private static void legend(StringBuilder sb, List<Series> series) {
        sb.append("<g class=\"legend\">");
        int x = LEFT;
        for (Series s : series) {
            sb.append("<rect x=\"").append(x).append("\" y=\"8\" width=\"14\" height=\"10\" fill=\"").append(s.color())
                    .append("\"/>");
            label(sb, x + 19, 17, "start", s.name());
            x += 30 + 7 * s.name().length();
        }
        sb.append("</g>");
    }

    private static void label(StringBuilder sb, double x, double y, String anchor, String text) {
        sb.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"12\" fill=\"#333\">").append(Html.escape(text))
                .append("</text>");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A value axis: its bounds (widened to whole ticks) and its ticks. */
    private static final class Scale {
        final double lo;
        final double hi;
        final boolean log;
        final List<Double> ticks;

        private Scale(double lo, double hi, boolean log, List<Double> ticks) {
            this.lo = lo;
            this.hi = hi;
            this.log = log;
            this.ticks = ticks;
        }

        static Scale linear(double min, double max) {
            if (max == min) {
                double pad = min == 0 ? 1 : Math.abs(min) * 0.05;
                min -= pad;
                max += pad;
            }
            double step = niceStep((max - min) / 6);
            double lo = Math.floor(min / step) * step;
            double hi = Math.ceil(max / step) * step;
            List<Double> ticks = new ArrayList<>();
            for (int i = 0; lo + i * step <= hi + step * 1e-9; i++) {
                double t = lo + i * step;
                ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
            }
            return new Scale(lo, hi, false, ticks);
        }

        static Scale log(double min, double max) {
            double lo = Math.floor(Math.log10(min));
            double hi = Math.ceil(Math.log10(max));
            if (hi == lo) {
                hi = lo + 1;
            }
            List<Double> ticks = new ArrayList<>();
            boolean fine = hi - lo <= 2;
            for (double e = lo; e <= hi; e++) {
                double p = Math.pow(10, e);
                ticks.add(p);
                if (fine && e < hi) {
                    ticks.add(2 * p);
                    ticks.add(5 * p);
                }
            }
            return new Scale(Math.pow(10, lo), Math.pow(10, hi), true, ticks);
        }

        /** Horizontal position of {@code v} when this scale is the x axis (linear). */
        double toX(double v) {
            return LEFT + (v - lo) / (hi - lo) * PLOT_W;
        }

        double toY(double v) {
            double f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
                    : (v - lo) / (hi - lo);
            return TOP + (1 - f) * PLOT_H;
        }

        private static double niceStep(double rough) {
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            double m = rough / power;
            return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
        }
    }

    /** Calendar ticks (UTC): whole years, months, days or hours, at most about eight. */
    private static final class TimeTicks {
        private static final long HOUR = 3_600_000_000_000L;
        private static final long DAY = 24 * HOUR;
        private static final int[] YEAR_STEPS = {1, 2, 5, 10, 20, 50};
        private static final int[] MONTH_STEPS = {1, 2, 3, 6};
        private static final int[] DAY_STEPS = {1, 2, 7, 14};
        private static final int[] HOUR_STEPS = {1, 2, 3, 6, 12};
        private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yyyy");
        private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

        static List<Long> between(long t0, long t1) {
            double days = (double) (t1 - t0) / DAY;
            if (days >= 3 * 365) {
                return ticks(t0, t1, ChronoUnit.YEARS, pick(YEAR_STEPS, days / 365));
            }
            if (days >= 90) {
                return ticks(t0, t1, ChronoUnit.MONTHS, pick(MONTH_STEPS, days / 30.4));
            }
            if (days >= 4) {
                return ticks(t0, t1, ChronoUnit.DAYS, pick(DAY_STEPS, days));
            }
            return ticks(t0, t1, ChronoUnit.HOURS, pick(HOUR_STEPS, days * 24));
        }

        private static int pick(int[] steps, double units) {
            for (int s : steps) {
                if (units / s <= 8) {
                    return s;
                }
            }
            return steps[steps.length - 1] * (int) Math.ceil(units / 8 / steps[steps.length - 1]);
        }

        private static List<Long> ticks(long t0, long t1, ChronoUnit unit, int step) {
            LocalDateTime start = LocalDateTime.ofInstant(instant(t0), ZoneOffset.UTC);
            LocalDateTime t = switch (unit) {
                case YEARS -> LocalDateTime.of(start.getYear() - Math.floorMod(start.getYear(), step), 1, 1, 0, 0);
                case MONTHS -> LocalDateTime.of(start.getYear(), 1, 1, 0, 0);
                case DAYS -> start.truncatedTo(ChronoUnit.DAYS);
                default -> start.truncatedTo(ChronoUnit.DAYS);
            };
            List<Long> out = new ArrayList<>();
            while (true) {
                long nanos = nanos(t);
                if (nanos > t1) {
                    return out;
                }
                if (nanos >= t0) {
                    out.add(nanos);
                }
                t = t.plus(step, unit);
            }
        }

        static String label(long tick, long span) {
            LocalDateTime t = LocalDateTime.ofInstant(instant(tick), ZoneOffset.UTC);
            double days = (double) span / DAY;
            DateTimeFormatter f = days >= 3 * 365 ? YEAR : days >= 90 ? MONTH : days >= 4 ? DATE : HOUR_MINUTE;
            return f.format(t);
        }

        private static long nanos(LocalDateTime t) {
            Instant i = t.toInstant(ZoneOffset.UTC);
            return EpochNanos.of(i);
        }

        private static Instant instant(long nanos) {
            return EpochNanos.toInstant(nanos);
        }
    }
}
