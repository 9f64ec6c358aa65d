package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.backtest.internal.CsvSource;
import dev.tradingsdk.core.backtest.internal.FieldParser;
import dev.tradingsdk.core.backtest.internal.TimestampParser;
import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.BookSnapshot;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads order book snapshots from CSV into {@link BookSnapshot}s: one row per snapshot, a timestamp column and
 * price/size column pairs per level and side.
 *
 * <ul>
 * <li>{@link #topOfBook}: one level; columns {@code timestamp,bid,ask,bid_size,ask_size} by default, renamed
 * with {@link #columns}.</li>
 * <li>{@link #levels}: {@code depth} levels; columns named by formats with the 1-based level number,
 * {@code bid_price_%d,bid_size_%d,ask_price_%d,ask_size_%d} by default, changed with {@link #levelColumns}.</li>
 * </ul>
 * The timestamp is ISO-8601 ({@code 2026-01-02T18:58:17.699638-05:00}; no offset means UTC) or a Unix epoch
 * number in seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude; a time outside
 * 1900-2100 is refused. Fields may be quoted (RFC 4180).
 *
 * <p>Prices are parsed at the instrument's price precision ({@link #priceRounding}); sizes at its size precision
 * with {@link #sizeRounding}: {@link RoundingMode#DOWN} by default, so a parsed size never exceeds what was
 * recorded (one that rounds to zero drops the level); {@link RoundingMode#HALF_EVEN} reads a recorder's float
 * artifact such as {@code 3763.7799999999997} as 3763.78 instead of 3763.77.
 *
 * <p>Quirks: a blank price or size, or a zero size, means that level is absent; a side may be empty (one-sided
 * books are real, e.g. a prediction market near settlement) and is kept as such; a crossed book (bid at or above
 * ask) is kept with a warning; levels out of price order, rows out of time order and unparseable fields are
 * rejected with a {@link MarketDataFormatException}, since a recorder writes sorted books in time order.
 */
public final class BookCsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(BookCsvReader.class);

    private final Instrument instrument;
    private final int depth;
    private String timestampColumn = "timestamp";
    private String[] bidPrice;
    private String[] bidSize;
    private String[] askPrice;
    private String[] askSize;
    private RoundingMode priceRounding = RoundingMode.UNNECESSARY;
    private RoundingMode sizeRounding = RoundingMode.DOWN;

    private BookCsvReader(Instrument instrument, int depth) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, was " + depth);
        }
        this.depth = depth;
    }

    /** Best bid and ask only. */
    public static BookCsvReader topOfBook(Instrument instrument) {
        return new BookCsvReader(instrument, 1).columns("timestamp", "bid", "ask", "bid_size", "ask_size");
    }

    /** {@code depth} levels per side. */
    public static BookCsvReader levels(Instrument instrument, int depth) {
        return new BookCsvReader(instrument, depth).levelColumns("timestamp", "bid_price_%d", "bid_size_%d",
                "ask_price_%d", "ask_size_%d");
    }

    /** Names the five columns of a top-of-book file; others are ignored. */
    public BookCsvReader columns(String timestamp, String bid, String ask, String bidSizeColumn,
                                 String askSizeColumn) {
        if (depth != 1) {
            throw new IllegalStateException("columns(...) is for top of book; use levelColumns for depth " + depth);
        }
        this.timestampColumn = Objects.requireNonNull(timestamp, "timestamp");
        this.bidPrice = new String[] {Objects.requireNonNull(bid, "bid")};
        this.askPrice = new String[] {Objects.requireNonNull(ask, "ask")};
        this.bidSize = new String[] {Objects.requireNonNull(bidSizeColumn, "bidSize")};
        this.askSize = new String[] {Objects.requireNonNull(askSizeColumn, "askSize")};
        return this;
    }

    /** Column name formats with one {@code %d} for the 1-based level, e.g. {@code "bids[%d].price"}. */
    public BookCsvReader levelColumns(String timestamp, String bidPriceFormat, String bidSizeFormat,
                                      String askPriceFormat, String askSizeFormat) {
        this.timestampColumn = Objects.requireNonNull(timestamp, "timestamp");
        this.bidPrice = names(bidPriceFormat);
        this.bidSize = names(bidSizeFormat);
        this.askPrice = names(askPriceFormat);
        this.askSize = names(askSizeFormat);
        return this;
    }

    private String[] names(String format) {
        Objects.requireNonNull(format, "format");
        String[] names = new String[depth];
        for (int i = 0; i < depth; i++) {
            names[i] = String.format(Locale.ROOT, format, i + 1);
        }
        return names;
    }

    /** Rounding of extra price decimals; {@link RoundingMode#UNNECESSARY} (the default) rejects them. */
    public BookCsvReader priceRounding(RoundingMode mode) {
        this.priceRounding = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** Rounding of extra size decimals; {@link RoundingMode#DOWN} (the default) never rounds a size up. */
    public BookCsvReader sizeRounding(RoundingMode mode) {
        this.sizeRounding = Objects.requireNonNull(mode, "mode");
        return this;
    }

    public LoadedData<BookSnapshot> read(Path file) {
        try (Reader reader = CsvSource.reader(file)) {
            return read(reader, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    /** Reads from {@code reader}, one record at a time; {@code source} names it in messages. */
    public LoadedData<BookSnapshot> read(Reader reader, String source) {
        try (CsvSource csv = CsvSource.open(reader, source)) {
            return read(csv, source);
        }
    }

    private LoadedData<BookSnapshot> read(CsvSource csv, String source) {
        FieldParser parser = new FieldParser(source, priceRounding, sizeRounding);
        TimestampParser times = new TimestampParser(source, null, Instant.parse("1900-01-01T00:00:00Z"),
                Instant.parse("2100-01-01T00:00:00Z"));
        int time = csv.column(timestampColumn);
        int[][] columns = new int[4][depth];
        String[][] names = {bidPrice, bidSize, askPrice, askSize};
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < depth; i++) {
                columns[k][i] = csv.column(names[k][i]);
            }
        }
        List<BookSnapshot> snapshots = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Instant last = null;
        while (csv.next()) {
            long line = csv.line();
            Instant at = times.parse(csv.field(time), line, timestampColumn);
            if (last != null && at.isBefore(last)) {
                throw new MarketDataFormatException(source, line, timestampColumn, csv.field(time),
                        "goes back in time from " + last);
            }
            last = at;
            List<BookLevel> bids = side(parser, csv, columns[0], columns[1], line);
            List<BookLevel> asks = side(parser, csv, columns[2], columns[3], line);
            if (!bids.isEmpty() && !asks.isEmpty() && bids.get(0).price().compareTo(asks.get(0).price()) >= 0) {
                warnings.add(source + " line " + line + ": kept, crossed book bid " + bids.get(0).price()
                        + " >= ask " + asks.get(0).price());
            }
            try {
                snapshots.add(new BookSnapshot(instrument, at, bids, asks));
            } catch (IllegalArgumentException e) {
                throw new MarketDataFormatException(source, line, "", null, e.getMessage());
            }
        }
        for (String warning : warnings) {
            LOG.warn(warning);
        }
        return new LoadedData<>(snapshots, warnings);
    }

    private List<BookLevel> side(FieldParser parser, CsvSource csv, int[] priceColumns, int[] sizeColumns,
                                 long line) {
        List<BookLevel> levels = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            String priceText = csv.field(priceColumns[i]).trim();
            String sizeText = csv.field(sizeColumns[i]).trim();
            if (priceText.isEmpty() || sizeText.isEmpty()) {
                continue;
            }
            Price price = parser.price(priceText, instrument.pricePrecision(), line, "level " + (i + 1) + " price");
            Quantity size = parser.quantity(sizeText, instrument.sizePrecision(), line, "level " + (i + 1) + " size");
            if (!size.isZero()) {
                levels.add(new BookLevel(price, size));
            }
        }
        return levels;
    }
}
