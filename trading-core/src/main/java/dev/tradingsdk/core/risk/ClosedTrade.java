package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Money;
import java.time.Instant;
import java.util.Objects;

/** A completed round trip and its realized profit or loss (negative for a loss), net of fees. */
public record ClosedTrade(String accountId, InstrumentId instrument, Money pnl, Instant closedAt) {

    public ClosedTrade {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
