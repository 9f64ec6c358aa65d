package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.backtest.internal.CsvTable;
import dev.tradingsdk.core.backtest.internal.FieldParser;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.io.Reader;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
 * The timestamp is ISO-8601 with an offset ({@code 2026-01-02T18:58:17.699638-05:00}) or Unix milliseconds.
 *
 * <p>Prices are parsed at the instrument's price precision ({@link #priceRounding}); sizes round down to its
 * size precision, so a parsed size never exceeds what was recorded (one that rounds to zero drops the level).
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

    public LoadedData<BookSnapshot> read(Path file) {
        return CsvTable.withFile(file, this::read);
    }

    public LoadedData<BookSnapshot> read(Reader reader, String source) {
        CsvTable table = CsvTable.read(reader, source);
        FieldParser parser = new FieldParser(source, priceRounding);
        int time = table.column(timestampColumn);
        int[][] columns = new int[4][depth];
        String[][] names = {bidPrice, bidSize, askPrice, askSize};
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < depth; i++) {
                columns[k][i] = table.column(names[k][i]);
            }
        }
        List<BookSnapshot> snapshots = new ArrayList<>(table.size());
        List<String> warnings = new ArrayList<>();
        Instant last = null;
        for (int r = 0; r < table.size(); r++) {
            String[] f = table.row(r);
            long line = table.lineNumber(r);
            Instant at = timestamp(f[time].trim(), source, line);
            if (last != null && at.isBefore(last)) {
                throw new MarketDataFormatException(source, line, timestampColumn, f[time],
                        "goes back in time from " + last);
            }
            last = at;
            List<BookLevel> bids = side(parser, f, columns[0], columns[1], line);
            List<BookLevel> asks = side(parser, f, columns[2], columns[3], line);
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

    private List<BookLevel> side(FieldParser parser, String[] f, int[] priceColumns, int[] sizeColumns, long line) {
        List<BookLevel> levels = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            String priceText = f[priceColumns[i]].trim();
            String sizeText = f[sizeColumns[i]].trim();
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

    private static Instant timestamp(String text, String source, long line) {
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MarketDataFormatException(source, line, "timestamp", text,
                    "not an ISO-8601 date-time with offset or Unix milliseconds");
        }
    }
}
