package dev.tradingsdk.core.indicators;

import dev.tradingsdk.core.indicators.internal.RollingWindow;
import dev.tradingsdk.core.indicators.internal.Warmup;

/**
 * Bollinger Bands: middle {@code SMA(period)}, upper and lower {@code middle ± k·σ} with σ the standard
 * deviation of the same window dividing by {@code period} (Bollinger's definition, and ta4j's); 20 and 2 by
 * convention. Defined from the {@code period}-th value on.
 */
public final class BollingerBands extends CountingIndicator {

    private final int period;
    private final double k;
    private final RollingWindow window;

    public BollingerBands(int period, double k) {
        super(Warmup.checkPeriod("period", period, 2));
        this.period = period;
        if (!(k > 0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("k must be positive and finite, was " + k);
        }
        this.k = k;
        this.window = new RollingWindow(period);
    }

    public void update(double value) {
        window.add(Warmup.checkFinite("value", value));
        updates++;
    }

    private void check() {
        if (!window.isFull()) {
            throw Warmup.notReady("Bollinger(" + period + "," + k + ")", updates, period);
        }
    }

    public double middle() {
        check();
        return window.mean();
    }

    public double deviation() {
        check();
        return Math.sqrt(window.populationVariance());
    }

    public double upper() {
        return middle() + k * deviation();
    }

    public double lower() {
        return middle() - k * deviation();
    }

    @Override
    public boolean isReady() {
        return window.isFull();
    }


    @Override
    public void reset() {
        window.clear();
        updates = 0;
    }
}
