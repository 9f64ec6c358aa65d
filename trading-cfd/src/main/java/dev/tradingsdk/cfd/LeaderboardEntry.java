package dev.tradingsdk.cfd;

import dev.tradingsdk.core.num.Money;
import java.math.BigDecimal;

/**
 * One participant's line on the {@link Leaderboard}. Return is {@code (equity − initial) / initial × 100};
 * realized P&amp;L is before commission and financing, which are listed separately ({@code fees},
 * {@code financing}); peak equity and maximum drawdown (percent of the peak) come from the equity sampled at every
 * competition step; Sharpe is the mean over the sample standard deviation of the per-step returns (core's
 * {@code ReturnMetrics} with one period per step: not annualized, no risk-free rate; 0 while undefined); win rate is
 * the share of closing fills with a positive realized P&amp;L; trade count is the
 * number of fills.
 */
public record LeaderboardEntry(int rank, Participant participant, ParticipantStatus status, Money equity,
                               BigDecimal returnPercent, Money realizedPnl, Money unrealizedPnl, Money peakEquity,
                               BigDecimal maxDrawdownPercent, double sharpe, BigDecimal winRatePercent,
                               long tradeCount, Money fees, Money financing) {

    LeaderboardEntry withRank(int newRank) {
        return new LeaderboardEntry(newRank, participant, status, equity, returnPercent, realizedPnl, unrealizedPnl,
                peakEquity, maxDrawdownPercent, sharpe, winRatePercent, tradeCount, fees, financing);
    }
}
