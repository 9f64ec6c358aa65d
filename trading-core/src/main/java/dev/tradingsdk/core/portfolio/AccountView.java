package dev.tradingsdk.core.portfolio;

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
}
