package dev.tradingsdk.core.analytics;

/**
 * Statistics of a series of simple period returns {@code r_1..r_n} (e.g. daily), with {@code P} periods per
 * year and an annual risk-free rate {@code rf} (per period {@code rf_p = rf / P}). Definitions:
 * <ul>
 * <li>total return {@code R = Π(1 + r_i) − 1};</li>
 * <li>CAGR {@code (1 + R)^(P / n) − 1}, i.e. the years are {@code n / P};</li>
 * <li>mean {@code m = Σ r_i / n}; sample standard deviation {@code s = √(Σ (r_i − m)² / (n − 1))};</li>
 * <li>volatility {@code s·√P};</li>
 * <li>Sharpe {@code (m − rf_p) / s · √P};</li>
 * <li>Sortino {@code (m − rf_p) / d · √P} with downside deviation {@code d = √(Σ min(0, r_i − rf_p)² / n)}
 * (over all n periods, the usual target-downside definition);</li>
 * <li>max drawdown {@code max_k (1 − I_k / max_{j≤k} I_j)} over the wealth index {@code I_0 = 1,
 * I_k = Π_{i≤k}(1 + r_i)}, a fraction in [0, 1]; {@link #maxDrawdownPeakIndex} and
 * {@link #maxDrawdownTroughIndex} are the indexes into {@code I} of that deepest drawdown's peak and trough
 * (both 0 when the index never fell);</li>
 * <li>longest drawdown: the longest run of periods the index spent below its previous peak (peak to recovery,
 * or to the end if it never recovered), {@link #longestDrawdownPeriods} long, from
 * {@link #longestDrawdownPeakIndex} to {@link #longestDrawdownEndIndex}; it need not be the deepest;</li>
 * <li>Calmar {@code CAGR / maxDrawdown};</li>
 * <li>period win rate {@code #(r_i > 0) / #(r_i ≠ 0)} and period profit factor {@code Σ_{r_i>0} r_i /
 * |Σ_{r_i<0} r_i|}: quantstats' convention, periods with a zero return (flat, or out of the market) are left
 * out. These judge periods (days, for daily samples); {@link Metrics#winRate} and
 * {@link Metrics#profitFactor} judge closed trades.</li>
 * </ul>
 * A figure that is undefined (no returns, zero deviation, zero drawdown, no non-zero period, no losing period)
 * is {@link Double#NaN}, which reports show as n/a.
 */
public record ReturnMetrics(int periods, int periodsPerYear, double totalReturn, double cagr, double mean,
                            double volatility, double sharpe, double sortino, double maxDrawdown,
                            int maxDrawdownPeakIndex, int maxDrawdownTroughIndex, int longestDrawdownPeriods,
                            int longestDrawdownPeakIndex, int longestDrawdownEndIndex, double calmar,
                            int positivePeriods, int negativePeriods, double periodWinRate,
                            double periodProfitFactor) {

    /** With a zero risk-free rate. */
    public static ReturnMetrics of(double[] returns, int periodsPerYear) {
        return of(returns, periodsPerYear, 0.0);
    }

    /**
     * One pass over {@code returns}, allocation-free. The variance uses sums shifted by the first return
     * ({@code Σd², (Σd)²/n} with {@code d = r − r_1}), which keeps the one-pass formula accurate when the mean
     * is small against the spread, as it is for returns.
     */
    public static ReturnMetrics of(double[] returns, int periodsPerYear, double annualRiskFreeRate) {
        if (periodsPerYear <= 0) {
            throw new IllegalArgumentException("periodsPerYear must be positive, was " + periodsPerYear);
        }
        int n = returns.length;
        double riskFreePerPeriod = annualRiskFreeRate / periodsPerYear;
        double shift = n == 0 ? 0 : returns[0];
        double shiftedSum = 0;
        double shiftedSquares = 0;
        double downside = 0;
        double index = 1;
        double peak = 1;
        int peakIndex = 0;
        double lowestRatio = 1;
        int deepestPeak = 0;
        int deepestTrough = 0;
        int positive = 0;
        int negative = 0;
        double gains = 0;
        double losses = 0;
        int longest = 0;
        int longestPeak = 0;
        int longestEnd = 0;
        for (int i = 0; i < n; i++) {
            double r = returns[i];
            double d = r - shift;
            shiftedSum += d;
            shiftedSquares += d * d;
            // 2·min(0, excess) without a branch: the sign of a return is a coin flip, a branch mispredicts
            double excess = r - riskFreePerPeriod;
            double twiceBelow = excess - Math.abs(excess);
            downside += twiceBelow * twiceBelow;
            // conditional moves, not branches, for the same reason
            gains += Math.max(r, 0);
            losses -= Math.min(r, 0);
            positive += r > 0 ? 1 : 0;
            negative += r < 0 ? 1 : 0;
            index *= 1 + r;
            if (index >= peak) {
                peak = index;
                peakIndex = i + 1;
            } else {
                if (index < lowestRatio * peak) {
                    lowestRatio = index / peak;
                    deepestPeak = peakIndex;
                    deepestTrough = i + 1;
                }
                if (i + 1 - peakIndex > longest) {
                    longest = i + 1 - peakIndex;
                    longestPeak = peakIndex;
                    longestEnd = i + 1;
                }
            }
        }
        double mean = n == 0 ? Double.NaN : shift + shiftedSum / n;
        double sd = n < 2 ? Double.NaN
                : Math.sqrt(Math.max(0, (shiftedSquares - shiftedSum * shiftedSum / n) / (n - 1)));
        double downsideDeviation = n == 0 ? Double.NaN : Math.sqrt(downside / 4 / n);
        double maxDrawdown = 1 - lowestRatio;
        double sqrtP = Math.sqrt(periodsPerYear);
        double cagr = n == 0 ? Double.NaN : Math.pow(index, (double) periodsPerYear / n) - 1;
        return new ReturnMetrics(n, periodsPerYear, index - 1, cagr, mean, sd * sqrtP,
                ratio(mean - riskFreePerPeriod, sd) * sqrtP, ratio(mean - riskFreePerPeriod, downsideDeviation) * sqrtP,
                maxDrawdown, deepestPeak, deepestTrough, longest, longestPeak, longestEnd, ratio(cagr, maxDrawdown),
                positive, negative, positive + negative == 0 ? Double.NaN : (double) positive / (positive + negative),
                ratio(gains, losses));
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 || Double.isNaN(denominator) ? Double.NaN : numerator / denominator;
    }
}
