package dev.tradingsdk.core.analytics.internal;

import dev.tradingsdk.core.analytics.EquityCurve;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calendar-month returns (UTC) of an equity curve. A sample belongs to the month of the instant just before
 * its time, so a daily bar closing at midnight on the 1st counts for the month it covered. A month's return is: the
 * month's last equity over the previous month's last (or
 * over the first sample, for the first month), minus one. Yearly returns chain the same way.
 */
public final class MonthlyReturns {

    private MonthlyReturns() {
    }

    public static Map<YearMonth, Double> of(EquityCurve curve) {
        long[] times = new long[curve.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = curve.epochNanos(i);
        }
        return of(times, curve.equityValues());
    }

    /** The same for any value series at epoch-nanosecond times. */
    public static Map<YearMonth, Double> of(long[] times, double[] equity) {
        Map<YearMonth, Double> out = new TreeMap<>();
        if (times.length == 0) {
            return out;
        }
        double base = equity[0];
        YearMonth month = month(times[0]);
        double last = equity[0];
        for (int i = 1; i < times.length; i++) {
            YearMonth m = month(times[i]);
            if (!m.equals(month)) {
                out.put(month, last / base - 1);
                base = last;
                month = m;
            }
            last = equity[i];
        }
        out.put(month, last / base - 1);
        return out;
    }

    /** Year → return chained from its months. */
    public static Map<Integer, Double> yearly(Map<YearMonth, Double> monthly) {
        Map<Integer, Double> growth = new TreeMap<>();
        for (Map.Entry<YearMonth, Double> e : monthly.entrySet()) {
            growth.merge(e.getKey().getYear(), 1 + e.getValue(), (a, b) -> a * b);
        }
        growth.replaceAll((year, g) -> g - 1);
        return growth;
    }

    private static YearMonth month(long epochNanos) {
        long before = epochNanos - 1;
        Instant t = EpochNanos.toInstant(before);
        return YearMonth.from(t.atZone(ZoneOffset.UTC));
    }
}
