package dev.tradingsdk.llm.prompt;

import dev.tradingsdk.core.market.Bar;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Indicators computed by code for prompts (the model is never asked to compute them). Statistics, so
 * {@code double}; Java's floating point is the same on every JVM, so the prompt text is reproducible.
 */
public final class Indicators {

    private Indicators() {
    }

    /** Simple moving average of the last {@code period} closes; empty with fewer bars. */
    public static OptionalDouble sma(List<Bar> bars, int period) {
        checkPeriod(period);
        if (bars.size() < period) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (int i = bars.size() - period; i < bars.size(); i++) {
            sum += close(bars.get(i));
        }
        return OptionalDouble.of(sum / period);
    }

    /** Exponential moving average (alpha 2/(period+1)) seeded with the SMA of the first {@code period} closes. */
    public static OptionalDouble ema(List<Bar> bars, int period) {
        checkPeriod(period);
        if (bars.size() < period) {
            return OptionalDouble.empty();
        }
        double value = 0;
        for (int i = 0; i < period; i++) {
            value += close(bars.get(i));
        }
        value /= period;
        double alpha = 2.0 / (period + 1);
        for (int i = period; i < bars.size(); i++) {
            value = alpha * close(bars.get(i)) + (1 - alpha) * value;
        }
        return OptionalDouble.of(value);
    }

    /** Wilder's RSI over {@code period}; needs {@code period + 1} bars. 100 when there were no losses. */
    public static OptionalDouble rsi(List<Bar> bars, int period) {
        checkPeriod(period);
        if (bars.size() < period + 1) {
            return OptionalDouble.empty();
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            double change = close(bars.get(i)) - close(bars.get(i - 1));
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        for (int i = period + 1; i < bars.size(); i++) {
            double change = close(bars.get(i)) - close(bars.get(i - 1));
            gain = (gain * (period - 1) + Math.max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
        }
        return OptionalDouble.of(loss == 0 ? 100.0 : 100.0 - 100.0 / (1 + gain / loss));
    }

    /** Percent change from the first to the last close. */
    public static OptionalDouble returnPercent(List<Bar> bars) {
        if (bars.size() < 2) {
            return OptionalDouble.empty();
        }
        double first = close(bars.get(0));
        return OptionalDouble.of((close(bars.get(bars.size() - 1)) - first) / first * 100.0);
    }

    private static double close(Bar b) {
        return b.close().toBigDecimal().doubleValue();
    }

    private static void checkPeriod(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
    }
}
