package dev.tradingsdk.cfd;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.risk.RiskEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything that changes a {@link CfdAccount}, in the order it happened. Replaying the state-changing events
 * ({@link CfdAccount#rebuild}) restores the account exactly; the rest ({@link MarginCall}, {@link Liquidation})
 * record why something happened.
 */
public sealed interface CfdEvent {

    String accountId();

    Instant at();

    /** The account was opened with {@code initialCash}. */
    record AccountOpened(String accountId, Instant at, Money initialCash) implements CfdEvent {
        public AccountOpened {
            Objects.requireNonNull(initialCash, "initialCash");
        }
    }

    /** New prices for {@code instrument}: longs are valued at the bid, shorts at the ask. */
    record PriceMarked(String accountId, Instant at, Instrument instrument, Price bid, Price ask)
            implements CfdEvent {
    }

    /** An order changed status (a snapshot of it after the change: filled, or rejected with its reason). */
    record OrderUpdated(String accountId, Instant at, Order order) implements CfdEvent {
    }

    /** An execution: the position and cash move (realized P&amp;L, commission in {@code fill.fee()}). */
    record Filled(String accountId, Instant at, Fill fill) implements CfdEvent {
    }

    /** Overnight financing for one position at a rollover; positive {@code amount} is paid by the account. */
    record FinancingCharged(String accountId, Instant at, Instrument instrument, Money amount) implements CfdEvent {
    }

    /** A daily rollover passed (emitted even without positions so a rebuilt account knows the next one). */
    record RolledOver(String accountId, Instant at) implements CfdEvent {
    }

    /**
     * The margin level fell below the margin call level: core's one margin-call event
     * ({@link RiskEvent.MarginCall}, the same one core's {@code MarginMonitor} emits), carried into the account's
     * event stream with nothing of its own.
     */
    record MarginCall(RiskEvent.MarginCall call) implements CfdEvent {
        public MarginCall {
            Objects.requireNonNull(call, "call");
        }

        @Override
        public String accountId() {
            return call.accountId();
        }

        @Override
        public Instant at() {
            return call.at();
        }
    }

    /** A position was closed by the stop-out; the close itself is the {@link Filled} event before this one. */
    record Liquidation(String accountId, Instant at, Instrument instrument, Money realizedPnl, Money equityAfter)
            implements CfdEvent {
    }

    /** Negative balance protection: the account went below zero and {@code amount} was written off to zero. */
    record BalanceWrittenOff(String accountId, Instant at, Money amount) implements CfdEvent {
    }
}
