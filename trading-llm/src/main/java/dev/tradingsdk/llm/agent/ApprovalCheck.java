package dev.tradingsdk.llm.agent;

import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The risk check an approval re-runs at the current prices before a proposal's orders are released: the
 * violations of one order, empty when it passes.
 */
@FunctionalInterface
public interface ApprovalCheck {

    List<String> violations(OrderRequest order);

    /** The governor's rules against the account and the market state as they are at approval time. */
    static ApprovalCheck of(RiskGovernor governor, AccountView account, Supplier<MarketState> market) {
        Objects.requireNonNull(governor, "governor");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(market, "market");
        return order -> {
            RiskDecision d = governor.check(order, account, market.get());
            return d.violations().stream().map(Object::toString).toList();
        };
    }
}
