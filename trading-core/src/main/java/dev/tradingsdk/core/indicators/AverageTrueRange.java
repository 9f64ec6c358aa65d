package dev.tradingsdk.core.indicators;

import dev.tradingsdk.core.indicators.internal.Warmup;
import dev.tradingsdk.core.market.Bar;

/**
 * Wilder's average true range. The true range is {@code max(high, previous close) − min(low, previous close)}
 * ({@code high − low} for the first bar); the average is seeded with the simple average of the first
 * {@code period} true ranges and then smoothed with {@code α = 1 / period}. Defined from the
 * {@code period}-th bar on.
 */
public final class AverageTrueRange extends CountingIndicator {

    private final int period;
    private final ExponentialMovingAverage average;
    private double previousClose;

    public AverageTrueRange(int period) {
        super(Warmup.checkPeriod("period", period, 1));
        this.period = period;
        this.average = ExponentialMovingAverage.wilder(period);
    }

    public void update(Bar bar) {
        update(bar.high().toDouble(), bar.low().toDouble(), bar.close().toDouble());
    }

    public void update(double high, double low, double close) {
        Warmup.checkFinite("high", high);
        Warmup.checkFinite("low", low);
        Warmup.checkFinite("close", close);
        if (high < low) {
            throw new IllegalArgumentException("high " + high + " is below low " + low);
        }
        double range = updates == 0 ? high - low : Math.max(high, previousClose) - Math.min(low, previousClose);
        average.update(range);
        previousClose = close;
        updates++;
    }

    public double value() {
        if (!average.isReady()) {
            throw Warmup.notReady("ATR(" + period + ")", updates, period);
        }
        return average.value();
    }

    @Override
    public boolean isReady() {
        return average.isReady();
    }


    @Override
    public void reset() {
        average.reset();
        previousClose = 0;
        updates = 0;
    }
}
