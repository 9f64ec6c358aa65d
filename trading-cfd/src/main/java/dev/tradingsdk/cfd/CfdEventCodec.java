package dev.tradingsdk.cfd;

import dev.tradingsdk.core.codec.FieldReader;
import dev.tradingsdk.core.codec.FieldWriter;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.journal.JournalCodec;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.risk.RiskEvent;
import dev.tradingsdk.core.risk.monitor.MarginMonitor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes {@link CfdEvent}s for core's {@code Journal}: one line of comma-separated, URL-encoded fields, with
 * every amount as its exact raw value and precision ({@code raw:precision}, money {@code raw:precision:CCY:ccyPrecision})
 * so a decoded event equals the original. Instruments are written as their id and resolved on decode from the
 * instruments given to the constructor.
 *
 * <p>Orders are written with their request, status, reason, venue id and fills, and rebuilt through the order
 * lifecycle (the account only produces FILLED and REJECTED orders).
 *
 * <p>Margin calls are core's {@code RiskEvent.MarginCall}, written as {@code margin-call.2} (equity, used margin,
 * call level and displayed level as decimals). Records of the first format, {@code margin-call} (equity, used
 * margin, a whole call level), written before the margin call became core's event, still decode: the displayed
 * level is recomputed from the two amounts by {@code MarginMonitor.marginLevelPercent}.
 */
public final class CfdEventCodec implements JournalCodec<CfdEvent> {

    /** Margin calls as core's event (with the displayed level and a decimal call level). */
    private static final String MARGIN_CALL = "margin-call.2";
    /** Margin calls before they were core's event: still decoded, no longer written. */
    private static final String MARGIN_CALL_V1 = "margin-call";

    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();

    /** A codec resolving instrument ids among {@code instruments}. */
    public CfdEventCodec(Collection<Instrument> instruments) {
        for (Instrument instrument : instruments) {
            this.instruments.put(instrument.id(), instrument);
        }
    }

    @Override
    public byte[] encode(CfdEvent event) {
        FieldWriter f = new FieldWriter();
        if (event instanceof CfdEvent.AccountOpened e) {
            f.text("opened").text(e.accountId()).instant(e.at()).money(e.initialCash());
        } else if (event instanceof CfdEvent.PriceMarked e) {
            f.text("price").text(e.accountId()).instant(e.at()).instrument(e.instrument()).price(e.bid())
                    .price(e.ask());
        } else if (event instanceof CfdEvent.OrderUpdated e) {
            f.text("order").text(e.accountId()).instant(e.at()).order(e.order());
        } else if (event instanceof CfdEvent.Filled e) {
            f.text("fill").text(e.accountId()).instant(e.at()).fill(e.fill());
        } else if (event instanceof CfdEvent.FinancingCharged e) {
            f.text("financing").text(e.accountId()).instant(e.at()).instrument(e.instrument()).money(e.amount());
        } else if (event instanceof CfdEvent.RolledOver e) {
            f.text("rollover").text(e.accountId()).instant(e.at());
        } else if (event instanceof CfdEvent.MarginCall e) {
            RiskEvent.MarginCall call = e.call();
            f.text(MARGIN_CALL).text(e.accountId()).instant(e.at()).money(call.equity()).money(call.marginUsed())
                    .text(call.marginCallPercent().toPlainString()).text(call.marginLevelPercent().toPlainString());
        } else if (event instanceof CfdEvent.Liquidation e) {
            f.text("liquidation").text(e.accountId()).instant(e.at()).instrument(e.instrument())
                    .money(e.realizedPnl()).money(e.equityAfter());
        } else if (event instanceof CfdEvent.BalanceWrittenOff e) {
            f.text("write-off").text(e.accountId()).instant(e.at()).money(e.amount());
        } else {
            throw new IllegalArgumentException("cannot encode " + event.getClass().getName());
        }
        return f.toBytes();
    }

    @Override
    public CfdEvent decode(byte[] bytes) {
        FieldReader r = new FieldReader("CFD event record", bytes, instruments::get);
        return r.decode(() -> decode(r));
    }

    private static CfdEvent decode(FieldReader r) {
        String kind = r.text();
        String account = r.text();
        Instant at = r.instant();
        return switch (kind) {
            case "opened" -> new CfdEvent.AccountOpened(account, at, r.money());
            case "price" -> new CfdEvent.PriceMarked(account, at, r.instrument(), r.price(), r.price());
            case "order" -> new CfdEvent.OrderUpdated(account, at, readOrder(r));
            case "fill" -> new CfdEvent.Filled(account, at, r.fill());
            case "financing" -> new CfdEvent.FinancingCharged(account, at, r.instrument(), r.money());
            case "rollover" -> new CfdEvent.RolledOver(account, at);
            case MARGIN_CALL -> marginCall(account, at, r.money(), r.money(), decimal(r), decimal(r));
            case MARGIN_CALL_V1 -> marginCallV1(account, at, r.money(), r.money(), r.number());
            case "liquidation" -> new CfdEvent.Liquidation(account, at, r.instrument(), r.money(), r.money());
            case "write-off" -> new CfdEvent.BalanceWrittenOff(account, at, r.money());
            default -> throw new IllegalArgumentException("unknown CFD event kind \"" + kind + "\"");
        };
    }

    /** A margin call as core's {@link RiskEvent.MarginCall}: equity, used margin, call level, displayed level. */
    private static CfdEvent marginCall(String account, Instant at, Money equity, Money used, BigDecimal callPercent,
                                       BigDecimal levelPercent) {
        return new CfdEvent.MarginCall(new RiskEvent.MarginCall(account, levelPercent, callPercent, equity, used, at));
    }

    /**
     * The first format ({@code margin-call}: equity, used margin, whole call level), still read so old journals
     * rebuild: the displayed level it did not store is {@link MarginMonitor#marginLevelPercent} of the two
     * amounts it did, which is what the account computes now.
     */
    private static CfdEvent marginCallV1(String account, Instant at, Money equity, Money used, long callPercent) {
        BigDecimal level = MarginMonitor.marginLevelPercent(equity, used).orElseThrow(() ->
                new IllegalArgumentException("margin call of " + account + " at " + at + " with no margin used ("
                        + used + ")"));
        return marginCall(account, at, equity, used, BigDecimal.valueOf(callPercent), level);
    }

    private static BigDecimal decimal(FieldReader r) {
        String text = r.text();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal: \"" + text + "\"", e);
        }
    }

    private static Order readOrder(FieldReader r) {
        Order order = r.order();
        if (order.status() != OrderStatus.REJECTED && order.status() != OrderStatus.FILLED) {
            throw new IllegalArgumentException("order " + order.clientOrderId() + " in status " + order.status()
                    + " cannot come from a CFD account journal");
        }
        return order;
    }
}
