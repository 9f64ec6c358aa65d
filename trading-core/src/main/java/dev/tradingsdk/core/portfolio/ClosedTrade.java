package dev.tradingsdk.core.portfolio;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed round trip of an account: a position opened from flat and brought back to flat, or flipped (the
 * flipping fill closes this trip and opens the next). A partial close does not end a trip. Prices are
 * volume-weighted over the opening and the closing fills; {@code quantity} is the largest size held.
 * {@code grossPnl} is the realized P&amp;L before fees; {@code fees} are those of all its fills (a flipping fill's
 * whole fee belongs to the trip it closes); {@link #netPnl()} is what win rates, loss streaks and daily losses
 * count. {@link PositionLedger} produces them from fills.
 */
public record ClosedTrade(String accountId, InstrumentId instrument, PositionSide side, Instant entryTime,
                          Instant exitTime, Price entryPrice, Price exitPrice, Quantity quantity, Money grossPnl,
                          Money fees) {

    public ClosedTrade {
        Objects.requireNonNull(accountId, "accountId");
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
            throw new IllegalArgumentException("a closed trade is LONG or SHORT, was FLAT");
        }
        if (exitTime.isBefore(entryTime)) {
            throw new IllegalArgumentException("exitTime " + exitTime + " is before entryTime " + entryTime);
        }
    }

    /** Gross P&amp;L minus fees: positive for a win, negative for a loss, zero for neither. */
    public Money netPnl() {
        return grossPnl.minus(fees);
    }
}
