package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.backtest.internal.BarSequencer;
import dev.tradingsdk.core.backtest.internal.CsvSource;
import dev.tradingsdk.core.backtest.internal.FieldParser;
import dev.tradingsdk.core.backtest.internal.TimestampParser;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads OHLCV bars from CSV files into {@link Bar}s of one instrument, in time order.
 *
 * <p>Formats:
 * <ul>
 * <li>{@link #ohlcv}: any file with a header naming a time column and open, high, low, close and volume
 * columns. Header names are matched case-insensitively against aliases: time is the first present of
 * {@code timestamp, open_time, opentime, epoch, epoch_sec, epoch_ms, unix, date, datetime, date_time, time, ts};
 * open {@code open, o}; high {@code high, h}; low {@code low, l}; close {@code close, c}; volume
 * {@code volume, vol, v, base_volume}. {@link #columns} names them explicitly instead.</li>
 * <li>{@link #yahooDaily}: {@code Date,Open,High,Low,Close,Adj Close,Volume} (any header case). A row dated
 * {@code d} is the bar {@code [d 00:00 UTC, d+1 00:00 UTC)}: crypto trades around the clock and Yahoo dates its
 * crypto days in UTC. For exchange-traded symbols this is a simplification: the bar still becomes known at the
 * next midnight UTC, after the real close, so it never leaks the future. {@code Adj Close} is ignored.</li>
 * <li>{@link #binanceKlines}: Binance klines as the REST API and data.binance.vision publish them, with a header
 * ({@code timestamp} or {@code open_time} first) or without one (the spot dumps: 12 columns, open time, open,
 * high, low, close, volume, close time, quote volume, trade count, taker buy base and quote volume, ignore).
 * When a close time is present it must be one time unit before open + interval, which catches a wrong
 * interval.</li>
 * </ul>
 * A bar opening at {@code t} covers {@code [t, t + interval)}.
 *
 * <p>Times: Unix epoch numbers in seconds, milliseconds, microseconds or nanoseconds (told apart by magnitude:
 * Binance's spot dumps switched from milliseconds to microseconds in 2025, and a concatenation of both reads
 * right; {@link #epochUnit} fixes the unit), {@code yyyy-MM-dd} dates, and ISO-8601 date-times with {@code T}
 * or a space, with or without offset (none means UTC). A time outside {@link #plausibleRange} (by default
 * 1900-01-01 to 2100-01-01) is an error, never a date in the year 56971.
 *
 * <p>Numbers: prices are parsed at the instrument's price precision, rounding extra decimals with
 * {@link #priceRounding} ({@link RoundingMode#HALF_EVEN} by default; {@link RoundingMode#UNNECESSARY} rejects
 * them). Volumes are parsed at the size precision with {@link #sizeRounding} ({@link RoundingMode#DOWN} by
 * default, so a volume never exceeds what was recorded; {@link RoundingMode#HALF_EVEN} turns a recorder's float
 * artifact such as {@code 12027.119999999999} into 12027.12 instead of 12027.11).
 *
 * <p>Fields may be quoted (RFC 4180: embedded commas, quotes and line breaks); CRLF or LF; a leading byte-order
 * mark is ignored.
 *
 * <p>Data quirks and what happens to them:
 * <ul>
 * <li>unparseable number or time, wrong field count, non-positive price, high below low, implausible time:
 * <b>rejected</b>, a {@link MarketDataFormatException} names the file, line, column and value, and nothing is
 * returned;</li>
 * <li>open or close outside [low, high] (vendor data does this): <b>kept</b> with a warning; the venue treats
 * the bar's range as spanning all four prices;</li>
 * <li>a row with {@code null} fields (Yahoo's missing days): <b>skipped</b> with a warning;</li>
 * <li>rows out of time order (e.g. a newest-first file): <b>sorted</b> ascending by {@link #read}, with a
 * warning; {@link #stream} refuses them, since it holds one bar at a time;</li>
 * <li>the same timestamp twice with identical values: the repeat is <b>skipped</b> with a warning; with
 * different values the row later in the file is <b>kept</b> (a re-fetch of an unfinished bar is the usual
 * cause) and the earlier skipped, with a warning naming both lines;</li>
 * <li>gaps (a bar opening after the previous one closed): <b>kept</b>, one warning per gap;</li>
 * <li>an unfinished last bar: bars closing after {@link #asOf} (when the file was downloaded) are
 * <b>skipped</b> with a warning; without {@code asOf} nothing can tell, so they are kept.</li>
 * </ul>
 *
 * <p>Memory: {@link #stream} holds one record and one bar, whatever the file's size; {@link #read} holds the
 * bars it returns (and nothing per row besides them).
 */
public final class BarCsvReader {

    private static final Logger LOG = LoggerFactory.getLogger(BarCsvReader.class);
    private static final String[] TIME = {"timestamp", "open_time", "opentime", "epoch", "epoch_sec", "epoch_ms",
        "unix", "date", "datetime", "date_time", "time", "ts"};
    private static final String[] OPEN = {"open", "o"};
    private static final String[] HIGH = {"high", "h"};
    private static final String[] LOW = {"low", "l"};
    private static final String[] CLOSE = {"close", "c"};
    private static final String[] VOLUME = {"volume", "vol", "v", "base_volume"};
    /** The column order of Binance's headerless kline files (data.binance.vision, spot). */
    private static final String[] BINANCE_COLUMNS = {"open_time", "open", "high", "low", "close", "volume",
        "close_time", "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"};
    private static final Instant DEFAULT_EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant DEFAULT_LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private final Instrument instrument;
    private final Duration interval;
    private final boolean binance;
    private String[][] names = {TIME, OPEN, HIGH, LOW, CLOSE, VOLUME};
    private RoundingMode priceRounding = RoundingMode.HALF_EVEN;
    private RoundingMode sizeRounding = RoundingMode.DOWN;
    private ChronoUnit epochUnit;
    private Instant earliest = DEFAULT_EARLIEST;
    private Instant latest = DEFAULT_LATEST;
    private Instant asOf;

    private BarCsvReader(Instrument instrument, Duration interval, boolean binance) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.interval = interval;
        this.binance = binance;
    }

    /** Any OHLCV file with a header; bars of {@code interval} (e.g. one hour). */
    public static BarCsvReader ohlcv(Instrument instrument, Duration interval) {
        return new BarCsvReader(instrument, interval, false);
    }

    /** Yahoo Finance daily history ({@code Date,Open,High,Low,Close,Adj Close,Volume}). */
    public static BarCsvReader yahooDaily(Instrument instrument) {
        return new BarCsvReader(instrument, Duration.ofDays(1), false);
    }

    /** Binance klines of the given interval, with or without a header line. */
    public static BarCsvReader binanceKlines(Instrument instrument, Duration interval) {
        return new BarCsvReader(instrument, interval, true);
    }

    /** Names the six columns (case-insensitive), replacing the aliases; other columns are ignored. */
    public BarCsvReader columns(String time, String open, String high, String low, String close, String volume) {
        String[] given = {time, open, high, low, close, volume};
        String[] roles = {"time", "open", "high", "low", "close", "volume"};
        for (int i = 0; i < given.length; i++) {
            Objects.requireNonNull(given[i], roles[i]);
            for (int j = 0; j < i; j++) {
                if (given[i].equalsIgnoreCase(given[j])) {
                    throw new IllegalArgumentException(roles[j] + " and " + roles[i] + " both name column \""
                            + given[i] + "\"");
                }
            }
        }
        String[][] mapped = new String[6][];
        for (int i = 0; i < 6; i++) {
            mapped[i] = new String[] {given[i].trim().toLowerCase(Locale.ROOT)};
        }
        this.names = mapped;
        return this;
    }

    /** How decimals beyond the instrument's price precision are rounded; UNNECESSARY rejects them. */
    public BarCsvReader priceRounding(RoundingMode mode) {
        this.priceRounding = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** How decimals beyond the instrument's size precision are rounded in volumes; DOWN by default. */
    public BarCsvReader sizeRounding(RoundingMode mode) {
        this.sizeRounding = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** The unit of epoch-number times (SECONDS, MILLIS, MICROS or NANOS) instead of detecting it by magnitude. */
    public BarCsvReader epochUnit(ChronoUnit unit) {
        Objects.requireNonNull(unit, "unit");
        if (unit != ChronoUnit.SECONDS && unit != ChronoUnit.MILLIS && unit != ChronoUnit.MICROS
                && unit != ChronoUnit.NANOS) {
            throw new IllegalArgumentException("epochUnit must be SECONDS, MILLIS, MICROS or NANOS, was " + unit);
        }
        this.epochUnit = unit;
        return this;
    }

    /** Times outside {@code [earliest, latest)} are refused; 1900-01-01 to 2100-01-01 by default. */
    public BarCsvReader plausibleRange(Instant earliest, Instant latest) {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (!earliest.isBefore(latest)) {
            throw new IllegalArgumentException("plausibleRange earliest " + earliest + " must be before latest "
                    + latest);
        }
        this.earliest = earliest;
        this.latest = latest;
        return this;
    }

    /** When the file was produced: bars closing after this instant were unfinished and are skipped. */
    public BarCsvReader asOf(Instant asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        return this;
    }

    /** All bars of {@code file}, sorted, with the quirks met. */
    public LoadedData<Bar> read(Path file) {
        try (Reader reader = CsvSource.reader(file)) {
            return read(reader, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    /** Reads from {@code reader}; {@code source} names it in messages. */
    public LoadedData<Bar> read(Reader reader, String source) {
        List<String> warnings = new ArrayList<>();
        List<BarSequencer.Row> rows = new ArrayList<>();
        try (Rows in = new Rows(reader, source, warnings)) {
            BarSequencer.Row row;
            while ((row = in.next()) != null) {
                rows.add(row);
            }
        }
        int outOfOrder = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).bar().openTime().isBefore(rows.get(i - 1).bar().openTime())) {
                outOfOrder++;
            }
        }
        if (outOfOrder > 0) {
            warnings.add(source + ": " + outOfOrder + " rows were out of time order; sorted ascending");
            rows.sort(Comparator.comparing((BarSequencer.Row r) -> r.bar().openTime()));
        }
        BarSequencer sequencer = new BarSequencer(source, asOf, warnings, false);
        List<Bar> bars = new ArrayList<>(rows.size());
        for (BarSequencer.Row row : rows) {
            Bar bar = sequencer.push(row);
            if (bar != null) {
                bars.add(bar);
            }
        }
        Bar last = sequencer.flush();
        if (last != null) {
            bars.add(last);
        }
        for (String warning : warnings) {
            LOG.warn(warning);
        }
        return new LoadedData<>(bars, warnings);
    }

    /**
     * The bars of {@code file} one at a time, holding one record and one bar in memory; the file must be in
     * time order. Close the stream (it also closes itself at the end or on an error).
     */
    public BarStream stream(Path file) {
        return stream(CsvSource.reader(file), file.getFileName().toString());
    }

    /** Streams from {@code reader}, which the stream closes; {@code source} names it in messages. */
    public BarStream stream(Reader reader, String source) {
        List<String> warnings = new ArrayList<>();
        Rows rows = new Rows(reader, source, warnings);
        return new BarStream(rows::next, rows, new BarSequencer(source, asOf, warnings, true), warnings);
    }

    /** Parses records into bars; null at the end. */
    private final class Rows implements AutoCloseable {
        private final CsvSource csv;
        private final String source;
        private final List<String> warnings;
        private final FieldParser parser;
        private final TimestampParser times;
        private final int time;
        private final int open;
        private final int high;
        private final int low;
        private final int close;
        private final int volume;
        private final int closeTime;
        private final String timeName;
        private final int[] used;

        Rows(Reader reader, String source, List<String> warnings) {
            this.source = source;
            this.warnings = warnings;
            this.csv = binance ? CsvSource.openMaybeHeaderless(reader, source, BINANCE_COLUMNS)
                    : CsvSource.open(reader, source);
            try {
                this.time = csv.column(names[0]);
                this.open = csv.column(names[1]);
                this.high = csv.column(names[2]);
                this.low = csv.column(names[3]);
                this.close = csv.column(names[4]);
                this.volume = csv.column(names[5]);
            } catch (RuntimeException e) {
                csv.close();
                throw e;
            }
            this.used = new int[] {time, open, high, low, close, volume};
            this.closeTime = binance ? csv.optionalColumn("close_time") : -1;
            this.timeName = csv.name(time);
            this.parser = new FieldParser(source, priceRounding, sizeRounding);
            this.times = new TimestampParser(source, epochUnit, earliest, latest);
        }

        BarSequencer.Row next() {
            while (csv.next()) {
                long line = csv.line();
                if (hasNull()) {
                    warnings.add(source + " line " + line + ": skipped, it has null fields");
                    continue;
                }
                Instant openTime = times.parse(csv.field(time), line, timeName);
                Price o = parser.price(csv.field(open), instrument.pricePrecision(), line, "open");
                Price h = parser.price(csv.field(high), instrument.pricePrecision(), line, "high");
                Price l = parser.price(csv.field(low), instrument.pricePrecision(), line, "low");
                Price c = parser.price(csv.field(close), instrument.pricePrecision(), line, "close");
                Quantity v = parser.quantity(csv.field(volume), instrument.sizePrecision(), line, "volume");
                if (h.isLessThan(l)) {
                    throw new MarketDataFormatException(source, line, "high", csv.field(high),
                            "high is below low " + csv.field(low));
                }
                Instant end = openTime.plus(interval);
                if (closeTime >= 0) {
                    checkCloseTime(line, end);
                }
                if (o.isGreaterThan(h) || o.isLessThan(l) || c.isGreaterThan(h) || c.isLessThan(l)) {
                    warnings.add(source + " line " + line + ": kept, open " + o + " or close " + c
                            + " lies outside [low " + l + ", high " + h + "]");
                }
                return new BarSequencer.Row(line, new Bar(instrument, openTime, end, o, h, l, c, v));
            }
            return null;
        }

        /** Binance's close time is one unit (a millisecond, or a microsecond from 2025) before the next open. */
        private void checkCloseTime(long line, Instant end) {
            String text = csv.field(closeTime);
            Instant closesAt = times.parse(text, line, "close_time");
            if (closesAt.isAfter(end) || closesAt.isBefore(end.minusMillis(1))) {
                throw new MarketDataFormatException(source, line, "close_time", text, "reads as " + closesAt
                        + ", but a " + interval + " bar opening " + end.minus(interval) + " closes just before "
                        + end + "; is the interval right?");
            }
        }

        private boolean hasNull() {
            for (int column : used) {
                if ("null".equalsIgnoreCase(csv.field(column).trim())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            csv.close();
        }
    }
}
