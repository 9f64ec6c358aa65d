package dev.tradingsdk.brokers;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.InvalidOrderException;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.TimeInForce;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Broker#replace} changes; fields left unset keep the order's values. The changed request is
 * validated against the instrument like any {@link OrderRequest} before anything is sent.
 */
public final class OrderChange {

    private final Quantity quantity;
    private final Price limitPrice;
    private final Price stopPrice;
    private final TimeInForce timeInForce;
    private final ClientOrderId newClientOrderId;

    private OrderChange(Builder b) {
        this.quantity = b.quantity;
        this.limitPrice = b.limitPrice;
        this.stopPrice = b.stopPrice;
        this.timeInForce = b.timeInForce;
        this.newClientOrderId = b.newClientOrderId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Quantity> quantity() {
        return Optional.ofNullable(quantity);
    }

    public Optional<Price> limitPrice() {
        return Optional.ofNullable(limitPrice);
    }

    public Optional<Price> stopPrice() {
        return Optional.ofNullable(stopPrice);
    }

    public Optional<TimeInForce> timeInForce() {
        return Optional.ofNullable(timeInForce);
    }

    /** The id of the replacing order on venues that replace by a new order; the broker picks one if unset. */
    public Optional<ClientOrderId> newClientOrderId() {
        return Optional.ofNullable(newClientOrderId);
    }

    /** {@code original} with this change applied under {@code id}; throws {@link InvalidOrderException}. */
    public OrderRequest applyTo(OrderRequest original, ClientOrderId id) {
        OrderRequest.Builder b = original.toBuilder().clientOrderId(id);
        if (quantity != null) {
            b.quantity(quantity);
        }
        if (limitPrice != null) {
            if (!original.type().hasLimitPrice()) {
                throw new InvalidOrderException("limitPrice", limitPrice, "cannot be set on a " + original.type()
                        + " order");
            }
            b.limit(limitPrice);
        }
        if (stopPrice != null) {
            if (!original.type().hasStopPrice()) {
                throw new InvalidOrderException("stopPrice", stopPrice, "cannot be set on a " + original.type()
                        + " order");
            }
            b.stop(stopPrice);
        }
        if (timeInForce != null) {
            b.timeInForce(timeInForce);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "OrderChange[quantity=" + quantity + ", limit=" + limitPrice + ", stop=" + stopPrice + ", tif="
                + timeInForce + ", newId=" + newClientOrderId + "]";
    }

    /** Builds a change; {@link #build()} refuses an empty one. */
    public static final class Builder {
        private Quantity quantity;
        private Price limitPrice;
        private Price stopPrice;
        private TimeInForce timeInForce;
        private ClientOrderId newClientOrderId;

        private Builder() {
        }

        public Builder quantity(Quantity value) {
            this.quantity = Objects.requireNonNull(value, "quantity");
            return this;
        }

        public Builder limitPrice(Price value) {
            this.limitPrice = Objects.requireNonNull(value, "limitPrice");
            return this;
        }

        public Builder stopPrice(Price value) {
            this.stopPrice = Objects.requireNonNull(value, "stopPrice");
            return this;
        }

        public Builder timeInForce(TimeInForce value) {
            this.timeInForce = Objects.requireNonNull(value, "timeInForce");
            return this;
        }

        public Builder newClientOrderId(ClientOrderId value) {
            this.newClientOrderId = Objects.requireNonNull(value, "newClientOrderId");
            return this;
        }

        public OrderChange build() {
            if (quantity == null && limitPrice == null && stopPrice == null && timeInForce == null) {
                throw new IllegalArgumentException("an order change must set quantity, limitPrice, stopPrice or "
                        + "timeInForce");
            }
            return new OrderChange(this);
        }
    }
}
