package dev.tradingsdk.core.codec;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads back, field by field and in the same order, a record written by {@link FieldWriter}. Instrument ids are
 * resolved through the function given to the constructor. A damaged field surfaces from {@link #decode} as an
 * {@link IllegalArgumentException} naming the field's number and its stored text.
 */
public final class FieldReader {

    private final String what;
    private final String[] parts;
    private final Function<InstrumentId, Instrument> instruments;
    private int next;

    /**
     * @param what        what the record is, for error messages ("engine record")
     * @param instruments resolves an instrument id; returns null for an unknown one
     */
    public FieldReader(String what, byte[] record, Function<InstrumentId, Instrument> instruments) {
        this.what = Objects.requireNonNull(what, "what");
        this.parts = new String(record, StandardCharsets.UTF_8).split(",", -1);
        this.instruments = Objects.requireNonNull(instruments, "instruments");
    }

    /**
     * Runs {@code read} and turns what a damaged field makes a parser throw into an
     * {@link IllegalArgumentException} naming the field.
     */
    public <T> T decode(Supplier<T> read) {
        try {
            T value = read.get();
            end();
            return value;
        } catch (NumberFormatException | IndexOutOfBoundsException | DateTimeException | NullPointerException
                 | IllegalStateException e) {
            throw damaged("cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private IllegalArgumentException damaged(String problem, Throwable cause) {
        return new IllegalArgumentException("damaged " + what + ": field " + next + " \"" + field() + "\" "
                + problem, cause);
    }

    private String field() {
        return next == 0 || next > parts.length ? "" : parts[next - 1];
    }

    /** A text field; {@code null} when written as null. */
    public String text() {
        if (next >= parts.length) {
            throw new IllegalArgumentException(what + " ends early after " + next + " fields");
        }
        String raw = parts[next++];
        return raw.equals("~") ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private String required() {
        String t = text();
        if (t == null) {
            throw damaged("must not be null", null);
        }
        return t;
    }

    public long number() {
        return Long.parseLong(required());
    }

    public boolean bool() {
        String t = required();
        if (!t.equals("true") && !t.equals("false")) {
            throw damaged("is not a boolean", null);
        }
        return t.equals("true");
    }

    /** An instant, or {@code null}. */
    public Instant instant() {
        String t = text();
        return t == null ? null : Instant.parse(t);
    }

    public InstrumentId instrumentId() {
        String id = required();
        int dot = id.lastIndexOf('.');
        if (dot < 0) {
            throw damaged("is not an instrument id", null);
        }
        return InstrumentId.of(id.substring(0, dot), id.substring(dot + 1));
    }

    public Instrument instrument() {
        InstrumentId id = instrumentId();
        Instrument instrument = instruments.apply(id);
        if (instrument == null) {
            throw new IllegalArgumentException("unknown instrument " + id + " in " + what);
        }
        return instrument;
    }

    private long[] rawAndPrecision() {
        String t = text();
        if (t == null) {
            return null;
        }
        String[] p = t.split(":");
        if (p.length != 2) {
            throw damaged("is not raw:precision", null);
        }
        return new long[] {Long.parseLong(p[0]), Integer.parseInt(p[1])};
    }

    /** A price, or {@code null}. */
    public Price price() {
        long[] v = rawAndPrecision();
        return v == null ? null : Price.ofRaw(v[0], (int) v[1]);
    }

    public Quantity quantity() {
        long[] v = Objects.requireNonNull(rawAndPrecision(), "quantity");
        return Quantity.ofRaw(v[0], (int) v[1]);
    }

    public Money money() {
        String[] p = required().split(":");
        if (p.length != 4) {
            throw damaged("is not raw:precision:CCY:currencyPrecision", null);
        }
        return Money.ofRaw(Long.parseLong(p[0]), Integer.parseInt(p[1]), new Currency(p[2], Integer.parseInt(p[3])));
    }

    /** An order request as {@link FieldWriter#request} wrote it. */
    public OrderRequest request() {
        ClientOrderId id = ClientOrderId.of(required());
        Instrument instrument = instrument();
        OrderRequest.Builder request = OrderRequest.builder(instrument, Side.valueOf(required())).clientOrderId(id)
                .type(OrderType.valueOf(required()));
        TimeInForce timeInForce = TimeInForce.valueOf(required());
        request.quantity(quantity());
        Price limit = price();
        Price stop = price();
        Instant expireAt = instant();
        if (limit != null) {
            request.limit(limit);
        }
        if (stop != null) {
            request.stop(stop);
        }
        if (timeInForce == TimeInForce.GTD) {
            request.goodTill(expireAt);
        } else {
            request.timeInForce(timeInForce);
        }
        return request.reduceOnly(bool()).postOnly(bool()).build();
    }

    /** An order as {@link FieldWriter#order} wrote it, rebuilt through its lifecycle to the same status. */
    public Order order() {
        OrderRequest request = request();
        OrderStatus status = OrderStatus.valueOf(required());
        String reason = required();
        String venueOrderId = required();
        Instant updatedAt = instant();
        long fillCount = number();
        if (fillCount < 0 || fillCount > parts.length) {
            throw damaged("is not a possible fill count", null);
        }
        List<Fill> fills = new ArrayList<>((int) fillCount);
        for (int i = 0; i < fillCount; i++) {
            fills.add(fill());
        }
        Order order = new Order(request, updatedAt);
        if (status == OrderStatus.NEW) {
            return order;
        }
        if (status == OrderStatus.REJECTED) {
            order.markRejected(reason, updatedAt);
            return order;
        }
        order.markSubmitted(updatedAt);
        if (!venueOrderId.isEmpty()) {
            order.markAccepted(venueOrderId, updatedAt);
        }
        fills.forEach(order::applyFill);
        if (status == OrderStatus.CANCELED) {
            order.markCanceled(reason, updatedAt);
        } else if (status == OrderStatus.EXPIRED) {
            order.markExpired(updatedAt);
        }
        if (order.status() != status) {
            throw new IllegalArgumentException("damaged " + what + ": order " + request.clientOrderId() + " in status "
                    + status + " with " + fillCount + " fills and venue id \"" + venueOrderId + "\" rebuilds as "
                    + order.status());
        }
        return order;
    }

    public Fill fill() {
        return new Fill(ClientOrderId.of(required()), required(), instrument(), Side.valueOf(required()), price(),
                quantity(), money(), instant());
    }

    /** Throws when fields are left over: the record is not what the reader expected. */
    public void end() {
        if (next != parts.length) {
            throw new IllegalArgumentException(what + " has " + (parts.length - next) + " unexpected trailing fields");
        }
    }
}
