package dev.tradingsdk.core.analytics;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A position still open when the run ended: size, average entry, the last mark (empty when the instrument was
 * never marked) and the P&amp;L so far.
 */
public record OpenPosition(InstrumentId instrument, PositionSide side, Quantity quantity, Price averagePrice,
                           Optional<Price> mark, Optional<Money> unrealizedPnl, Money realizedPnl, Money fees) {

    public OpenPosition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(fees, "fees");
        if (side == PositionSide.FLAT) {
            throw new IllegalArgumentException("an open position is LONG or SHORT, was FLAT");
        }
    }

    /** The account's non-flat positions, marked at its last marks. */
    public static List<OpenPosition> of(Portfolio portfolio) {
        List<OpenPosition> out = new ArrayList<>();
        for (Position p : portfolio.positions()) {
            if (p.isFlat()) {
                continue;
            }
            Optional<Price> mark = portfolio.markOf(p.instrument().id());
            out.add(new OpenPosition(p.instrument().id(), p.side(), p.quantity(), p.averagePrice(), mark,
                    mark.map(p::unrealizedPnl), p.realizedPnl(), p.fees()));
        }
        return out;
    }
}
