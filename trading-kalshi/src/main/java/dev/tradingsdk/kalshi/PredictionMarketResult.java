package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.analytics.Metrics;
import dev.tradingsdk.core.backtest.BacktestResult;
import dev.tradingsdk.core.num.Money;
import java.util.Objects;

/**
 * A prediction-market backtest's outcome: the core {@link BacktestResult} (equity curve, every order and fill
 * for audit, metrics) with the settlement folded in, plus what matters for binary contracts.
 *
 * @param pnl            final equity minus initial, after fees and settlement
 * @param settlementPaid what settlement paid out on the contracts held ($1 per winning contract)
 * @param ordersSent     orders the strategy sent (settlement closes excluded)
 * @param ordersFilled   of those, the ones that filled completely
 * @param legGroups      order groups (client order ids {@code group:leg}) the strategy sent
 * @param oneLegGroups   groups where some legs filled completely and others did not
 */
public record PredictionMarketResult(BacktestResult result, Money pnl, Money fees, Money settlementPaid,
                                     int ordersSent, int ordersFilled, int legGroups, int oneLegGroups) {

    public PredictionMarketResult {
        Objects.requireNonNull(result, "result");
    }

    /** Filled orders over sent orders; 0 when none were sent. */
    public double fillRate() {
        return ordersSent == 0 ? 0 : (double) ordersFilled / ordersSent;
    }

    /** Sharpe, drawdown, win rate and the rest, with {@code periodsPerYear} equity samples a year. */
    public Metrics metrics(int periodsPerYear) {
        return result.metrics(periodsPerYear);
    }

    @Override
    public String toString() {
        return "PredictionMarketResult[P&L " + pnl + ", fees " + fees + ", settlement " + settlementPaid + ", fills "
            + ordersFilled + "/" + ordersSent + ", one-leg groups " + oneLegGroups + "/" + legGroups + "]";
    }
}
