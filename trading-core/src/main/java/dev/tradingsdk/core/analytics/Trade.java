package dev.tradingsdk.core.analytics;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed round trip: a position opened from flat and brought back to flat (or flipped). Prices are
 * volume-weighted over the opening and the closing fills; {@code quantity} is the largest size held.
 * {@code grossPnl} is the realized P&amp;L before fees; {@link #netPnl()} subtracts the fees of all its fills.
 */
public record Trade(InstrumentId instrument, PositionSide side, Instant entryTime, Instant exitTime,
                    Price entryPrice, Price exitPrice, Quantity quantity, Money grossPnl, Money fees) {

    public Trade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(grossPnl, "grossPnl");
        Objects.requireNonNull(fees, "fees");
        if (side == PositionSide.FLAT) {
            throw new IllegalArgumentException("a trade is LONG or SHORT, was FLAT");
        }
        if (exitTime.isBefore(entryTime)) {
            throw new IllegalArgumentException("exitTime " + exitTime + " is before entryTime " + entryTime);
        }
    }

    /** Gross P&amp;L minus fees. */
    public Money netPnl() {
        return grossPnl.minus(fees);
    }
}
