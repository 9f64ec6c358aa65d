package dev.tradingsdk.core.order;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order and its lifecycle. Each transition method checks that the move is legal for the current
 * {@link OrderStatus} and throws {@link IllegalOrderTransitionException} (changing nothing) when it is not.
 *
 * <p>Not thread-safe: one venue/gateway thread owns an order and mutates it; readers on other threads should
 * take a {@link #snapshot()}, or a {@link #readOnlySnapshot()} when the copy is handed on to others (a venue's
 * listeners, a strategy): a read-only snapshot refuses every transition, so one copy can be shared by all of its
 * readers, and the order keeps returning that copy until its next change.
 */
public final class Order {

    private final OrderRequest request;
    private OrderStatus status = OrderStatus.NEW;
    private String venueOrderId;
    private Quantity filled;
    private Money filledNotional;
    private Money fees;
    private String reason = "";
    private Instant updatedAt;
    /** An {@code ArrayList} while the order can change, an immutable list in a read-only snapshot. */
    private final List<Fill> fills;
    private final boolean readOnly;
    /** The read-only copy of the current state, until the next transition. */
    private Order readOnlyCopy;

    public Order(OrderRequest request, Instant createdAt) {
        this.request = Objects.requireNonNull(request, "request");
        Instrument instrument = request.instrument();
        this.filled = Quantity.zero(instrument.sizePrecision());
        Money zero = Money.zero(instrument.quoteCurrency());
        this.filledNotional = zero;
        this.fees = zero;
        this.updatedAt = Objects.requireNonNull(createdAt, "createdAt");
        this.fills = new ArrayList<>();
        this.readOnly = false;
    }

    private Order(Order other, boolean readOnly) {
        this.request = other.request;
        this.status = other.status;
        this.venueOrderId = other.venueOrderId;
        this.filled = other.filled;
        this.filledNotional = other.filledNotional;
        this.fees = other.fees;
        this.reason = other.reason;
        this.updatedAt = other.updatedAt;
        this.readOnly = readOnly;
        if (readOnly) {
            this.fills = other.fills.isEmpty() ? List.of() : List.copyOf(other.fills);
        } else {
            this.fills = new ArrayList<>(other.fills);
        }
    }

    /** An independent copy of the order as it is now, which its owner may go on changing. */
    public Order snapshot() {
        return new Order(this, false);
    }

    /**
     * An immutable copy of the order as it is now: its transition methods throw {@link IllegalStateException}.
     * Asked again before the order changes, it returns the same copy; a read-only snapshot returns itself.
     */
    public Order readOnlySnapshot() {
        if (readOnly) {
            return this;
        }
        Order copy = readOnlyCopy;
        if (copy == null) {
            copy = new Order(this, true);
            readOnlyCopy = copy;
        }
        return copy;
    }

    /** True for a {@link #readOnlySnapshot()}, whose transition methods throw. */
    public boolean isReadOnly() {
        return readOnly;
    }

    private void checkWritable() {
        if (readOnly) {
            throw new IllegalStateException("order " + request.clientOrderId() + " is a read-only snapshot ("
                    + status + "); only its owner's copy changes");
        }
    }

    private void move(OrderStatus next, Instant at, String detail) {
        checkWritable();
        Objects.requireNonNull(at, "at");
        if (!status.canMoveTo(next)) {
            throw new IllegalOrderTransitionException(request.clientOrderId(), status, next, detail);
        }
        status = next;
        updatedAt = at;
        readOnlyCopy = null;
    }

    /** NEW → SUBMITTED: sent to the venue. */
    public void markSubmitted(Instant at) {
        move(OrderStatus.SUBMITTED, at, "");
    }

    /** SUBMITTED → ACCEPTED: the venue acknowledged the order under {@code venueOrderId}. */
    public void markAccepted(String venueOrderId, Instant at) {
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        move(OrderStatus.ACCEPTED, at, "");
        this.venueOrderId = venueOrderId;
    }

    /** NEW/SUBMITTED → REJECTED with the venue's or risk engine's reason. */
    public void markRejected(String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        move(OrderStatus.REJECTED, at, reason);
        this.reason = reason;
    }

    /** An open order → CANCELED. */
    public void markCanceled(String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        move(OrderStatus.CANCELED, at, reason);
        this.reason = reason;
    }

    /** An open order → EXPIRED (GTD/DAY ran out, or IOC remainder). */
    public void markExpired(Instant at) {
        move(OrderStatus.EXPIRED, at, "");
    }

    /**
     * Applies an execution: → PARTIALLY_FILLED or FILLED. A fill for another order or instrument, on the
     * other side, or larger than the remaining quantity is refused and changes nothing.
     */
    public void applyFill(Fill fill) {
        checkWritable();
        if (!fill.orderId().equals(request.clientOrderId())) {
            throw new IllegalArgumentException("fill for order " + fill.orderId() + " applied to order "
                    + request.clientOrderId());
        }
        if (!fill.instrument().equals(request.instrument()) || fill.side() != request.side()) {
            throw new IllegalArgumentException("fill " + fill.side() + " " + fill.instrument()
                    + " does not match order " + request);
        }
        Quantity newFilled = filled.plus(fill.quantity());
        if (newFilled.isGreaterThan(request.quantity())) {
            throw new IllegalOrderTransitionException(request.clientOrderId(), status, OrderStatus.FILLED,
                    "fill of " + fill.quantity() + " exceeds the remaining " + leavesQuantity());
        }
        OrderStatus next = newFilled.equals(request.quantity()) ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        Money newNotional = filledNotional.plus(fill.notional());
        Money newFees = fees.plus(fill.fee());
        move(next, fill.timestamp(), "");
        filled = newFilled;
        filledNotional = newNotional;
        fees = newFees;
        fills.add(fill);
    }

    public OrderRequest request() {
        return request;
    }

    public ClientOrderId clientOrderId() {
        return request.clientOrderId();
    }

    public Instrument instrument() {
        return request.instrument();
    }

    public Side side() {
        return request.side();
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<String> venueOrderId() {
        return Optional.ofNullable(venueOrderId);
    }

    public Quantity filledQuantity() {
        return filled;
    }

    public Quantity leavesQuantity() {
        return status.isTerminal() ? Quantity.zero(filled.precision()) : request.quantity().minus(filled);
    }

    /** Total fees paid on the fills so far. */
    public Money fees() {
        return fees;
    }

    /**
     * Volume-weighted average fill price, at the instrument's price precision plus four decimals (max 9),
     * half-even; empty before the first fill.
     */
    public Optional<Price> averageFillPrice() {
        if (filled.isZero()) {
            return Optional.empty();
        }
        Instrument instrument = request.instrument();
        int precision = Math.min(instrument.pricePrecision() + 4, FixedMath.MAX_PRECISION);
        BigDecimal units = filled.toBigDecimal().multiply(instrument.multiplier().toBigDecimal());
        return Optional.of(Price.of(filledNotional.toBigDecimal().divide(units, precision, RoundingMode.HALF_EVEN),
                precision));
    }

    public List<Fill> fills() {
        return readOnly ? fills : Collections.unmodifiableList(fills);
    }

    /** Why the order was rejected or canceled; empty otherwise. */
    public String reason() {
        return reason;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return request + " " + status + " filled=" + filled;
    }
}
