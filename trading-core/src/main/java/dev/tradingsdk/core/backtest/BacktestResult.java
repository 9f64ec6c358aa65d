package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.analytics.EquityCurve;
import dev.tradingsdk.core.analytics.HtmlReport;
import dev.tradingsdk.core.analytics.Metrics;
import dev.tradingsdk.core.analytics.OpenPosition;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.Portfolio;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a run: the account at the end, the equity curve, every order and fill, the closed round
 * trips and how many events were replayed.
 */
public record BacktestResult(Money initialEquity, Money finalEquity, Portfolio portfolio, EquityCurve equityCurve,
                             List<Order> orders, List<Fill> fills, List<ClosedTrade> trades, Money tradedNotional,
                             long eventsProcessed) {

    public BacktestResult {
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
    }

    /** Fees paid on all fills. */
    public Money feesPaid() {
        return portfolio.fees();
    }

    /** All performance figures, with {@code periodsPerYear} equity samples a year (365 for daily crypto). */
    public Metrics metrics(int periodsPerYear) {
        return Metrics.compute(equityCurve, trades, tradedNotional, feesPaid(), periodsPerYear);
    }

    /** Writes the self-contained HTML report (trades and open positions included) to {@code file}. */
    public Path writeReport(Path file, String title, int periodsPerYear) {
        return report(title, periodsPerYear).write(file);
    }

    /** A report of this run with its trades and open positions, to add a benchmark, settings or costs to. */
    public HtmlReport.Builder report(String title, int periodsPerYear) {
        return HtmlReport.builder(title, equityCurve, metrics(periodsPerYear)).trades(trades)
                .openPositions(OpenPosition.of(portfolio));
    }
}
