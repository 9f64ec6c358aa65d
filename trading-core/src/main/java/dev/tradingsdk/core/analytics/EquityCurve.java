package dev.tradingsdk.core.analytics;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Account equity sampled over time, with the gross exposure (sum of absolute position values) at each sample.
 * Values are raw fixed-point numbers at {@link #precision()} in {@link #currency()}; times are strictly
 * increasing epoch nanoseconds. Immutable; build with {@link #builder(Currency, int)}.
 */
public final class EquityCurve {

    private final Currency currency;
    private final int precision;
    private final long[] times;
    private final long[] equity;
    private final long[] exposure;

    private EquityCurve(Currency currency, int precision, long[] times, long[] equity, long[] exposure) {
        this.currency = currency;
        this.precision = precision;
        this.times = times;
        this.equity = equity;
        this.exposure = exposure;
    }

    public static Builder builder(Currency currency, int precision) {
        return new Builder(currency, precision, 256);
    }

    /** A builder with room for {@code expectedSamples} samples before it has to grow. */
    public static Builder builder(Currency currency, int precision, int expectedSamples) {
        return new Builder(currency, precision, Math.max(16, expectedSamples));
    }

    public Currency currency() {
        return currency;
    }

    public int precision() {
        return precision;
    }

    public int size() {
        return times.length;
    }

    public long epochNanos(int index) {
        return times[index];
    }

    public Instant time(int index) {
        return EpochNanos.toInstant(times[index]);
    }

    public long equityRaw(int index) {
        return equity[index];
    }

    public Money equity(int index) {
        return Money.ofRaw(equity[index], precision, currency);
    }

    public long exposureRaw(int index) {
        return exposure[index];
    }

    /** Equity as doubles, for statistics and charts only. */
    public double[] equityValues() {
        double[] out = new double[equity.length];
        double scale = FixedMath.powerOfTen(precision);
        for (int i = 0; i < out.length; i++) {
            out[i] = equity[i] / scale;
        }
        return out;
    }

    /** Simple period returns {@code e[i] / e[i-1] - 1}; one fewer than the samples. */
    public double[] returns() {
        if (equity.length < 2) {
            return new double[0];
        }
        double[] out = new double[equity.length - 1];
        for (int i = 1; i < equity.length; i++) {
            out[i - 1] = (double) equity[i] / equity[i - 1] - 1.0;
        }
        return out;
    }

    /** Samples appended in time order; a sample at the time of the last one replaces it. */
    public static final class Builder {
        private final Currency currency;
        private final int precision;
        private long[] times;
        private long[] equity;
        private long[] exposure;
        private int size;
        private boolean handedOver;

        private Builder(Currency currency, int precision, int capacity) {
            this.currency = Objects.requireNonNull(currency, "currency");
            this.precision = FixedMath.checkPrecision(precision);
            this.times = new long[capacity];
            this.equity = new long[capacity];
            this.exposure = new long[capacity];
        }

        public int precision() {
            return precision;
        }

        /** Appends or replaces the last sample; throws when {@code epochNanos} is before the last sample. */
        public Builder add(long epochNanos, long equityRaw, long exposureRaw) {
            if (handedOver) {
                throw new IllegalStateException("the curve was built; start a new builder");
            }
            if (size > 0 && epochNanos <= times[size - 1]) {
                if (epochNanos < times[size - 1]) {
                    throw new IllegalArgumentException("sample time " + epochNanos + " is before the last, "
                            + times[size - 1]);
                }
                size--;
            }
            if (size == times.length) {
                int capacity = Math.multiplyExact(size, 2);
                times = Arrays.copyOf(times, capacity);
                equity = Arrays.copyOf(equity, capacity);
                exposure = Arrays.copyOf(exposure, capacity);
            }
            times[size] = epochNanos;
            equity[size] = equityRaw;
            exposure[size] = exposureRaw;
            size++;
            return this;
        }

        /** Appends or replaces the last sample; values with more decimals than the curve's precision throw. */
        public Builder add(Instant time, Money equityValue, Money exposureValue) {
            return add(EpochNanos.of(time),
                    rawOf("equity", equityValue), rawOf("exposure", exposureValue));
        }

        /** The raw value at the curve's precision; more decimals than that are refused, not rounded away. */
        private long rawOf(String field, Money value) {
            if (!value.currency().equals(currency)) {
                throw new IllegalArgumentException("curve is in " + currency + ", value in " + value.currency());
            }
            try {
                return value.rawAt(precision);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(field + " " + value + " does not fit the curve's precision "
                        + precision + "; round it explicitly first", e);
            }
        }

        /** The curve. A full builder hands its arrays over (no copy) and refuses further samples. */
        public EquityCurve build() {
            if (size == times.length) {
                handedOver = true;
                return new EquityCurve(currency, precision, times, equity, exposure);
            }
            return new EquityCurve(currency, precision, Arrays.copyOf(times, size), Arrays.copyOf(equity, size),
                    Arrays.copyOf(exposure, size));
        }
    }
}
