package dev.tradingsdk.core.strategy.internal;

import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.codec.FieldReader;
import dev.tradingsdk.core.codec.FieldWriter;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.market.TradeTick;
import dev.tradingsdk.core.order.Side;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine journal's record kinds and the encoding of market events in them. Inputs (what the loop handles:
 * start, market events, loss of sync, timer firings, operator actions, gateway events from other threads, what a
 * LIVE restart learned from the venue) are what a restart re-runs; outputs (submissions, acknowledgements,
 * denials, order updates, fills, cancels, strategy failures) are what the re-run must reproduce, byte for byte.
 */
final class EngineRecords {

    static final String STARTED = "started";
    static final String MARKET = "market";
    static final String OUT_OF_SYNC = "out-of-sync";
    static final String TIMER = "timer";
    static final String OPERATOR = "operator";
    static final String GATEWAY_UPDATE = "gateway-update";
    static final String GATEWAY_FILL = "gateway-fill";
    /** A LIVE restart's lookup of an order at the venue left it unresolved, or a later one resolved it. */
    static final String RECONCILE = "reconcile";
    static final String SUBMITTED = "submitted";
    static final String ACK = "ack";
    static final String DENIED = "denied";
    static final String ORDER = "order";
    static final String FILL = "fill";
    static final String CANCEL = "cancel";
    static final String FAILED = "strategy-failed";
    static final String STOPPED = "stopped";

    private EngineRecords() {
    }

    /** The kind of a record: its first field. */
    static String kind(byte[] record) {
        String s = new String(record, StandardCharsets.US_ASCII);
        int comma = s.indexOf(',');
        return comma < 0 ? s : s.substring(0, comma);
    }

    static boolean isInput(String kind) {
        return switch (kind) {
            case STARTED, MARKET, OUT_OF_SYNC, TIMER, OPERATOR, GATEWAY_UPDATE, GATEWAY_FILL, RECONCILE, STOPPED ->
                    true;
            default -> false;
        };
    }

    static FieldWriter event(FieldWriter w, MarketEvent event) {
        if (event instanceof Bar b) {
            w.text("bar").instrument(b.instrument()).instant(b.openTime()).instant(b.closeTime()).price(b.open())
                    .price(b.high()).price(b.low()).price(b.close()).quantity(b.volume());
        } else if (event instanceof Quote q) {
            w.text("quote").instrument(q.instrument()).instant(q.timestamp()).price(q.bid()).quantity(q.bidSize())
                    .price(q.ask()).quantity(q.askSize());
        } else if (event instanceof TradeTick t) {
            w.text("trade").instrument(t.instrument()).instant(t.timestamp()).price(t.price()).quantity(t.size())
                    .text(t.aggressor() == null ? null : t.aggressor().name()).text(t.tradeId());
        } else if (event instanceof BookSnapshot s) {
            w.text("book").instrument(s.instrument()).instant(s.timestamp());
            levels(w, s.bids());
            levels(w, s.asks());
        } else {
            throw new IllegalArgumentException("the engine journal cannot record a " + event.getClass().getName()
                    + "; it records bars, quotes, trades and book snapshots");
        }
        return w;
    }

    private static void levels(FieldWriter w, List<BookLevel> levels) {
        w.number(levels.size());
        for (BookLevel l : levels) {
            w.price(l.price()).quantity(l.size());
        }
    }

    static MarketEvent event(FieldReader r) {
        String type = r.text();
        Instrument instrument = r.instrument();
        return switch (type == null ? "" : type) {
            case "bar" -> new Bar(instrument, r.instant(), r.instant(), r.price(), r.price(), r.price(), r.price(),
                    r.quantity());
            case "quote" -> new Quote(instrument, r.instant(), r.price(), r.quantity(), r.price(), r.quantity());
            case "trade" -> {
                var at = r.instant();
                var price = r.price();
                var size = r.quantity();
                String aggressor = r.text();
                yield new TradeTick(instrument, at, price, size, aggressor == null ? null : Side.valueOf(aggressor),
                        r.text());
            }
            case "book" -> new BookSnapshot(instrument, r.instant(), levels(r), levels(r));
            default -> throw new IllegalArgumentException("unknown market event type \"" + type + "\"");
        };
    }

    private static List<BookLevel> levels(FieldReader r) {
        long n = r.number();
        if (n < 0 || n > 1_000_000) {
            throw new IllegalArgumentException("damaged engine record: " + n + " book levels");
        }
        List<BookLevel> levels = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            levels.add(new BookLevel(r.price(), r.quantity()));
        }
        return levels;
    }
}
