package dev.tradingsdk.core.indicators;

import dev.tradingsdk.core.indicators.internal.Warmup;
import dev.tradingsdk.core.market.Bar;

/**
 * Volume-weighted average price of the typical price {@code (high + low + close) / 3}:
 * {@code Σ typical·volume / Σ volume}, either over the last {@code period} bars ({@link #rolling}, as ta4j's
 * VWAPIndicator) or over every bar since the last {@link #reset()} ({@link #anchored}, e.g. reset at each
 * session open). Defined once the window is full (rolling) or from the first bar (anchored), and only while
 * the window's volume is positive.
 */
public final class Vwap extends CountingIndicator {

    private final int period;
    private final double[] weighted;
    private final double[] volumes;
    private int next;
    private double sumWeighted;
    private double sumVolume;

    private Vwap(int period) {
        super(Math.max(period, 1));
        this.period = period;
        this.weighted = new double[period];
        this.volumes = new double[period];
    }

    /** Over the last {@code period} bars. */
    public static Vwap rolling(int period) {
        return new Vwap(Warmup.checkPeriod("period", period, 1));
    }

    /** Over every bar since construction or the last {@link #reset()}. */
    public static Vwap anchored() {
        return new Vwap(0);
    }

    public void update(Bar bar) {
        update(bar.high().toDouble(), bar.low().toDouble(), bar.close().toDouble(), bar.volume().toDouble());
    }

    public void update(double high, double low, double close, double volume) {
        Warmup.checkFinite("high", high);
        Warmup.checkFinite("low", low);
        Warmup.checkFinite("close", close);
        if (!(volume >= 0) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("volume must be non-negative and finite, was " + volume);
        }
        double w = (high + low + close) / 3 * volume;
        if (period > 0) {
            sumWeighted -= weighted[next];
            sumVolume -= volumes[next];
            weighted[next] = w;
            volumes[next] = volume;
            next = next + 1 == period ? 0 : next + 1;
            // subtracting the values leaving the window accumulates rounding; re-add once per window
            // (amortized O(1))
            if (next == 0) {
                resum();
            } else {
                sumWeighted += w;
                sumVolume += volume;
            }
        } else {
            sumWeighted += w;
            sumVolume += volume;
        }
        updates++;
    }

    private void resum() {
        double a = 0;
        double b = 0;
        for (int i = 0; i < period; i++) {
            a += weighted[i];
            b += volumes[i];
        }
        sumWeighted = a;
        sumVolume = b;
    }

    public double value() {
        if (!isReady()) {
            throw Warmup.notReady(period > 0 ? "VWAP(" + period + ")" : "VWAP(anchored)", updates, warmUp());
        }
        return sumWeighted / sumVolume;
    }

    @Override
    public boolean isReady() {
        return updates >= warmUp() && sumVolume > 0;
    }


    @Override
    public void reset() {
        for (int i = 0; i < period; i++) {
            weighted[i] = 0;
            volumes[i] = 0;
        }
        next = 0;
        sumWeighted = 0;
        sumVolume = 0;
        updates = 0;
    }
}
