package dev.tradingsdk.core.indicators.internal;

/**
 * The last {@code n} values with their mean and sum of squared deviations, updated in O(1): Welford's
 * recurrence while filling, then its sliding form (replace the oldest value: {@code mean += (x − old) / n},
 * {@code m2 += (x − old)·(x − mean' + old − mean)}). Unlike a running sum of squares it keeps full precision
 * when the mean is large against the spread, as it is for prices. Each time the window has been replaced
 * whole, mean and spread are recomputed from the stored values in two passes, so rounding cannot accumulate
 * beyond one window: amortized O(1) (two extra reads per update), no allocation.
 */
public final class RollingWindow {

    private final double[] values;
    private int next;
    private int size;
    private double mean;
    private double m2;

    public RollingWindow(int capacity) {
        this.values = new double[capacity];
    }

    /** Adds {@code x}, dropping the oldest value once full. */
    public void add(double x) {
        int n = values.length;
        if (size < n) {
            size++;
            double delta = x - mean;
            mean += delta / size;
            m2 += delta * (x - mean);
        } else {
            double old = values[next];
            double previousMean = mean;
            mean += (x - old) / n;
            m2 += (x - old) * (x - mean + old - previousMean);
            if (m2 < 0) {
                m2 = 0;
            }
        }
        values[next] = x;
        next = next + 1 == n ? 0 : next + 1;
        if (next == 0 && size == n) {
            recompute();
        }
    }

    private void recompute() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double m = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - m) * (v - m);
        }
        mean = m;
        m2 = squares;
    }

    public boolean isFull() {
        return size == values.length;
    }

    public int size() {
        return size;
    }

    public double mean() {
        return mean;
    }

    public double sum() {
        return mean * size;
    }

    /** Variance dividing by n (the window is the population, as for Bollinger Bands). */
    public double populationVariance() {
        return m2 / size;
    }

    /** Variance dividing by n − 1. */
    public double sampleVariance() {
        return m2 / (size - 1);
    }

    /** The value that the next {@link #add} replaces once full (the oldest). */
    public double oldest() {
        return values[next];
    }

    public void clear() {
        next = 0;
        size = 0;
        mean = 0;
        m2 = 0;
    }
}
