package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An audit event from the risk layer: decisions, trading state changes and monitor alerts. Plain records so
 * a journal can store them as they are.
 */
public sealed interface RiskEvent {

    /** When the event happened, by the governor's or monitor's clock. */
    Instant at();

    /** The account concerned, or {@link StateChange#GLOBAL} for a global state change. */
    String accountId();

    /** An order passed every rule. {@code limitPrice} is {@code null} for orders without one. */
    record OrderAccepted(String accountId, ClientOrderId clientOrderId, InstrumentId instrument, Side side,
                         Quantity quantity, Price limitPrice, Instant at) implements RiskEvent {
        public OrderAccepted {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An order failed one or more rules. */
    record OrderRejected(String accountId, ClientOrderId clientOrderId, InstrumentId instrument, Side side,
                         Quantity quantity, List<RiskViolation> violations, Instant at) implements RiskEvent {
        public OrderRejected {
            Objects.requireNonNull(accountId, "accountId");
            violations = List.copyOf(violations);
            Objects.requireNonNull(at, "at");
        }
    }

    /** A trading state changed (a halt, a resume, a switch to reducing). */
    record TradingStateChanged(StateChange change) implements RiskEvent {
        public TradingStateChanged {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public Instant at() {
            return change.at();
        }

        @Override
        public String accountId() {
            return change.scope();
        }
    }

    /** The mark-to-market loss reached the stop-loss level. */
    record StopLossTriggered(String accountId, Money loss, Money limit, Money capital, LiquidationPlan plan,
                             Instant at) implements RiskEvent {
    }

    /**
     * Margin level (equity / margin used, in percent) fell below the margin-call level (strictly, see
     * {@code MarginMonitor.isBelowLevel}); {@code marginLevelPercent} is {@code MarginMonitor.marginLevelPercent}
     * (four decimals, rounded down). The one margin-call event: core's monitor and CFD accounts both emit it.
     */
    record MarginCall(String accountId, BigDecimal marginLevelPercent, BigDecimal marginCallPercent,
                      Money equity, Money marginUsed, Instant at) implements RiskEvent {
        public MarginCall {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(marginLevelPercent, "marginLevelPercent");
            Objects.requireNonNull(marginCallPercent, "marginCallPercent");
            Objects.requireNonNull(equity, "equity");
            Objects.requireNonNull(marginUsed, "marginUsed");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Margin level fell below the stop-out level (strictly); the plan says which positions to close, in order. */
    record StopOut(String accountId, BigDecimal marginLevelPercent, BigDecimal stopOutPercent, Money equity,
                   Money marginUsed, LiquidationPlan plan, Instant at) implements RiskEvent {
    }

    /** A monitor's condition cleared (e.g. margin level back above the margin-call level). */
    record MonitorCleared(String accountId, String monitor, Instant at) implements RiskEvent {
    }
}
