package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.util.Objects;

/** One open position in an {@link EngineStatus}: immutable, detached from the account. */
public record PositionStatus(InstrumentId instrument, PositionSide side, Quantity quantity, Price averagePrice,
                             Money realizedPnl) {

    public PositionStatus {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }

    /** The status of {@code position} now. */
    public static PositionStatus of(Position position) {
        return new PositionStatus(position.instrument().id(), position.side(), position.quantity(),
                position.averagePrice(), position.realizedPnl());
    }
}
