package dev.tradingsdk.core.codec;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes a journal record as one line of comma-separated, URL-encoded fields, read back by {@link FieldReader} in
 * the same order. Amounts are written exactly, as raw value and precision ({@code raw:precision}; money
 * {@code raw:precision:CCY:currencyPrecision}), so a decoded value equals the original; instruments as their id,
 * resolved on decode. {@code null} is written as {@code ~} where a reader method accepts it.
 *
 * <pre>{@code
 * byte[] bytes = new FieldWriter().text("fill").text(accountId).fill(fill).toBytes();
 * }</pre>
 */
public final class FieldWriter {

    private final StringBuilder sb = new StringBuilder(128);

    /** A text field, or {@code null}. */
    public FieldWriter text(String value) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        sb.append(value == null ? "~" : URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    public FieldWriter number(long value) {
        return text(Long.toString(value));
    }

    public FieldWriter bool(boolean value) {
        return text(Boolean.toString(value));
    }

    /** An instant, or {@code null}. */
    public FieldWriter instant(Instant value) {
        return text(value == null ? null : value.toString());
    }

    public FieldWriter instrument(Instrument value) {
        return instrument(value.id());
    }

    public FieldWriter instrument(InstrumentId id) {
        return text(id.symbol() + "." + id.venue().name());
    }

    /** A price, or {@code null}. */
    public FieldWriter price(Price value) {
        return text(value == null ? null : value.raw() + ":" + value.precision());
    }

    public FieldWriter quantity(Quantity value) {
        return text(value.raw() + ":" + value.precision());
    }

    public FieldWriter money(Money value) {
        return text(value.raw() + ":" + value.precision() + ":" + value.currency().code() + ":"
                + value.currency().precision());
    }

    /** Every field of an order request. */
    public FieldWriter request(OrderRequest r) {
        return text(r.clientOrderId().value()).instrument(r.instrument()).text(r.side().name()).text(r.type().name())
                .text(r.timeInForce().name()).quantity(r.quantity()).price(r.limitPrice().orElse(null))
                .price(r.stopPrice().orElse(null)).instant(r.expireAt().orElse(null)).bool(r.reduceOnly())
                .bool(r.postOnly());
    }

    /** An order: its request, status, reason, venue id, last update and fills. */
    public FieldWriter order(Order order) {
        request(order.request()).text(order.status().name()).text(order.reason())
                .text(order.venueOrderId().orElse("")).instant(order.updatedAt()).number(order.fills().size());
        for (Fill fill : order.fills()) {
            fill(fill);
        }
        return this;
    }

    public FieldWriter fill(Fill fill) {
        return text(fill.orderId().value()).text(fill.tradeId()).instrument(fill.instrument())
                .text(fill.side().name()).price(fill.price()).quantity(fill.quantity()).money(fill.fee())
                .instant(fill.timestamp());
    }

    /** The record as UTF-8 bytes. */
    public byte[] toBytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
