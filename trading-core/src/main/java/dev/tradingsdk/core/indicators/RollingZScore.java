package dev.tradingsdk.core.indicators;

import dev.tradingsdk.core.indicators.internal.RollingWindow;
import dev.tradingsdk.core.indicators.internal.Warmup;

/**
 * How many standard deviations the latest value lies from the mean of the last {@code period} values
 * (itself included), with the deviation dividing by {@code period}: {@code (x − mean) / σ}, the same σ as
 * {@link BollingerBands}. Defined once the window is full and not flat (a flat window has no spread, so no
 * z-score).
 */
public final class RollingZScore extends CountingIndicator {

    private final int period;
    private final RollingWindow window;
    private double last;

    public RollingZScore(int period) {
        super(Warmup.checkPeriod("period", period, 2));
        this.period = period;
        this.window = new RollingWindow(period);
    }

    public void update(double value) {
        window.add(Warmup.checkFinite("value", value));
        last = value;
        updates++;
    }

    public double value() {
        if (!isReady()) {
            throw Warmup.notReady("ZScore(" + period + ")", updates, period);
        }
        return (last - window.mean()) / Math.sqrt(window.populationVariance());
    }

    @Override
    public boolean isReady() {
        return window.isFull() && window.populationVariance() > 0;
    }


    @Override
    public void reset() {
        window.clear();
        last = 0;
        updates = 0;
    }
}
