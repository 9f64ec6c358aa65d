package dev.tradingsdk.core.indicators;

import dev.tradingsdk.core.indicators.internal.RollingWindow;
import dev.tradingsdk.core.indicators.internal.Warmup;

/** The mean of the last {@code period} values; defined from the {@code period}-th value on. */
public final class SimpleMovingAverage extends CountingIndicator {

    private final int period;
    private final RollingWindow window;

    public SimpleMovingAverage(int period) {
        super(Warmup.checkPeriod("period", period, 1));
        this.period = period;
        this.window = new RollingWindow(period);
    }

    public void update(double value) {
        window.add(Warmup.checkFinite("value", value));
        updates++;
    }

    public double value() {
        if (!window.isFull()) {
            throw Warmup.notReady("SMA(" + period + ")", updates, period);
        }
        return window.mean();
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
