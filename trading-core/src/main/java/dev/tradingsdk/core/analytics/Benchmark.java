package dev.tradingsdk.core.analytics;

import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A series to judge a run against: buy-and-hold of an instrument ({@link #buyAndHold}) or any value series
 * ({@link #of}). Values are doubles (statistics and display only); times are strictly increasing epoch
 * nanoseconds. A report reads it as a step function: at each equity sample the benchmark's last value at or
 * before that time.
 */
public final class Benchmark {

    private final String name;
    private final long[] times;
    private final double[] values;

    private Benchmark(String name, long[] times, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        if (times.length != values.length) {
            throw new IllegalArgumentException(times.length + " times but " + values.length + " values");
        }
        if (times.length == 0) {
            throw new IllegalArgumentException("benchmark " + name + " has no values");
        }
        for (int i = 0; i < times.length; i++) {
            if (!(values[i] > 0) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException("benchmark " + name + " value " + i + " must be positive, was "
                        + values[i]);
            }
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("benchmark " + name + " time " + i + " (" + times[i]
                        + ") is not after the previous (" + times[i - 1] + ")");
            }
        }
        this.times = times;
        this.values = values;
    }

    /** Holding the instrument of {@code bars}: its close at each bar's close time. */
    public static Benchmark buyAndHold(String name, List<Bar> bars) {
        long[] t = new long[bars.size()];
        double[] v = new double[bars.size()];
        for (int i = 0; i < t.length; i++) {
            Bar b = bars.get(i);
            t[i] = nanos(b.closeTime());
            v[i] = b.close().toDouble();
        }
        return new Benchmark(name, t, v);
    }

    /** Any positive series at the given times. */
    public static Benchmark of(String name, List<Instant> times, double[] values) {
        long[] t = new long[times.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = nanos(times.get(i));
        }
        return new Benchmark(name, t, values.clone());
    }

    private static long nanos(Instant t) {
        return EpochNanos.of(t);
    }

    public String name() {
        return name;
    }

    /**
     * The benchmark at each sample of {@code curve}, rescaled to start at the curve's first equity, so both
     * lines start together. Samples before the benchmark's first value take that first value.
     */
    public double[] alignedTo(EquityCurve curve) {
        double[] out = new double[curve.size()];
        int j = 0;
        for (int i = 0; i < out.length; i++) {
            long t = curve.epochNanos(i);
            while (j + 1 < times.length && times[j + 1] <= t) {
                j++;
            }
            out[i] = values[j];
        }
        if (out.length > 0) {
            double scale = curve.equityValues()[0] / out[0];
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
        }
        return out;
    }

    /** Whether the benchmark starts after the curve does (its first value is then carried backwards). */
    public boolean startsAfter(EquityCurve curve) {
        return curve.size() > 0 && times[0] > curve.epochNanos(0);
    }

    @Override
    public String toString() {
        return "Benchmark[" + name + ", " + times.length + " values]";
    }
}
