package dev.tradingsdk.core.indicators;

import dev.tradingsdk.core.indicators.internal.Warmup;

/**
 * MACD: line {@code EMA(fast) − EMA(slow)}, signal {@code EMA(signal)} of the line, histogram
 * {@code line − signal} (12, 26, 9 by convention). The line is defined from the {@code slow}-th price on, the
 * signal and histogram {@code signal − 1} prices later; {@link #isReady()} means all three are.
 */
public final class Macd extends CountingIndicator {

    private final int fastPeriod;
    private final int slowPeriod;
    private final int signalPeriod;
    private final ExponentialMovingAverage fast;
    private final ExponentialMovingAverage slow;
    private final ExponentialMovingAverage signal;

    public Macd(int fast, int slow, int signal) {
        super(Warmup.checkPeriod("slow", slow, 1) + Warmup.checkPeriod("signal", signal, 1) - 1);
        this.fastPeriod = Warmup.checkPeriod("fast", fast, 1);
        this.slowPeriod = slow;
        this.signalPeriod = signal;
        if (fast >= slow) {
            throw new IllegalArgumentException("fast " + fast + " must be shorter than slow " + slow);
        }
        this.fast = new ExponentialMovingAverage(fast);
        this.slow = new ExponentialMovingAverage(slow);
        this.signal = new ExponentialMovingAverage(signal);
    }

    /** MACD(12, 26, 9). */
    public static Macd standard() {
        return new Macd(12, 26, 9);
    }

    public void update(double price) {
        fast.update(price);
        slow.update(price);
        updates++;
        if (slow.isReady()) {
            signal.update(fast.value() - slow.value());
        }
    }

    /** Whether the MACD line is defined (the signal may still be warming up). */
    public boolean isLineReady() {
        return slow.isReady();
    }

    public double line() {
        if (!slow.isReady()) {
            throw Warmup.notReady(name(), updates, slowPeriod);
        }
        return fast.value() - slow.value();
    }

    public double signal() {
        if (!signal.isReady()) {
            throw Warmup.notReady(name(), updates, warmUp());
        }
        return signal.value();
    }

    public double histogram() {
        return line() - signal();
    }

    private String name() {
        return "MACD(" + fastPeriod + "," + slowPeriod + "," + signalPeriod + ")";
    }

    @Override
    public boolean isReady() {
        return signal.isReady();
    }


    @Override
    public void reset() {
        fast.reset();
        slow.reset();
        signal.reset();
        updates = 0;
    }
}
