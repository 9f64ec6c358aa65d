package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.market.MarketEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Records the top of both legs' books of one market, live, as rows in the shared recordings' format
 * ({@link DepthRecording#HEADER}): one row per instant, written when a later instant's book arrives (or on
 * {@link #flush}), so the two legs' updates of one instant share a row. Each row is appended to the journal (when
 * given) before it is written to the CSV, so the journal holds at least what the CSV shows. Subscribe it to a feed
 * (e.g. {@code ClobMarketDataFeed}) for both instruments. Not thread-safe: one feed thread.
 */
public final class BookRecorder implements MarketDataListener, AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** One recorded row, as journaled: the instant and the CSV line. */
    public record Row(long epochMillis, String csv) {
        public Row {
            Objects.requireNonNull(csv, "csv");
        }
    }

    private final PairMarket market;
    private final Writer csv;
    private final Journal<Row> journal;
    private final ZoneId zone;
    private final BookSnapshot[] latest = new BookSnapshot[2];
    private Instant pending;
    private long rows;

    private BookRecorder(PairMarket market, Writer csv, Journal<Row> journal, ZoneId zone) {
        this.market = Objects.requireNonNull(market, "market");
        this.csv = Objects.requireNonNull(csv, "csv");
        this.journal = journal;
        this.zone = Objects.requireNonNull(zone, "zone");
        write(DepthRecording.HEADER + "\n");
    }

    /**
     * A recorder writing the header now; times are written with {@code zone}'s offset (the shared recordings use
     * America/New_York). {@code journal} may be null.
     */
    public static BookRecorder to(PairMarket market, Writer csv, Journal<Row> journal, ZoneId zone) {
        return new BookRecorder(market, csv, journal, zone);
    }

    @Override
    public void onEvent(MarketEvent event) {
        if (!(event instanceof BookSnapshot book)) {
            return;
        }
        PairLeg leg = market.legOf(book.instrument());
        if (leg == null) {
            return;
        }
        if (pending != null && !book.timestamp().equals(pending)) {
            flush();
        }
        latest[leg.ordinal()] = book;
        pending = book.timestamp();
    }

    @Override
    public void onOutOfSync(Instrument instrument, String reason) {
        PairLeg leg = market.legOf(instrument);
        if (leg != null) {
            flush();
            latest[leg.ordinal()] = null; // a stale book is not recorded as if it were current
        }
    }

    /** Writes the pending instant's row, once both legs have a book. */
    public void flush() {
        if (pending == null || latest[0] == null || latest[1] == null) {
            return;
        }
        StringBuilder line = new StringBuilder(TIME.format(pending.atZone(zone)));
        for (BookSnapshot book : latest) {
            BookLevel bid = first(book.bids());
            BookLevel ask = first(book.asks());
            line.append(',').append(bid == null ? "" : bid.price().toBigDecimal().toPlainString())
                    .append(',').append(ask == null ? "" : ask.price().toBigDecimal().toPlainString())
                    .append(',').append(bid == null ? "0" : bid.size().toBigDecimal().toPlainString())
                    .append(',').append(ask == null ? "0" : ask.size().toBigDecimal().toPlainString());
        }
        String row = line.toString();
        if (journal != null) {
            journal.append(new Row(pending.toEpochMilli(), row));
        }
        write(row + "\n");
        pending = null;
        rows++;
    }

    private static BookLevel first(List<BookLevel> levels) {
        return levels.isEmpty() ? null : levels.get(0);
    }

    public long rows() {
        return rows;
    }

    private void write(String text) {
        try {
            csv.write(text);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the recording of " + market.slug(), e);
        }
    }

    /** Writes the last row; closes neither the writer nor the journal (the caller owns them). */
    @Override
    public void close() {
        flush();
    }
}
