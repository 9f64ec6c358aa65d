package dev.tradingsdk.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

    /** NYSE regular hours with two 2026 holidays and the day-after-Thanksgiving early close. */
    static TradingCalendar nyse() {
        return TradingCalendar.builder(ZoneId.of("America/New_York"))
                .weekdays(LocalTime.of(9, 30), LocalTime.of(16, 0))
                .holiday(LocalDate.of(2026, 11, 26))
                .holiday(LocalDate.of(2026, 12, 25))
                .earlyClose(LocalDate.of(2026, 11, 27), LocalTime.of(13, 0))
                .build();
    }

    @Test
    void regularSessionIsOpenFromTheOpenInclusiveToTheCloseExclusive() {
        TradingCalendar nyse = nyse();
        // Friday 2026-11-20, New York is UTC-5 (EST).
        assertThat(nyse.isOpen(Instant.parse("2026-11-20T14:30:00Z"))).isTrue();
        assertThat(nyse.isOpen(Instant.parse("2026-11-20T14:29:59.999999999Z"))).isFalse();
        assertThat(nyse.isOpen(Instant.parse("2026-11-20T20:59:59.999999999Z"))).isTrue();
        assertThat(nyse.isOpen(Instant.parse("2026-11-20T21:00:00Z"))).isFalse();
    }

    @Test
    void summerTimeShiftsTheSessionInUtc() {
        TradingCalendar nyse = nyse();
        // Wednesday 2026-07-15, New York is UTC-4 (EDT).
        assertThat(nyse.isOpen(Instant.parse("2026-07-15T13:30:00Z"))).isTrue();
        assertThat(nyse.isOpen(Instant.parse("2026-07-15T20:00:00Z"))).isFalse();
    }

    @Test
    void weekendsHolidaysAndEarlyClosesAreRespected() {
        TradingCalendar nyse = nyse();
        assertThat(nyse.isOpen(Instant.parse("2026-11-21T15:00:00Z"))).isFalse();
        assertThat(nyse.isHoliday(LocalDate.of(2026, 11, 26))).isTrue();
        assertThat(nyse.isOpen(Instant.parse("2026-11-26T15:00:00Z"))).isFalse();
        assertThat(nyse.isOpen(Instant.parse("2026-11-27T17:59:59Z"))).isTrue();
        assertThat(nyse.isOpen(Instant.parse("2026-11-27T18:00:00Z"))).isFalse();
        assertThat(nyse.sessionsOn(LocalDate.of(2026, 11, 27)))
                .containsExactly(new TradingCalendar.Session(LocalTime.of(9, 30), LocalTime.of(13, 0)));
    }

    @Test
    void nextOpenSkipsTheWeekendAndHolidays() {
        TradingCalendar nyse = nyse();
        assertThat(nyse.nextOpen(Instant.parse("2026-11-25T22:00:00Z")))
                .contains(Instant.parse("2026-11-27T14:30:00Z"));
        assertThat(nyse.nextOpen(Instant.parse("2026-11-20T15:00:00Z")))
                .contains(Instant.parse("2026-11-20T15:00:00Z"));
    }

    @Test
    void sessionBoundsInNanosMatchTheLocalTimes() {
        long[] bounds = nyse().sessionNanosOn(LocalDate.of(2026, 11, 20));
        assertThat(bounds).containsExactly(Instant.parse("2026-11-20T14:30:00Z").getEpochSecond() * 1_000_000_000L,
                Instant.parse("2026-11-20T21:00:00Z").getEpochSecond() * 1_000_000_000L);
    }

    @Test
    void alwaysOpenCoversMidnight() {
        TradingCalendar crypto = TradingCalendar.alwaysOpen(ZoneId.of("UTC"));
        assertThat(crypto.isOpen(Instant.parse("2026-11-21T23:59:59.999999999Z"))).isTrue();
        assertThat(crypto.isOpen(Instant.parse("2026-11-22T00:00:00Z"))).isTrue();
    }

    @Test
    void invalidSessionsAreRejected() {
        TradingCalendar.Builder b = TradingCalendar.builder(ZoneId.of("UTC"));
        assertThatThrownBy(() -> b.session(DayOfWeek.MONDAY, LocalTime.of(16, 0), LocalTime.of(9, 30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open 16:00");
        b.session(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))
                .session(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0));
        assertThatThrownBy(b::build).hasMessageContaining("overlap");
    }
}
