package dev.tradingsdk.core.indicators;

import dev.tradingsdk.core.indicators.internal.Warmup;

/**
 * Wilder's RSI in [0, 100]: average gain and average loss of the price changes, each seeded with the simple
 * average of the first {@code period} changes and then smoothed with {@code α = 1 / period};
 * {@code RSI = 100 − 100 / (1 + avgGain / avgLoss)}, 100 when there was no loss, 0 when there was no change
 * at all. Defined from the {@code period + 1}-th price on (it needs {@code period} changes).
 */
public final class RelativeStrengthIndex extends CountingIndicator {

    private final int period;
    private final ExponentialMovingAverage gains;
    private final ExponentialMovingAverage losses;
    private double previous;

    public RelativeStrengthIndex(int period) {
        super(Warmup.checkPeriod("period", period, 1) + 1);
        this.period = period;
        this.gains = ExponentialMovingAverage.wilder(period);
        this.losses = ExponentialMovingAverage.wilder(period);
    }

    public void update(double price) {
        Warmup.checkFinite("price", price);
        if (updates > 0) {
            double change = price - previous;
            gains.update(Math.max(change, 0));
            losses.update(Math.max(-change, 0));
        }
        previous = price;
        updates++;
    }

    public double value() {
        if (!gains.isReady()) {
            throw Warmup.notReady("RSI(" + period + ")", updates, period + 1);
        }
        double gain = gains.value();
        double loss = losses.value();
        if (loss == 0) {
            return gain == 0 ? 0 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    @Override
    public boolean isReady() {
        return gains.isReady();
    }


    @Override
    public void reset() {
        gains.reset();
        losses.reset();
        previous = 0;
        updates = 0;
    }
}
