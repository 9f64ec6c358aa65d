package dev.tradingsdk.core.backtest.internal;

import dev.tradingsdk.core.backtest.MarketDataFormatException;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Turns a time field into an instant: Unix epoch numbers (seconds, milliseconds, microseconds or nanoseconds,
 * told apart by magnitude unless the unit is configured), {@code yyyy-MM-dd} dates (start of the UTC day) and
 * ISO-8601 date-times with {@code T} or a space, with or without fraction and offset (none means UTC). Every
 * result must fall inside the plausible range, so a unit mistake (microseconds read as milliseconds land in the
 * year 56971) is an error, not a date.
 */
public final class TimestampParser {

    /**
     * Magnitude bounds for a present-day epoch number: below 1e11 seconds (up to the year 5138), below 1e14
     * milliseconds, below 1e17 microseconds, otherwise nanoseconds. 2025 is 1.7e9 s, 1.7e12 ms, 1.7e15 µs.
     */
    private static final long MAX_SECONDS = 100_000_000_000L;
    private static final long MAX_MILLIS = 100_000_000_000_000L;
    private static final long MAX_MICROS = 100_000_000_000_000_000L;

    private final String source;
    private final ChronoUnit epochUnit;
    private final Instant earliest;
    private final Instant latest;

    /** {@code epochUnit} null detects the unit by magnitude; results outside [earliest, latest) are refused. */
    public TimestampParser(String source, ChronoUnit epochUnit, Instant earliest, Instant latest) {
        this.source = source;
        this.epochUnit = epochUnit;
        this.earliest = earliest;
        this.latest = latest;
    }

    public Instant parse(String raw, long line, String column) {
        String text = raw.trim();
        Instant t;
        try {
            t = CsvSource.isDigits(text) ? epoch(Long.parseLong(text)) : dateTime(text);
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw new MarketDataFormatException(source, line, column, raw, "not a date or time: expected "
                    + "yyyy-MM-dd, an ISO-8601 date-time (T or space, optional offset, UTC if none) or Unix "
                    + (epochUnit == null ? "seconds, milliseconds, microseconds or nanoseconds" : unitName(epochUnit)));
        }
        if (t.isBefore(earliest) || !t.isBefore(latest)) {
            throw new MarketDataFormatException(source, line, column, raw, "reads as " + t
                    + ", outside the plausible range [" + earliest + ", " + latest + ")"
                    + (CsvSource.isDigits(text) ? "; is the epoch unit right (set it with epochUnit(...))?" : ""));
        }
        return t;
    }

    private Instant epoch(long value) {
        ChronoUnit unit = epochUnit != null ? epochUnit
                : value < MAX_SECONDS ? ChronoUnit.SECONDS
                : value < MAX_MILLIS ? ChronoUnit.MILLIS
                : value < MAX_MICROS ? ChronoUnit.MICROS : ChronoUnit.NANOS;
        return switch (unit) {
            case SECONDS -> Instant.ofEpochSecond(value);
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                    Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOS -> EpochNanos.toInstant(value);
            default -> throw new IllegalStateException("unsupported epoch unit " + unit);
        };
    }

    private static Instant dateTime(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        if (iso.endsWith("Z") || hasOffset(iso)) {
            return OffsetDateTime.parse(iso).toInstant();
        }
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    }

    /** An offset such as {@code +01:00} or {@code -05:00} after the time part. */
    private static boolean hasOffset(String iso) {
        int t = iso.indexOf('T');
        return t > 0 && (iso.indexOf('+', t) > 0 || iso.indexOf('-', t) > 0);
    }

    public static String unitName(ChronoUnit unit) {
        return switch (unit) {
            case SECONDS -> "seconds";
            case MILLIS -> "milliseconds";
            case MICROS -> "microseconds";
            case NANOS -> "nanoseconds";
            default -> unit.toString();
        };
    }
}
