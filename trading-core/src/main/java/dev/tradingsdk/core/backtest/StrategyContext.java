package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.gateway.AccountView;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.time.Clock;
import java.util.Objects;

/** What a strategy may use: where to send orders, the account they change, and the (simulated) time. */
public record StrategyContext(OrderGateway gateway, AccountView account, Clock clock) {

    public StrategyContext {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(clock, "clock");
    }
}
