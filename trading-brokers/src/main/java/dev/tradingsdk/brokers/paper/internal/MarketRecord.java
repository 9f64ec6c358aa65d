package dev.tradingsdk.brokers.paper.internal;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.market.TradeTick;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.time.Instant;

/**
 * A market event in the paper journal. {@code kind} is BAR, QUOTE or TRADE; the price and size fields hold, in
 * order, bar open/high/low/close/volume, quote bid/bidSize/ask/askSize, or trade price/size.
 */
public record MarketRecord(String kind, String symbol, String venue, String time, String closeTime, String a,
                           String b, String c, String d, String e, String aggressor, String tradeId) {

    /** The record of {@code event}, or null for an event type the paper broker does not keep (book snapshots). */
    public static MarketRecord of(MarketEvent event) {
        String symbol = event.instrument().symbol();
        String venue = event.instrument().venue().name();
        if (event instanceof Bar bar) {
            return new MarketRecord("BAR", symbol, venue, bar.openTime().toString(), bar.closeTime().toString(),
                    bar.open().toString(), bar.high().toString(), bar.low().toString(), bar.close().toString(),
                    bar.volume().toString(), null, null);
        }
        if (event instanceof Quote q) {
            return new MarketRecord("QUOTE", symbol, venue, q.timestamp().toString(), null, q.bid().toString(),
                    q.bidSize().toString(), q.ask().toString(), q.askSize().toString(), null, null, null);
        }
        if (event instanceof TradeTick t) {
            return new MarketRecord("TRADE", symbol, venue, t.timestamp().toString(), null, t.price().toString(),
                    t.size().toString(), null, null, null, t.aggressor() == null ? null : t.aggressor().name(),
                    t.tradeId());
        }
        return null;
    }

    public MarketEvent toEvent(Instrument instrument) {
        Instant at = Instant.parse(time);
        return switch (kind) {
            case "BAR" -> new Bar(instrument, at, Instant.parse(closeTime), Price.of(a), Price.of(b), Price.of(c),
                    Price.of(d), Quantity.of(e));
            case "QUOTE" -> new Quote(instrument, at, Price.of(a), Quantity.of(b), Price.of(c), Quantity.of(d));
            case "TRADE" -> new TradeTick(instrument, at, Price.of(a), Quantity.of(b),
                    aggressor == null ? null : Side.valueOf(aggressor), tradeId);
            default -> throw new IllegalArgumentException("unknown market record kind '" + kind + "'");
        };
    }
}
