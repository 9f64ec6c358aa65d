package dev.tradingsdk.brokers.internal;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Rebuilds core {@link Order}s from what a venue reports. Fills so far are folded into one aggregate fill at
 * the venue's average price, so the filled quantity and average price match the venue's exactly (the venue does
 * not say how it split them); its trade id is {@code <venueOrderId>-agg}.
 */
public final class OrderSnapshots {

    private OrderSnapshots() {
    }

    /**
     * @param status       the core status the venue's status maps to; NEW for orders the venue holds back
     *                     (bracket legs before the entry fills)
     * @param averagePrice average fill price, null before a fill
     * @param reason       why it was rejected or canceled, "" otherwise
     */
    public static Order of(OrderRequest request, Instant createdAt, Instant updatedAt, String venueOrderId,
                           OrderStatus status, BigDecimal filledQuantity, BigDecimal averagePrice, String reason) {
        Instant created = createdAt != null ? createdAt : Instant.EPOCH;
        Instant updated = updatedAt != null && !updatedAt.isBefore(created) ? updatedAt : created;
        Order order = new Order(request, created);
        if (status == OrderStatus.NEW) {
            return order;
        }
        order.markSubmitted(created);
        if (status == OrderStatus.SUBMITTED) {
            return order;
        }
        if (status == OrderStatus.REJECTED) {
            order.markRejected(reason.isEmpty() ? "rejected by the venue" : reason, updated);
            return order;
        }
        order.markAccepted(venueOrderId, created);
        Instrument instrument = request.instrument();
        if (filledQuantity != null && filledQuantity.signum() > 0 && averagePrice != null) {
            Quantity filled = Quantity.of(filledQuantity, instrument.sizePrecision(), RoundingMode.HALF_EVEN);
            if (filled.isGreaterThan(request.quantity())) {
                throw new IllegalArgumentException("filled quantity " + filledQuantity + " exceeds the order's "
                        + request.quantity() + " for " + request.clientOrderId());
            }
            if (!filled.isZero()) {
                Price price = Fields.price(averagePrice, instrument.pricePrecision());
                order.applyFill(new Fill(request.clientOrderId(), venueOrderId + "-agg", instrument, request.side(),
                        price, filled, Money.zero(instrument.quoteCurrency()), updated));
            }
        }
        switch (status) {
            case CANCELED -> {
                if (order.status().isOpen()) {
                    order.markCanceled(reason.isEmpty() ? "canceled" : reason, updated);
                }
            }
            case EXPIRED -> {
                if (order.status().isOpen()) {
                    order.markExpired(updated);
                }
            }
            default -> {
                // ACCEPTED, PARTIALLY_FILLED and FILLED follow from the fill applied above.
            }
        }
        return order;
    }
}
