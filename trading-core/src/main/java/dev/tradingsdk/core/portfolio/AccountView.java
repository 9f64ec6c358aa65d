package dev.tradingsdk.core.portfolio;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of one trading account, in its base currency. Venues, the paper broker, CFD accounts and
 * backtests implement it, so risk rules and agents read any account the same way.
 */
public interface AccountView {

    String accountId();

    Currency currency();

    /** Settled cash balance. */
    Money cash();

    /** Cash plus unrealized P&amp;L (or market value for cash accounts) at the latest marks. */
    Money equity();

    /** Margin held by open positions; zero for a cash account. */
    Money marginUsed();

    /** What can still be committed to new positions: equity minus margin used for margin accounts. */
    Money marginAvailable();

    Money realizedPnl();

    Money unrealizedPnl();

    /** Open (non-flat) positions. */
    List<Position> positions();

    Optional<Position> position(InstrumentId instrument);

    /**
     * The signed net size held in {@code instrument} (positive long), raw at its size precision; 0 when flat or
     * never traded. For checks on every order: the default reads {@link #position}, an account that can answer
     * without a copy overrides it.
     */
    default long netRaw(InstrumentId instrument) {
        Optional<Position> p = position(instrument);
        return p.isPresent() ? p.get().netRaw() : 0;
    }

    /**
     * The open positions as flat arrays, for checks on every order: the {@code i}-th position's instrument, signed
     * net size (raw at its size precision) and cost basis, written for as many positions as the arrays hold (the
     * shortest of the three). Returns the number of open positions, which may exceed what was written: pass
     * longer arrays and call again. The default reads {@link #positions}; an account that can fill the arrays
     * without copying its positions overrides it.
     */
    default int openPositions(Instrument[] instruments, long[] netRaw, Money[] costBasis) {
        List<Position> open = positions();
        int room = Math.min(instruments.length, Math.min(netRaw.length, costBasis.length));
        for (int i = 0; i < open.size() && i < room; i++) {
            Position p = open.get(i);
            instruments[i] = p.instrument();
            netRaw[i] = p.netRaw();
            costBasis[i] = p.costBasis();
        }
        return open.size();
    }
}
