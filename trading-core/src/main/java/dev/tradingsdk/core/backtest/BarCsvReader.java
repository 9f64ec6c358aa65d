package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.backtest.internal.CsvTable;
import dev.tradingsdk.core.backtest.internal.FieldParser;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.io.Reader;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads OHLCV bars from CSV files into {@link Bar}s of one instrument, in time order.
 *
 * <p>Formats:
 * <ul>
 * <li>{@link #yahooDaily}: {@code Date,Open,High,Low,Close,Adj Close,Volume} (any header case, {@code adj_close}
 * accepted). A row dated {@code d} is the bar {@code [d 00:00 UTC, d+1 00:00 UTC)}: crypto trades around the
 * clock and Yahoo dates its crypto days in UTC. For exchange-traded symbols this is a simplification: the bar
 * still becomes known at the next midnight UTC, after the real close, so it never leaks the future.
 * {@code Adj Close} is ignored (the engine trades the unadjusted prices).</li>
 * <li>{@link #binanceKlines}: {@code timestamp,open,high,low,close,volume[,close_time,...]} where timestamp is the
 * bar's open time in Unix milliseconds or {@code yyyy-MM-dd HH:mm:ss} UTC text; the bar covers
 * {@code [open, open + interval)}.</li>
 * </ul>
 *
 * <p>Prices are parsed at the instrument's price precision, rounding extra decimals with
 * {@link #priceRounding} ({@link RoundingMode#HALF_EVEN} by default; {@link RoundingMode#UNNECESSARY} rejects
 * them). Volumes are parsed at the size precision, rounded down.
 *
 * <p>Data quirks and what happens to them:
 * <ul>
 * <li>unparseable number, wrong field count, non-positive price, high below low: <b>rejected</b>, a
 * {@link MarketDataFormatException} names the line, column and value, and nothing is returned;</li>
 * <li>open or close outside [low, high] (vendor data does this): <b>kept</b> with a warning; the venue treats
 * the bar's range as spanning all four prices;</li>
 * <li>a row with {@code null} fields (Yahoo's missing days): <b>skipped</b> with a warning;</li>
 * <li>rows out of time order (e.g. a newest-first file): <b>sorted</b> ascending, with a warning;</li>
 * <li>the same timestamp twice with identical values: the repeat is <b>skipped</b> with a warning; with
 * different values the row later in the file is <b>kept</b> (a re-fetch of an unfinished bar is the usual
 * cause) and the earlier skipped, with a warning naming both lines;</li>
 * <li>gaps (a bar opening after the previous one closed): <b>kept</b>, one warning per gap;</li>
 * <li>an unfinished last bar: bars closing after {@link #asOf} (when the file was downloaded) are
 * <b>skipped</b> with a warning; without {@code asOf} nothing can tell, so they are kept.</li>
 * </ul>
 */
public final class BarCsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(BarCsvReader.class);
    private static final DateTimeFormatter BINANCE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private enum Format { YAHOO_DAILY, BINANCE_KLINES }

    private final Format format;
    private final Instrument instrument;
    private final Duration interval;
    private RoundingMode priceRounding = RoundingMode.HALF_EVEN;
    private Instant asOf;

    private BarCsvReader(Format format, Instrument instrument, Duration interval) {
        this.format = format;
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.interval = interval;
    }

    /** Yahoo Finance daily history ({@code Date,Open,High,Low,Close,Adj Close,Volume}). */
    public static BarCsvReader yahooDaily(Instrument instrument) {
        return new BarCsvReader(Format.YAHOO_DAILY, instrument, Duration.ofDays(1));
    }

    /** Binance klines of the given interval (e.g. one hour). */
    public static BarCsvReader binanceKlines(Instrument instrument, Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        return new BarCsvReader(Format.BINANCE_KLINES, instrument, interval);
    }

    /** How decimals beyond the instrument's price precision are rounded; UNNECESSARY rejects them. */
    public BarCsvReader priceRounding(RoundingMode mode) {
        this.priceRounding = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** When the file was produced: bars closing after this instant were unfinished and are skipped. */
    public BarCsvReader asOf(Instant asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        return this;
    }

    public LoadedData<Bar> read(Path file) {
        return CsvTable.withFile(file, this::read);
    }

    /** Reads from {@code reader}; {@code source} names it in messages. */
    public LoadedData<Bar> read(Reader reader, String source) {
        CsvTable table = CsvTable.read(reader, source);
        FieldParser parser = new FieldParser(source, priceRounding);
        int time = format == Format.YAHOO_DAILY ? table.column("date") : table.column("timestamp", "open_time");
        int open = table.column("open");
        int high = table.column("high");
        int low = table.column("low");
        int close = table.column("close");
        int volume = table.column("volume");
        List<String> warnings = new ArrayList<>();
        List<Row> rows = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            String[] f = table.row(i);
            long line = table.lineNumber(i);
            if (hasNull(f)) {
                warnings.add(source + " line " + line + ": skipped, it has null fields");
                continue;
            }
            Instant openTime = openTime(f[time].trim(), source, line);
            Price o = parser.price(f[open], instrument.pricePrecision(), line, "open");
            Price h = parser.price(f[high], instrument.pricePrecision(), line, "high");
            Price l = parser.price(f[low], instrument.pricePrecision(), line, "low");
            Price c = parser.price(f[close], instrument.pricePrecision(), line, "close");
            Quantity v = parser.quantity(f[volume], instrument.sizePrecision(), line, "volume");
            if (h.isLessThan(l)) {
                throw new MarketDataFormatException(source, line, "high", f[high], "high is below low " + f[low]);
            }
            if (o.isGreaterThan(h) || o.isLessThan(l) || c.isGreaterThan(h) || c.isLessThan(l)) {
                warnings.add(source + " line " + line + ": kept, open " + o + " or close " + c
                        + " lies outside [low " + l + ", high " + h + "]");
            }
            rows.add(new Row(line, new Bar(instrument, openTime, openTime.plus(interval), o, h, l, c, v)));
        }
        List<Bar> bars = ordered(rows, source, warnings);
        for (String warning : warnings) {
            LOG.warn(warning);
        }
        return new LoadedData<>(bars, warnings);
    }

    private static boolean hasNull(String[] fields) {
        for (String f : fields) {
            if ("null".equalsIgnoreCase(f.trim())) {
                return true;
            }
        }
        return false;
    }

    private Instant openTime(String text, String source, long line) {
        try {
            if (format == Format.YAHOO_DAILY) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return LocalDateTime.parse(text, BINANCE_TEXT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new MarketDataFormatException(source, line, format == Format.YAHOO_DAILY ? "date" : "timestamp",
                    text, "not a " + (format == Format.YAHOO_DAILY ? "yyyy-MM-dd date"
                    : "Unix millisecond or yyyy-MM-dd HH:mm:ss timestamp"));
        }
    }

    private List<Bar> ordered(List<Row> rows, String source, List<String> warnings) {
        int outOfOrder = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).bar.openTime().isBefore(rows.get(i - 1).bar.openTime())) {
                outOfOrder++;
            }
        }
        if (outOfOrder > 0) {
            warnings.add(source + ": " + outOfOrder + " rows were out of time order; sorted ascending");
            rows.sort(Comparator.comparing((Row r) -> r.bar.openTime()));
        }
        List<Bar> bars = new ArrayList<>(rows.size());
        Row previous = null;
        for (Row row : rows) {
            if (previous != null && previous.bar.openTime().equals(row.bar.openTime())) {
                if (sameValues(previous.bar, row.bar)) {
                    warnings.add(source + " line " + row.line + ": skipped, repeats line " + previous.line);
                    continue;
                }
                warnings.add(source + " line " + previous.line + ": skipped, line " + row.line
                        + " has the same time " + row.bar.openTime() + " with other values and supersedes it");
                bars.remove(bars.size() - 1);
            } else if (previous != null && row.bar.openTime().isAfter(previous.bar.closeTime())) {
                warnings.add(source + " line " + row.line + ": kept, gap from " + previous.bar.closeTime()
                        + " to " + row.bar.openTime());
            }
            bars.add(row.bar);
            previous = row;
        }
        if (asOf != null) {
            while (!bars.isEmpty() && bars.get(bars.size() - 1).closeTime().isAfter(asOf)) {
                Bar unfinished = bars.remove(bars.size() - 1);
                warnings.add(source + ": skipped the bar opening " + unfinished.openTime()
                        + ", unfinished at asOf " + asOf);
            }
        }
        return bars;
    }

    private static boolean sameValues(Bar a, Bar b) {
        return a.open().equals(b.open()) && a.high().equals(b.high()) && a.low().equals(b.low())
                && a.close().equals(b.close()) && a.volume().equals(b.volume());
    }

    private record Row(long line, Bar bar) {
    }
}
