package dev.tradingsdk.cfd;

import dev.tradingsdk.core.num.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One participant's line on the {@link Leaderboard}. Return is {@code (equity − initial) / initial × 100};
 * realized P&amp;L is before commission and financing, which are listed separately ({@code fees},
 * {@code financing}); peak equity and maximum drawdown (percent of the peak) come from the equity sampled at every
 * competition step; Sharpe is the mean over the sample standard deviation of the per-step returns (core's
 * {@code ReturnMetrics} with one period per step: not annualized, no risk-free rate; 0 while undefined).
 * {@code closedTrades} counts round trips (core's {@code ClosedTrade}: a partial close is none, a flip closes one);
 * {@code winRate} is core's {@code Metrics.winRate} of them, the share with a positive net P&amp;L (after
 * commission), NaN while none has closed; {@code fillCount} is the number of fills.
 */
public record LeaderboardEntry(int rank, Participant participant, ParticipantStatus status, Money equity,
                               BigDecimal returnPercent, Money realizedPnl, Money unrealizedPnl, Money peakEquity,
                               BigDecimal maxDrawdownPercent, double sharpe, int closedTrades, double winRate,
                               long fillCount, Money fees, Money financing) {

    /** {@link #winRate} × 100 at two decimals (half-even) for display; empty while no round trip has closed. */
    public Optional<BigDecimal> winRatePercent() {
        return Double.isNaN(winRate) ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(winRate).movePointRight(2).setScale(2, RoundingMode.HALF_EVEN));
    }

    LeaderboardEntry withRank(int newRank) {
        return new LeaderboardEntry(newRank, participant, status, equity, returnPercent, realizedPnl, unrealizedPnl,
                peakEquity, maxDrawdownPercent, sharpe, closedTrades, winRate, fillCount, fees, financing);
    }
}
