package dev.tradingsdk.core.analytics;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every performance figure of a run, from its equity curve and closed trades.
 *
 * <p>The return figures are {@link ReturnMetrics} over the curve's sample-to-sample returns, so
 * {@code periodsPerYear} must match the sampling (365 for daily crypto samples, 252 for exchange trading
 * days). {@link #longestDrawdownDuration()} is the longest drawdown ({@link ReturnMetrics#longestDrawdownPeriods})
 * measured in simulated time. The period win rate and profit factor are in {@link ReturnMetrics}
 * ({@link #periodWinRate()}, {@link #periodProfitFactor()}); the figures below are trade-level. Trade figures
 * count each closed round trip by its net P&amp;L (after fees):
 * <ul>
 * <li>win rate {@code wins / trades} (a trade with net P&amp;L exactly zero is neither a win nor a loss);</li>
 * <li>profit factor {@code Σ net of wins / |Σ net of losses|};</li>
 * <li>average win {@code Σ net of wins / wins}, average loss {@code |Σ net of losses| / losses} (positive);
 * empty when there is no win (no loss);</li>
 * <li>expectancy {@code Σ net / trades}, equal to {@code winRate·avgWin − lossRate·avgLoss}; empty without
 * trades;</li>
 * <li>exposure: the share of periods that began with an open position (gross exposure above zero);</li>
 * <li>turnover {@code Σ |fill notional| / mean equity} over the whole run (not annualized);</li>
 * <li>fees paid: the sum of all fill fees.</li>
 * </ul>
 * Money averages are exact sums divided half-even at the sums' precision. Undefined ratios are NaN and
 * undefined money figures are empty: a report shows both as n/a, never as 0.
 */
public record Metrics(ReturnMetrics returns, Money startEquity, Money endEquity, Duration longestDrawdownDuration,
                      int tradeCount, int winningTrades, int losingTrades, double winRate, double profitFactor,
                      Optional<Money> averageWin, Optional<Money> averageLoss, Optional<Money> expectancy,
                      double exposure, double turnover, Money feesPaid) {

    public Metrics {
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(averageWin, "averageWin");
        Objects.requireNonNull(averageLoss, "averageLoss");
        Objects.requireNonNull(expectancy, "expectancy");
        Objects.requireNonNull(feesPaid, "feesPaid");
    }

    /** All figures; {@code tradedNotional} and {@code feesPaid} come from the fills. */
    public static Metrics compute(EquityCurve curve, List<ClosedTrade> trades, Money tradedNotional, Money feesPaid,
                                  int periodsPerYear) {
        if (curve.size() == 0) {
            throw new IllegalArgumentException("the equity curve is empty");
        }
        ReturnMetrics r = ReturnMetrics.of(curve.returns(), periodsPerYear);
        Duration ddDuration = r.longestDrawdownPeriods() == 0 ? Duration.ZERO
                : Duration.ofNanos(curve.epochNanos(r.longestDrawdownEndIndex())
                        - curve.epochNanos(r.longestDrawdownPeakIndex()));
        Currency currency = curve.currency();
        sameCurrency(currency, tradedNotional);
        sameCurrency(currency, feesPaid);
        BigDecimal wins = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        int winCount = 0;
        int lossCount = 0;
        int scale = curve.precision();
        for (ClosedTrade t : trades) {
            sameCurrency(currency, t.netPnl());
            BigDecimal net = t.netPnl().toBigDecimal();
            scale = Math.max(scale, net.scale());
            if (net.signum() > 0) {
                wins = wins.add(net);
                winCount++;
            } else if (net.signum() < 0) {
                losses = losses.add(net.negate());
                lossCount++;
            }
        }
        int n = trades.size();
        double exposure = exposure(curve);
        double meanEquity = mean(curve.equityValues());
        return new Metrics(r, curve.equity(0), curve.equity(curve.size() - 1), ddDuration, n, winCount, lossCount,
                winRate(trades),
                losses.signum() == 0 ? Double.NaN : wins.doubleValue() / losses.doubleValue(),
                average(wins, winCount, scale, currency), average(losses, lossCount, scale, currency),
                average(wins.subtract(losses), n, scale, currency), exposure,
                meanEquity == 0 ? Double.NaN : tradedNotional.toDouble() / meanEquity, feesPaid);
    }

    /**
     * The trade win rate {@link #winRate()} reports: the share of {@code trades} whose net P&amp;L (after fees) is
     * positive; NaN when there are none (a leaderboard or report shows n/a, not 0). Use it wherever a win rate of
     * closed round trips is shown, so every figure means the same.
     */
    public static double winRate(List<ClosedTrade> trades) {
        if (trades.isEmpty()) {
            return Double.NaN;
        }
        int wins = 0;
        for (ClosedTrade t : trades) {
            if (t.netPnl().signum() > 0) {
                wins++;
            }
        }
        return (double) wins / trades.size();
    }

    /** Sums below run on plain decimals, so a figure in another currency must be refused here. */
    private static void sameCurrency(Currency currency, Money money) {
        if (!money.currency().equals(currency)) {
            throw new CurrencyMismatchException(currency, money.currency());
        }
    }

    private static Optional<Money> average(BigDecimal sum, int count, int scale, Currency currency) {
        if (count == 0) {
            return Optional.empty();
        }
        int precision = Math.min(scale, 9);
        BigDecimal value = sum.divide(BigDecimal.valueOf(count), precision, RoundingMode.HALF_EVEN);
        return Optional.of(Money.of(value, precision, RoundingMode.HALF_EVEN, currency));
    }

    private static double exposure(EquityCurve curve) {
        int periods = curve.size() - 1;
        if (periods <= 0) {
            return Double.NaN;
        }
        int exposed = 0;
        for (int i = 0; i < periods; i++) {
            if (curve.exposureRaw(i) > 0) {
                exposed++;
            }
        }
        return (double) exposed / periods;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    public double totalReturn() {
        return returns.totalReturn();
    }

    public double cagr() {
        return returns.cagr();
    }

    public double volatility() {
        return returns.volatility();
    }

    public double sharpe() {
        return returns.sharpe();
    }

    public double sortino() {
        return returns.sortino();
    }

    public double maxDrawdown() {
        return returns.maxDrawdown();
    }

    public double calmar() {
        return returns.calmar();
    }

    /** Share of non-zero periods with a positive return (period-level; {@link #winRate} is per trade). */
    public double periodWinRate() {
        return returns.periodWinRate();
    }

    /** Sum of positive period returns over the absolute sum of negative ones (period-level). */
    public double periodProfitFactor() {
        return returns.periodProfitFactor();
    }
}
