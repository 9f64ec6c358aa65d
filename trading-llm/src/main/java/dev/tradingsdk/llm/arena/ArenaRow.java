package dev.tradingsdk.llm.arena;

import dev.tradingsdk.core.num.Money;
import java.math.BigDecimal;

/**
 * One line of an {@link ArenaLeaderboard}: what Alpha Arena shows (equity, return, Sharpe, trades, win rate,
 * fees) and what it does not (a bootstrap confidence interval on Sharpe, max drawdown, tokens, LLM cost and
 * the return net of LLM cost). Statistics are {@code double}; money is exact.
 *
 * @param rank            1-based, by equity (baseline included)
 * @param participant     name
 * @param agent           agent or model identity
 * @param baseline        whether this is the automatic buy-and-hold row
 * @param equity          final equity
 * @param returnPercent   (equity - initial) / initial x 100, 4 decimals
 * @param sharpe          per-period Sharpe x sqrt(periods per year); NaN when undefined
 * @param sharpeLow       2.5th percentile of the bootstrapped Sharpe
 * @param sharpeHigh      97.5th percentile of the bootstrapped Sharpe
 * @param maxDrawdownPercent deepest fall from a peak of the sampled equity, percent of the peak, 4 decimals
 * @param fees            commissions and spread paid
 * @param trades          fills
 * @param winRatePercent  winning closed trades / closed trades x 100 as given, or null when none closed
 * @param tokens          all tokens used
 * @param llmCost         USD spent on the model
 * @param returnNetOfLlmPercent (equity - LLM cost - initial) / initial x 100, 4 decimals
 */
public record ArenaRow(int rank, String participant, String agent, boolean baseline, Money equity,
                       BigDecimal returnPercent, double sharpe, double sharpeLow, double sharpeHigh,
                       BigDecimal maxDrawdownPercent, Money fees, long trades, BigDecimal winRatePercent, long tokens,
                       Money llmCost, BigDecimal returnNetOfLlmPercent) {
}
