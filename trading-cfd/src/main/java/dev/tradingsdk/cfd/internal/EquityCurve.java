package dev.tradingsdk.cfd.internal;

import dev.tradingsdk.core.num.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Running statistics of one account's equity sampled once per competition step: peak and maximum drawdown
 * exactly, Sharpe (a statistic, in {@code double}) from the per-step returns with Welford's update.
 */
public final class EquityCurve {

    private Money peak;
    private BigDecimal maxDrawdownPercent = BigDecimal.ZERO.setScale(4);
    private Money last;
    private long returns;
    private double mean;
    private double m2;

    public EquityCurve(Money initial) {
        this.peak = initial;
        this.last = initial;
    }

    public void sample(Money equity) {
        if (equity.isGreaterThan(peak)) {
            peak = equity;
        }
        if (peak.isPositive()) {
            BigDecimal drawdown = peak.minus(equity).ratioTo(peak, 8, RoundingMode.HALF_EVEN)
                    .multiply(BigDecimal.valueOf(100)).setScale(4, RoundingMode.HALF_EVEN);
            if (drawdown.compareTo(maxDrawdownPercent) > 0) {
                maxDrawdownPercent = drawdown;
            }
        }
        if (last.isPositive()) {
            double r = equity.toDouble() / last.toDouble() - 1.0;
            returns++;
            double delta = r - mean;
            mean += delta / returns;
            m2 += delta * (r - mean);
        }
        last = equity;
    }

    public Money peak() {
        return peak;
    }

    /** Largest fall from a peak, in percent of that peak, to 4 decimals. */
    public BigDecimal maxDrawdownPercent() {
        return maxDrawdownPercent;
    }

    /** Mean over sample standard deviation of the per-step returns; 0 with fewer than 2 returns or no variance. */
    public double sharpe() {
        if (returns < 2) {
            return 0.0;
        }
        double sd = Math.sqrt(m2 / (returns - 1));
        return sd == 0.0 ? 0.0 : mean / sd;
    }
}
