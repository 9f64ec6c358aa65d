package dev.tradingsdk.core.indicators;

import dev.tradingsdk.core.indicators.internal.RollingWindow;
import dev.tradingsdk.core.indicators.internal.Warmup;

/**
 * The sample standard deviation (dividing by {@code period − 1}) of the last {@code period} log returns
 * {@code ln(p_t / p_{t−1})}, optionally annualized by {@code √periodsPerYear}. Defined from the
 * {@code period + 1}-th price on. Prices must be positive.
 */
public final class RollingVolatility extends CountingIndicator {

    private final int period;
    private final double scale;
    private final RollingWindow window;
    private double previous;

    /** Per-period volatility (not annualized). */
    public RollingVolatility(int period) {
        this(period, 1);
    }

    /** Volatility annualized with {@code periodsPerYear} (365 for daily crypto, 252 for trading days). */
    public RollingVolatility(int period, int periodsPerYear) {
        super(Warmup.checkPeriod("period", period, 2) + 1);
        this.period = period;
        this.scale = Math.sqrt(Warmup.checkPeriod("periodsPerYear", periodsPerYear, 1));
        this.window = new RollingWindow(period);
    }

    public void update(double price) {
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be positive and finite, was " + price);
        }
        if (updates > 0) {
            window.add(Math.log(price / previous));
        }
        previous = price;
        updates++;
    }

    public double value() {
        if (!window.isFull()) {
            throw Warmup.notReady("RollingVolatility(" + period + ")", updates, period + 1);
        }
        return Math.sqrt(window.sampleVariance()) * scale;
    }

    @Override
    public boolean isReady() {
        return window.isFull();
    }


    @Override
    public void reset() {
        window.clear();
        previous = 0;
        updates = 0;
    }
}
