package dev.tradingsdk.core.risk.rules;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.risk.KillSwitch;
import dev.tradingsdk.core.risk.RiskContext;
import dev.tradingsdk.core.risk.RiskRule;
import dev.tradingsdk.core.risk.RuleResult;
import dev.tradingsdk.core.risk.internal.Arguments;
import java.util.HashMap;
import java.util.Map;

/**
 * Halts an account after {@code trades} consecutive closed trades each losing more than {@code lossThreshold}
 * (default 3 × 500 in the account currency). A loss of exactly the threshold, or any better trade, resets
 * the streak. The halt goes through the governor's kill switch, so a person must resume the account; the
 * pre-trade check itself always passes.
 */
public final class CircuitBreakerRule implements RiskRule {

    public static final String CODE = "CIRCUIT_BREAKER";
    /** Who the halt is recorded as. */
    public static final String WHO = "circuit-breaker";
    public static final int DEFAULT_TRADES = 3;

    private final int trades;
    private final Money lossThreshold;
    private final Map<String, Integer> streaks = new HashMap<>();

    public CircuitBreakerRule(int trades, Money lossThreshold) {
        this.trades = Arguments.positive("trades", trades);
        Arguments.positiveMoneyRaw("lossThreshold", lossThreshold, RiskContext.MONEY_PRECISION);
        this.lossThreshold = lossThreshold;
    }

    /** 3 consecutive losses each worse than 500 in {@code currency}. */
    public static CircuitBreakerRule defaults(Currency currency) {
        return new CircuitBreakerRule(DEFAULT_TRADES, Money.of("500", currency));
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public RuleResult check(RiskContext context) {
        return RuleResult.pass();
    }

    /** The current streak of qualifying losses of {@code accountId}. */
    public int streak(String accountId) {
        return streaks.getOrDefault(accountId, 0);
    }

    @Override
    public void onClosedTrade(ClosedTrade trade, KillSwitch killSwitch) {
        Money pnl = trade.netPnl();
        if (!pnl.currency().equals(lossThreshold.currency())) {
            throw new CurrencyMismatchException(lossThreshold.currency(), pnl.currency());
        }
        boolean qualifies = pnl.isNegative() && pnl.negate().isGreaterThan(lossThreshold);
        if (!qualifies) {
            streaks.remove(trade.accountId());
            return;
        }
        int streak = streaks.merge(trade.accountId(), 1, Integer::sum);
        if (streak >= trades) {
            streaks.remove(trade.accountId());
            killSwitch.haltAccount(trade.accountId(), WHO, trades + " consecutive losing trades each worse than "
                    + lossThreshold + ", the last " + pnl + " on " + trade.instrument());
        }
    }
}
