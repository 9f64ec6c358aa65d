package dev.tradingsdk.core.indicators;

import dev.tradingsdk.core.indicators.internal.Warmup;

/**
 * Exponential moving average with {@code α = 2 / (period + 1)}, seeded with the simple average of the first
 * {@code period} values (so it is defined from the {@code period}-th value on), then
 * {@code ema = ema + α·(x − ema)}. ta4j seeds with the first value instead; the two converge as
 * {@code (1 − α)^t}.
 */
public final class ExponentialMovingAverage extends CountingIndicator {

    private final int period;
    private final double alpha;
    private double seedSum;
    private double ema;

    public ExponentialMovingAverage(int period) {
        this(period, 2.0 / (period + 1));
    }

    /** With any smoothing factor; Wilder's smoothing is {@code 1 / period}. */
    ExponentialMovingAverage(int period, double alpha) {
        super(Warmup.checkPeriod("period", period, 1));
        this.period = period;
        this.alpha = alpha;
    }

    /** Wilder's smoothing ({@code α = 1 / period}), as RSI and ATR use it. */
    public static ExponentialMovingAverage wilder(int period) {
        return new ExponentialMovingAverage(period, 1.0 / Warmup.checkPeriod("period", period, 1));
    }

    public void update(double value) {
        Warmup.checkFinite("value", value);
        updates++;
        if (updates < period) {
            seedSum += value;
        } else if (updates == period) {
            ema = (seedSum + value) / period;
        } else {
            ema += alpha * (value - ema);
        }
    }

    public double value() {
        if (updates < period) {
            throw Warmup.notReady("EMA(" + period + ")", updates, period);
        }
        return ema;
    }

    @Override
    public boolean isReady() {
        return updates >= period;
    }


    @Override
    public void reset() {
        seedSum = 0;
        ema = 0;
        updates = 0;
    }
}
