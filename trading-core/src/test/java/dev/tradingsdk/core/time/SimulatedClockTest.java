package dev.tradingsdk.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private static final Instant START = Instant.parse("2026-11-20T14:30:00.123456789Z");

    @Test
    void startsWhereToldAndAtTheEpochByDefault() {
        SimulatedClock clock = new SimulatedClock(START);
        assertThat(clock.now()).isEqualTo(START);
        assertThat(clock.epochNanos()).isEqualTo(START.getEpochSecond() * 1_000_000_000L + 123_456_789L);
        assertThat(new SimulatedClock().now()).isEqualTo(Instant.EPOCH);
        assertThat(clock.toString()).isEqualTo("SimulatedClock[2026-11-20T14:30:00.123456789Z]");
    }

    @Test
    void advancesAndSetsForwardOnly() {
        SimulatedClock clock = new SimulatedClock(START);
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.now()).isEqualTo(START.plusMillis(1500));
        clock.advance(Duration.ZERO);
        assertThat(clock.now()).isEqualTo(START.plusMillis(1500));
        clock.setTime(START.plusSeconds(60));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(60));
        clock.setTime(START.plusSeconds(60));
        clock.setEpochNanos(clock.epochNanos() + 1);
        assertThat(clock.now()).isEqualTo(START.plusSeconds(60).plusNanos(1));
    }

    @Test
    void neverGoesBackwards() {
        SimulatedClock clock = new SimulatedClock(START);
        clock.advance(Duration.ofSeconds(10));
        Instant now = clock.now();
        assertThatThrownBy(() -> clock.setTime(START)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backwards");
        assertThatThrownBy(() -> clock.setEpochNanos(clock.epochNanos() - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-0.000000001S");
        assertThat(clock.now()).isEqualTo(now);
    }

    @Test
    void beforeTheEpochToo() {
        Instant early = Instant.parse("1969-12-31T23:59:59.5Z");
        SimulatedClock clock = new SimulatedClock(early);
        assertThat(clock.epochNanos()).isEqualTo(-500_000_000L);
        assertThat(clock.now()).isEqualTo(early);
        clock.advance(Duration.ofMillis(700));
        assertThat(clock.now()).isEqualTo(Instant.parse("1970-01-01T00:00:00.2Z"));
    }

    @Test
    void outOfRangeInstantsThrow() {
        assertThatThrownBy(() -> new SimulatedClock(Instant.parse("2300-01-01T00:00:00Z")))
                .isInstanceOf(ArithmeticException.class);
        SimulatedClock clock = new SimulatedClock(START);
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(365L * 300))).isInstanceOf(ArithmeticException.class);
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void javaClockViewFollowsTheSimulation() {
        SimulatedClock clock = new SimulatedClock(START);
        ZoneId newYork = ZoneId.of("America/New_York");
        java.time.Clock view = clock.asJavaClock(newYork);
        assertThat(view.getZone()).isEqualTo(newYork);
        assertThat(view.instant()).isEqualTo(START);
        assertThat(LocalDateTime.now(view)).isEqualTo(LocalDateTime.parse("2026-11-20T09:30:00.123456789"));
        clock.advance(Duration.ofHours(1));
        assertThat(view.instant()).isEqualTo(START.plusSeconds(3600));
        assertThat(view.millis()).isEqualTo(START.plusSeconds(3600).toEpochMilli());
        java.time.Clock utc = view.withZone(ZoneId.of("UTC"));
        assertThat(utc.getZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(utc.instant()).isEqualTo(START.plusSeconds(3600));
    }

    @Test
    void systemClockIsCloseToTheOperatingSystem() {
        Clock system = Clock.system();
        Instant before = Instant.now();
        Instant now = system.now();
        long nanos = system.epochNanos();
        assertThat(now).isAfterOrEqualTo(before);
        assertThat(nanos).isGreaterThanOrEqualTo(before.getEpochSecond() * 1_000_000_000L);
        assertThat(system.toString()).isEqualTo("SystemClock");
    }
}
