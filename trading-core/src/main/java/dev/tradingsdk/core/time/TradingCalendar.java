package dev.tradingsdk.core.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a market is open: weekly sessions in local time of a time zone, minus holidays, with early closes.
 * A session is the half-open interval [open, close); a close of {@link LocalTime#MAX} means midnight at the
 * end of the day. Sessions crossing midnight are written as two sessions. Immutable and thread-safe.
 *
 * <pre>{@code
 * TradingCalendar nyse = TradingCalendar.builder(ZoneId.of("America/New_York"))
 *         .weekdays(LocalTime.of(9, 30), LocalTime.of(16, 0))
 *         .holiday(LocalDate.of(2026, 12, 25))
 *         .earlyClose(LocalDate.of(2026, 11, 27), LocalTime.of(13, 0))
 *         .build();
 * }</pre>
 */
public final class TradingCalendar {

    /** One trading session in local time: open inclusive, close exclusive. */
    public record Session(LocalTime open, LocalTime close) {
        public Session {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            if (!open.isBefore(close)) {
                throw new IllegalArgumentException("session open " + open + " must be before close " + close
                        + "; split sessions that cross midnight in two");
            }
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(open) && (close.equals(LocalTime.MAX) || time.isBefore(close));
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Session>> weekly;
    private final Set<LocalDate> holidays;
    private final Map<LocalDate, LocalTime> earlyCloses;

    private TradingCalendar(Builder b) {
        this.zone = b.zone;
        EnumMap<DayOfWeek, List<Session>> sessions = new EnumMap<>(DayOfWeek.class);
        b.weekly.forEach((day, list) -> {
            List<Session> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(Session::open));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).open().isBefore(sorted.get(i - 1).close())) {
                    throw new IllegalArgumentException("sessions on " + day + " overlap: " + sorted.get(i - 1)
                            + " and " + sorted.get(i));
                }
            }
            sessions.put(day, List.copyOf(sorted));
        });
        this.weekly = sessions;
        this.holidays = Set.copyOf(b.holidays);
        this.earlyCloses = Map.copyOf(b.earlyCloses);
    }

    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /** Open every day, all day (e.g. crypto). */
    public static TradingCalendar alwaysOpen(ZoneId zone) {
        Builder b = builder(zone);
        for (DayOfWeek day : DayOfWeek.values()) {
            b.session(day, LocalTime.MIDNIGHT, LocalTime.MAX);
        }
        return b.build();
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    /** The sessions on {@code date}: none on a holiday, cut at the early close if there is one. */
    public List<Session> sessionsOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Session> sessions = weekly.getOrDefault(date.getDayOfWeek(), List.of());
        LocalTime earlyClose = earlyCloses.get(date);
        if (earlyClose == null) {
            return sessions;
        }
        List<Session> cut = new ArrayList<>();
        for (Session s : sessions) {
            if (s.open().isBefore(earlyClose)) {
                boolean endsLater = s.close().equals(LocalTime.MAX) || s.close().isAfter(earlyClose);
                cut.add(endsLater ? new Session(s.open(), earlyClose) : s);
            }
        }
        return List.copyOf(cut);
    }

    /** True when {@code instant} falls in a session. */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        for (Session s : sessionsOn(local.toLocalDate())) {
            if (s.contains(local.toLocalTime())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sessions on {@code date} as epoch-nanosecond pairs {@code [open0, close0, open1, close1, ...]}, for
     * checks that must not allocate per call.
     */
    public long[] sessionNanosOn(LocalDate date) {
        List<Session> sessions = sessionsOn(date);
        long[] bounds = new long[sessions.size() * 2];
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            bounds[2 * i] = nanos(date.atTime(s.open()).atZone(zone).toInstant());
            bounds[2 * i + 1] = s.close().equals(LocalTime.MAX) ? startOfDayNanos(date.plusDays(1))
                    : nanos(date.atTime(s.close()).atZone(zone).toInstant());
        }
        return bounds;
    }

    /** Midnight at the start of {@code date} in this calendar's zone, in nanoseconds since the epoch. */
    public long startOfDayNanos(LocalDate date) {
        return nanos(date.atStartOfDay(zone).toInstant());
    }

    /** The next instant at or after {@code from} when a session is open, within a year. */
    public Optional<Instant> nextOpen(Instant from) {
        if (isOpen(from)) {
            return Optional.of(from);
        }
        LocalDate date = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= 366; i++) {
            for (Session s : sessionsOn(date.plusDays(i))) {
                Instant open = date.plusDays(i).atTime(s.open()).atZone(zone).toInstant();
                if (!open.isBefore(from)) {
                    return Optional.of(open);
                }
            }
        }
        return Optional.empty();
    }

    private static long nanos(Instant instant) {
        return EpochNanos.of(instant);
    }

    @Override
    public String toString() {
        return "TradingCalendar[" + zone + " " + weekly + " holidays=" + holidays.size() + "]";
    }

    /** Fluent builder. */
    public static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, List<Session>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Set<LocalDate> holidays = new HashSet<>();
        private final Map<LocalDate, LocalTime> earlyCloses = new HashMap<>();

        private Builder(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        public Builder session(DayOfWeek day, LocalTime open, LocalTime close) {
            Objects.requireNonNull(day, "day");
            weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(new Session(open, close));
            return this;
        }

        /** The same session Monday to Friday. */
        public Builder weekdays(LocalTime open, LocalTime close) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    session(day, open, close);
                }
            }
            return this;
        }

        public Builder holiday(LocalDate date) {
            holidays.add(Objects.requireNonNull(date, "holiday"));
            return this;
        }

        public Builder holidays(Collection<LocalDate> dates) {
            dates.forEach(this::holiday);
            return this;
        }

        /** On {@code date} every session ends at {@code close} at the latest. */
        public Builder earlyClose(LocalDate date, LocalTime close) {
            earlyCloses.put(Objects.requireNonNull(date, "date"), Objects.requireNonNull(close, "close"));
            return this;
        }

        public TradingCalendar build() {
            return new TradingCalendar(this);
        }
    }
}
