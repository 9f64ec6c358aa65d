package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.num.Money;
import java.util.List;
import java.util.Objects;

/** One account in an {@link EngineStatus}: its money figures at the latest marks and its open positions. */
public record AccountStatus(String accountId, Money cash, Money equity, Money realizedPnl, Money unrealizedPnl,
                            List<PositionStatus> positions) {

    public AccountStatus {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        positions = List.copyOf(positions);
    }
}
