package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.options.GreeksSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One account in an {@link EngineStatus}: its money figures at the latest marks, its open positions and, when the
 * engine has a {@linkplain TradingEngine.Builder#greeks greeks book} and the account holds options, the greeks of
 * its positions per underlying.
 */
public record AccountStatus(String accountId, Money cash, Money equity, Money realizedPnl, Money unrealizedPnl,
                            List<PositionStatus> positions, Optional<GreeksSnapshot> greeks) {

    public AccountStatus {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        positions = List.copyOf(positions);
        Objects.requireNonNull(greeks, "greeks");
    }
}
