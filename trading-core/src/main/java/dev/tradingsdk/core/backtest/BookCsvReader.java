package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.backtest.internal.CsvTable;
import dev.tradingsdk.core.backtest.internal.FieldParser;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads top-of-book snapshots from CSV into {@link BookSnapshot}s with at most one level per side. The column
 * names are configurable; the defaults are {@code timestamp,bid,ask,bid_size,ask_size}. The timestamp is
 * ISO-8601 with an offset ({@code 2026-01-02T18:58:17.699638-05:00}) or Unix milliseconds.
 *
 * <p>Quirks: a blank price, or a zero size, means that side of the book is empty (one-sided books are real,
 * e.g. a prediction market near settlement) and is kept as such; a crossed book (bid at or above ask) is kept
 * with a warning; rows out of time order are rejected, since a recorder writes in time order and disorder means
 * a damaged file; an unparseable field is rejected with a {@link MarketDataFormatException}.
 */
public final class BookCsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(BookCsvReader.class);

    private final Instrument instrument;
    private String timestampColumn = "timestamp";
    private String bidColumn = "bid";
    private String askColumn = "ask";
    private String bidSizeColumn = "bid_size";
    private String askSizeColumn = "ask_size";
    private RoundingMode priceRounding = RoundingMode.UNNECESSARY;

    private BookCsvReader(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
    }

    public static BookCsvReader topOfBook(Instrument instrument) {
        return new BookCsvReader(instrument);
    }

    /** Names the five columns used; others are ignored. */
    public BookCsvReader columns(String timestamp, String bid, String ask, String bidSize, String askSize) {
        this.timestampColumn = Objects.requireNonNull(timestamp, "timestamp");
        this.bidColumn = Objects.requireNonNull(bid, "bid");
        this.askColumn = Objects.requireNonNull(ask, "ask");
        this.bidSizeColumn = Objects.requireNonNull(bidSize, "bidSize");
        this.askSizeColumn = Objects.requireNonNull(askSize, "askSize");
        return this;
    }

    /** Rounding of extra price decimals; {@link RoundingMode#UNNECESSARY} (the default) rejects them. */
    public BookCsvReader priceRounding(RoundingMode mode) {
        this.priceRounding = Objects.requireNonNull(mode, "mode");
        return this;
    }

    public LoadedData<BookSnapshot> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public LoadedData<BookSnapshot> read(Reader reader, String source) {
        CsvTable table = CsvTable.read(reader, source);
        FieldParser parser = new FieldParser(source, priceRounding);
        int time = table.column(timestampColumn);
        int bid = table.column(bidColumn);
        int ask = table.column(askColumn);
        int bidSize = table.column(bidSizeColumn);
        int askSize = table.column(askSizeColumn);
        List<BookSnapshot> snapshots = new ArrayList<>(table.size());
        List<String> warnings = new ArrayList<>();
        Instant last = null;
        for (int i = 0; i < table.size(); i++) {
            String[] f = table.row(i);
            long line = table.lineNumber(i);
            Instant at = timestamp(f[time].trim(), source, line);
            if (last != null && at.isBefore(last)) {
                throw new MarketDataFormatException(source, line, timestampColumn, f[time],
                        "goes back in time from " + last);
            }
            last = at;
            List<BookLevel> bids = level(parser, f[bid], f[bidSize], line, bidColumn, bidSizeColumn);
            List<BookLevel> asks = level(parser, f[ask], f[askSize], line, askColumn, askSizeColumn);
            if (!bids.isEmpty() && !asks.isEmpty() && bids.get(0).price().compareTo(asks.get(0).price()) >= 0) {
                warnings.add(source + " line " + line + ": kept, crossed book bid " + bids.get(0).price()
                        + " >= ask " + asks.get(0).price());
            }
            snapshots.add(new BookSnapshot(instrument, at, bids, asks));
        }
        for (String warning : warnings) {
            LOG.warn(warning);
        }
        return new LoadedData<>(snapshots, warnings);
    }

    private List<BookLevel> level(FieldParser parser, String priceText, String sizeText, long line,
                                  String priceColumn, String sizeColumn) {
        if (priceText.isBlank() || sizeText.isBlank()) {
            return List.of();
        }
        Price price = parser.price(priceText.trim(), instrument.pricePrecision(), line, priceColumn);
        Quantity size = parser.quantity(sizeText.trim(), instrument.sizePrecision(), line, sizeColumn);
        return size.isZero() ? List.of() : List.of(new BookLevel(price, size));
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
