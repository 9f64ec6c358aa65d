package dev.tradingsdk.cfd;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.journal.JournalCodec;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes {@link CfdEvent}s for core's {@code Journal}: one line of comma-separated, URL-encoded fields, with
 * every amount as its exact raw value and precision ({@code raw:precision}, money {@code raw:precision:CCY:ccyPrecision})
 * so a decoded event equals the original. Instruments are written as their id and resolved on decode from the
 * instruments given to the constructor.
 *
 * <p>Orders are written with their request, status, reason, venue id and fills, and rebuilt through the order
 * lifecycle (the account only produces FILLED and REJECTED orders).
 */
public final class CfdEventCodec implements JournalCodec<CfdEvent> {

    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();

    /** A codec resolving instrument ids among {@code instruments}. */
    public CfdEventCodec(Collection<Instrument> instruments) {
        for (Instrument instrument : instruments) {
            this.instruments.put(instrument.id(), instrument);
        }
    }

    @Override
    public byte[] encode(CfdEvent event) {
        Fields f = new Fields();
        if (event instanceof CfdEvent.AccountOpened e) {
            f.add("opened").add(e.accountId()).add(e.at()).add(e.initialCash());
        } else if (event instanceof CfdEvent.PriceMarked e) {
            f.add("price").add(e.accountId()).add(e.at()).add(e.instrument()).add(e.bid()).add(e.ask());
        } else if (event instanceof CfdEvent.OrderUpdated e) {
            f.add("order").add(e.accountId()).add(e.at());
            addOrder(f, e.order());
        } else if (event instanceof CfdEvent.Filled e) {
            f.add("fill").add(e.accountId()).add(e.at());
            addFill(f, e.fill());
        } else if (event instanceof CfdEvent.FinancingCharged e) {
            f.add("financing").add(e.accountId()).add(e.at()).add(e.instrument()).add(e.amount());
        } else if (event instanceof CfdEvent.RolledOver e) {
            f.add("rollover").add(e.accountId()).add(e.at());
        } else if (event instanceof CfdEvent.MarginCall e) {
            f.add("margin-call").add(e.accountId()).add(e.at()).add(e.equity()).add(e.usedMargin())
                    .add(Long.toString(e.levelPercent()));
        } else if (event instanceof CfdEvent.Liquidation e) {
            f.add("liquidation").add(e.accountId()).add(e.at()).add(e.instrument()).add(e.realizedPnl())
                    .add(e.equityAfter());
        } else if (event instanceof CfdEvent.BalanceWrittenOff e) {
            f.add("write-off").add(e.accountId()).add(e.at()).add(e.amount());
        } else {
            throw new IllegalArgumentException("cannot encode " + event.getClass().getName());
        }
        return f.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void addOrder(Fields f, Order order) {
        OrderRequest r = order.request();
        f.add(r.clientOrderId().value()).add(r.instrument()).add(r.side().name()).add(r.type().name())
                .add(r.timeInForce().name()).add(r.quantity()).add(r.limitPrice().orElse(null))
                .add(r.stopPrice().orElse(null)).add(r.expireAt().orElse(null))
                .add(Boolean.toString(r.reduceOnly())).add(Boolean.toString(r.postOnly()))
                .add(order.status().name()).add(order.reason()).add(order.venueOrderId().orElse(""))
                .add(order.updatedAt()).add(Integer.toString(order.fills().size()));
        for (Fill fill : order.fills()) {
            addFill(f, fill);
        }
    }

    private static void addFill(Fields f, Fill fill) {
        f.add(fill.orderId().value()).add(fill.tradeId()).add(fill.instrument()).add(fill.side().name())
                .add(fill.price()).add(fill.quantity()).add(fill.fee()).add(fill.timestamp());
    }

    @Override
    public CfdEvent decode(byte[] bytes) {
        Reader r = new Reader(new String(bytes, StandardCharsets.UTF_8));
        try {
            return decode(r);
        } catch (NumberFormatException | IndexOutOfBoundsException | DateTimeException | NullPointerException e) {
            // what a damaged field makes its parser throw: report it as the damaged field it is
            throw new IllegalArgumentException("damaged CFD event record: field " + r.fieldNumber() + " \""
                    + r.field() + "\" cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private CfdEvent decode(Reader r) {
        String kind = r.text();
        String account = r.text();
        Instant at = r.instant();
        CfdEvent event = switch (kind) {
            case "opened" -> new CfdEvent.AccountOpened(account, at, r.money());
            case "price" -> new CfdEvent.PriceMarked(account, at, r.instrument(), r.price(), r.price());
            case "order" -> new CfdEvent.OrderUpdated(account, at, readOrder(r));
            case "fill" -> new CfdEvent.Filled(account, at, readFill(r));
            case "financing" -> new CfdEvent.FinancingCharged(account, at, r.instrument(), r.money());
            case "rollover" -> new CfdEvent.RolledOver(account, at);
            case "margin-call" -> new CfdEvent.MarginCall(account, at, r.money(), r.money(),
                    Long.parseLong(r.text()));
            case "liquidation" -> new CfdEvent.Liquidation(account, at, r.instrument(), r.money(), r.money());
            case "write-off" -> new CfdEvent.BalanceWrittenOff(account, at, r.money());
            default -> throw new IllegalArgumentException("unknown CFD event kind \"" + kind + "\"");
        };
        r.end();
        return event;
    }

    private Order readOrder(Reader r) {
        ClientOrderId id = ClientOrderId.of(r.text());
        Instrument instrument = r.instrument();
        OrderRequest.Builder request = OrderRequest.builder(instrument, Side.valueOf(r.text())).clientOrderId(id)
                .type(OrderType.valueOf(r.text()));
        TimeInForce timeInForce = TimeInForce.valueOf(r.text());
        request.quantity(r.quantity());
        Price limit = r.price();
        Price stop = r.price();
        Instant expireAt = r.instant();
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
        request.reduceOnly(Boolean.parseBoolean(r.text())).postOnly(Boolean.parseBoolean(r.text()));
        OrderStatus status = OrderStatus.valueOf(r.text());
        String reason = r.text();
        String venueOrderId = r.text();
        Instant updatedAt = r.instant();
        int fillCount = Integer.parseInt(r.text());
        List<Fill> fills = new ArrayList<>(fillCount);
        for (int i = 0; i < fillCount; i++) {
            fills.add(readFill(r));
        }
        Order order = new Order(request.build(), updatedAt);
        if (status == OrderStatus.REJECTED) {
            order.markRejected(reason, updatedAt);
        } else if (status == OrderStatus.FILLED) {
            order.markSubmitted(updatedAt);
            order.markAccepted(venueOrderId, updatedAt);
            fills.forEach(order::applyFill);
        } else {
            throw new IllegalArgumentException("order " + id + " in status " + status
                    + " cannot come from a CFD account journal");
        }
        return order;
    }

    private Fill readFill(Reader r) {
        return new Fill(ClientOrderId.of(r.text()), r.text(), r.instrument(), Side.valueOf(r.text()), r.price(),
                r.quantity(), r.money(), r.instant());
    }

    /** Builds the comma-separated line. */
    private static final class Fields {
        private final StringBuilder sb = new StringBuilder(128);

        Fields add(String value) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(value == null ? "~" : URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        Fields add(Instant value) {
            return add(value == null ? null : value.toString());
        }

        Fields add(Instrument value) {
            return add(value.id().symbol() + "." + value.id().venue().name());
        }

        Fields add(Price value) {
            return add(value == null ? null : value.raw() + ":" + value.precision());
        }

        Fields add(Quantity value) {
            return add(value.raw() + ":" + value.precision());
        }

        Fields add(Money value) {
            return add(value.raw() + ":" + value.precision() + ":" + value.currency().code() + ":"
                    + value.currency().precision());
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    /** Reads the fields back in order. */
    private final class Reader {
        private final String[] parts;
        private int next;

        Reader(String line) {
            this.parts = line.split(",", -1);
        }

        /** 1-based number of the field read last. */
        int fieldNumber() {
            return next;
        }

        /** The field read last, as stored. */
        String field() {
            return next == 0 ? "" : parts[next - 1];
        }

        String text() {
            if (next >= parts.length) {
                throw new IllegalArgumentException("CFD event record ends early after " + next + " fields");
            }
            String raw = parts[next++];
            return raw.equals("~") ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
        }

        Instant instant() {
            String t = text();
            return t == null ? null : Instant.parse(t);
        }

        Instrument instrument() {
            String id = text();
            int dot = id.lastIndexOf('.');
            InstrumentId key = InstrumentId.of(id.substring(0, dot), id.substring(dot + 1));
            Instrument instrument = instruments.get(key);
            if (instrument == null) {
                throw new IllegalArgumentException("unknown instrument " + id + " in CFD event record");
            }
            return instrument;
        }

        long[] rawAndPrecision() {
            String t = text();
            if (t == null) {
                return null;
            }
            String[] p = t.split(":");
            return new long[] {Long.parseLong(p[0]), Integer.parseInt(p[1])};
        }

        Price price() {
            long[] v = rawAndPrecision();
            return v == null ? null : Price.ofRaw(v[0], (int) v[1]);
        }

        Quantity quantity() {
            long[] v = rawAndPrecision();
            return Quantity.ofRaw(v[0], (int) v[1]);
        }

        Money money() {
            String[] p = text().split(":");
            return Money.ofRaw(Long.parseLong(p[0]), Integer.parseInt(p[1]), new Currency(p[2],
                    Integer.parseInt(p[3])));
        }

        void end() {
            if (next != parts.length) {
                throw new IllegalArgumentException("CFD event record has " + (parts.length - next)
                        + " unexpected trailing fields");
            }
        }
    }
}
