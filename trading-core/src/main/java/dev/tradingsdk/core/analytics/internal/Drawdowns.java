package dev.tradingsdk.core.analytics.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The drawdown periods of a value series: from a peak, through the lowest point, to the first value back at or
 * above the peak (or to the end, unrecovered).
 */
public final class Drawdowns {

    /** Indexes into the series; {@code recovery} is -1 when the series ended below the peak. */
    public record Period(int peak, int trough, int recovery, double depth) {
    }

    private Drawdowns() {
    }

    /** The {@code count} deepest periods, deepest first. */
    public static List<Period> worst(double[] values, int count) {
        List<Period> all = new ArrayList<>();
        int peak = 0;
        int trough = -1;
        for (int i = 1; i < values.length; i++) {
            if (values[i] >= values[peak]) {
                if (trough >= 0) {
                    all.add(new Period(peak, trough, i, 1 - values[trough] / values[peak]));
                    trough = -1;
                }
                peak = i;
            } else if (trough < 0 || values[i] < values[trough]) {
                trough = i;
            }
        }
        if (trough >= 0) {
            all.add(new Period(peak, trough, -1, 1 - values[trough] / values[peak]));
        }
        all.sort(Comparator.comparingDouble(Period::depth).reversed().thenComparingInt(Period::peak));
        return all.subList(0, Math.min(count, all.size()));
    }
}
