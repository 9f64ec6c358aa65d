package dev.tradingsdk.core.order;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, validated request to trade. Built fluently and checked against its instrument: positive
 * size on the lot grid and at least the minimum size, prices on the tick grid, a limit price exactly for
 * LIMIT/STOP_LIMIT, a stop price exactly for STOP/STOP_LIMIT, an expiry exactly for GTD, post-only only for
 * resting limit orders. Invalid input throws {@link InvalidOrderException} naming the field.
 *
 * <pre>{@code
 * OrderRequest order = OrderRequest.buy(btc).quantity("0.25").limit("64000.50").timeInForce(TimeInForce.GTC).build();
 * }</pre>
 */
public final class OrderRequest {

    /**
     * Earliest GTD expiry accepted. No venue or backtest trades before 1971; an earlier instant is a unit mistake
     * (epoch seconds read as milliseconds land in January 1970).
     */
    private static final Instant EARLIEST_EXPIRY = Instant.parse("1971-01-01T00:00:00Z");

    private final ClientOrderId clientOrderId;
    private final Instrument instrument;
    private final Side side;
    private final OrderType type;
    private final TimeInForce timeInForce;
    private final Quantity quantity;
    private final Price limitPrice;
    private final Price stopPrice;
    private final Instant expireAt;
    private final boolean reduceOnly;
    private final boolean postOnly;

    private OrderRequest(ClientOrderId clientOrderId, Instrument instrument, Side side, OrderType type,
                         TimeInForce timeInForce, Quantity quantity, Price limitPrice, Price stopPrice,
                         Instant expireAt, boolean reduceOnly, boolean postOnly) {
        this.clientOrderId = clientOrderId;
        this.instrument = instrument;
        this.side = side;
        this.type = type;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.stopPrice = stopPrice;
        this.expireAt = expireAt;
        this.reduceOnly = reduceOnly;
        this.postOnly = postOnly;
    }

    public static Builder buy(Instrument instrument) {
        return new Builder(instrument, Side.BUY);
    }

    public static Builder sell(Instrument instrument) {
        return new Builder(instrument, Side.SELL);
    }

    public static Builder builder(Instrument instrument, Side side) {
        return new Builder(instrument, side);
    }

    /** A builder holding this request's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(instrument, side);
        b.clientOrderId = clientOrderId;
        b.type = type;
        b.timeInForce = timeInForce;
        b.quantity = quantity;
        b.limitPrice = limitPrice;
        b.stopPrice = stopPrice;
        b.expireAt = expireAt;
        b.reduceOnly = reduceOnly;
        b.postOnly = postOnly;
        return b;
    }

    public ClientOrderId clientOrderId() {
        return clientOrderId;
    }

    public Instrument instrument() {
        return instrument;
    }

    public Side side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    public Quantity quantity() {
        return quantity;
    }

    public Optional<Price> limitPrice() {
        return Optional.ofNullable(limitPrice);
    }

    /** The limit price, or {@code null} for MARKET and STOP orders; for hot paths that must not allocate. */
    public Price limitPriceOrNull() {
        return limitPrice;
    }

    public Optional<Price> stopPrice() {
        return Optional.ofNullable(stopPrice);
    }

    public Optional<Instant> expireAt() {
        return Optional.ofNullable(expireAt);
    }

    public boolean reduceOnly() {
        return reduceOnly;
    }

    public boolean postOnly() {
        return postOnly;
    }

    /**
     * Notional at the order's own price (limit, else stop); empty for a market order, whose notional
     * depends on the market.
     */
    public Optional<Money> notional() {
        Price p = limitPrice != null ? limitPrice : stopPrice;
        return p == null ? Optional.empty() : Optional.of(instrument.notional(p, quantity));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(96).append(clientOrderId).append(' ').append(side).append(' ')
                .append(quantity).append(' ').append(instrument).append(' ').append(type);
        if (limitPrice != null) {
            sb.append(" limit=").append(limitPrice);
        }
        if (stopPrice != null) {
            sb.append(" stop=").append(stopPrice);
        }
        sb.append(' ').append(timeInForce);
        if (reduceOnly) {
            sb.append(" reduceOnly");
        }
        if (postOnly) {
            sb.append(" postOnly");
        }
        return sb.toString();
    }

    private void validate() {
        if (timeInForce == null) {
            throw new InvalidOrderException("timeInForce", null, "is required");
        }
        if (quantity == null) {
            throw new InvalidOrderException("quantity", null, "is required");
        }
        if (quantity.isZero()) {
            throw new InvalidOrderException("quantity", quantity, "must be positive");
        }
        if (!instrument.isOnLot(quantity)) {
            throw new InvalidOrderException("quantity", quantity, "is not a multiple of the lot size "
                    + instrument.lotSize() + " at precision " + instrument.sizePrecision() + " for " + instrument);
        }
        if (quantity.isLessThan(instrument.minSize())) {
            throw new InvalidOrderException("quantity", quantity, "is below the minimum size "
                    + instrument.minSize() + " for " + instrument);
        }
        if (type.hasLimitPrice() != (limitPrice != null)) {
            throw new InvalidOrderException("limitPrice", limitPrice, type.hasLimitPrice()
                    ? "is required for a " + type + " order" : "must not be set for a " + type + " order");
        }
        if (type.hasStopPrice() != (stopPrice != null)) {
            throw new InvalidOrderException("stopPrice", stopPrice, type.hasStopPrice()
                    ? "is required for a " + type + " order" : "must not be set for a " + type + " order");
        }
        checkPrice("limitPrice", limitPrice);
        checkPrice("stopPrice", stopPrice);
        if ((timeInForce == TimeInForce.GTD) != (expireAt != null)) {
            throw new InvalidOrderException("expireAt", expireAt, timeInForce == TimeInForce.GTD
                    ? "is required for a GTD order" : "is only allowed for a GTD order, not " + timeInForce);
        }
        if (expireAt != null && expireAt.isBefore(EARLIEST_EXPIRY)) {
            throw new InvalidOrderException("expireAt", expireAt, "is before " + EARLIEST_EXPIRY
                    + ": epoch seconds passed as milliseconds?");
        }
        checkNotional("limitPrice", limitPrice);
        checkNotional("stopPrice", stopPrice);
        if (postOnly && (type != OrderType.LIMIT || timeInForce == TimeInForce.IOC
                || timeInForce == TimeInForce.FOK)) {
            throw new InvalidOrderException("postOnly", true,
                    "needs a resting LIMIT order, not " + type + " " + timeInForce);
        }
    }

    /** Every later step (risk, margin, fills) needs the notional, so one that overflows is refused here. */
    private void checkNotional(String priceField, Price price) {
        if (price == null) {
            return;
        }
        try {
            instrument.notional(price, quantity);
        } catch (ArithmeticException e) {
            throw new InvalidOrderException("quantity", quantity, "times " + priceField + " " + price
                    + " gives a notional that overflows for " + instrument);
        }
    }

    private void checkPrice(String field, Price price) {
        if (price == null) {
            return;
        }
        if (price.signum() <= 0 && instrument.assetClass() != AssetClass.FUTURE) {
            throw new InvalidOrderException(field, price, "must be positive");
        }
        if (!instrument.isOnTick(price)) {
            throw new InvalidOrderException(field, price, "is not a multiple of the tick size "
                    + instrument.tickSize() + " for " + instrument);
        }
    }

    /** Fluent builder; {@link #build()} validates against the instrument. */
    public static final class Builder {
        private static final ClientOrderId.Generator DEFAULT_IDS = ClientOrderId.sequence("order");

        private final Instrument instrument;
        private final Side side;
        private ClientOrderId clientOrderId;
        private OrderType type;
        private TimeInForce timeInForce = TimeInForce.GTC;
        private Quantity quantity;
        private Price limitPrice;
        private Price stopPrice;
        private Instant expireAt;
        private boolean reduceOnly;
        private boolean postOnly;
        private String quantityText;
        private String limitText;
        private String stopText;

        private Builder(Instrument instrument, Side side) {
            this.instrument = Objects.requireNonNull(instrument, "instrument");
            this.side = Objects.requireNonNull(side, "side");
        }

        public Builder clientOrderId(ClientOrderId id) {
            this.clientOrderId = id;
            return this;
        }

        public Builder clientOrderId(String id) {
            return clientOrderId(ClientOrderId.of(id));
        }

        public Builder quantity(Quantity quantity) {
            this.quantity = quantity;
            this.quantityText = null;
            return this;
        }

        /** The size as decimal text, parsed at the instrument's size precision in {@link #build()}. */
        public Builder quantity(String quantity) {
            this.quantityText = quantity;
            this.quantity = null;
            return this;
        }

        /** Makes this a MARKET order (the default when no price is given). */
        public Builder market() {
            this.type = OrderType.MARKET;
            return this;
        }

        /**
         * Makes this a LIMIT order at {@code price} (a STOP_LIMIT if a stop is also given).
         *
         * @throws InvalidOrderException if {@code price} is null (e.g. a best-bid lookup that found nothing): a
         *                               missing price must not turn the order into a MARKET order
         */
        public Builder limit(Price price) {
            this.limitPrice = requirePrice("limitPrice", price);
            this.limitText = null;
            return this;
        }

        public Builder limit(String price) {
            this.limitText = requirePrice("limitPrice", price);
            this.limitPrice = null;
            return this;
        }

        /**
         * Makes this a STOP order triggered at {@code price} (a STOP_LIMIT if a limit is also given).
         *
         * @throws InvalidOrderException if {@code price} is null
         */
        public Builder stop(Price price) {
            this.stopPrice = requirePrice("stopPrice", price);
            this.stopText = null;
            return this;
        }

        public Builder stop(String price) {
            this.stopText = requirePrice("stopPrice", price);
            this.stopPrice = null;
            return this;
        }

        private static <T> T requirePrice(String field, T price) {
            if (price == null) {
                throw new InvalidOrderException(field, null, "must not be null (use market() for a MARKET order)");
            }
            return price;
        }

        /** Sets the type explicitly; otherwise it follows from the prices given. */
        public Builder type(OrderType type) {
            this.type = type;
            return this;
        }

        public Builder timeInForce(TimeInForce timeInForce) {
            this.timeInForce = timeInForce;
            return this;
        }

        /** Good-till-date: sets the time in force to GTD with this expiry. */
        public Builder goodTill(Instant expireAt) {
            this.timeInForce = TimeInForce.GTD;
            this.expireAt = expireAt;
            return this;
        }

        public Builder reduceOnly(boolean reduceOnly) {
            this.reduceOnly = reduceOnly;
            return this;
        }

        public Builder postOnly(boolean postOnly) {
            this.postOnly = postOnly;
            return this;
        }

        /**
         * Validates and returns the request; throws {@link InvalidOrderException} naming the bad field. The
         * builder itself is not changed, so it can build again (with a fresh default client order id).
         */
        public OrderRequest build() {
            Quantity q = quantityText != null ? parse("quantity", quantityText, true) : quantity;
            Price limit = limitText != null ? parse("limitPrice", limitText, false) : limitPrice;
            Price stop = stopText != null ? parse("stopPrice", stopText, false) : stopPrice;
            OrderType t = type != null ? type
                    : limit != null ? (stop != null ? OrderType.STOP_LIMIT : OrderType.LIMIT)
                    : stop != null ? OrderType.STOP : OrderType.MARKET;
            ClientOrderId id = clientOrderId != null ? clientOrderId : DEFAULT_IDS.next();
            OrderRequest request = new OrderRequest(id, instrument, side, t, timeInForce, q, limit, stop, expireAt,
                    reduceOnly, postOnly);
            request.validate();
            return request;
        }

        @SuppressWarnings("unchecked")
        private <T> T parse(String field, String text, boolean size) {
            try {
                return (T) (size ? instrument.size(text) : instrument.price(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidOrderException(field, text, "not a valid value at precision "
                        + (size ? instrument.sizePrecision() : instrument.pricePrecision()) + " for " + instrument);
            }
        }
    }
}
