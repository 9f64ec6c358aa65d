package dev.tradingsdk.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochNanosTest {

    @Test
    void roundTripsAcrossTheEpochAndTheEdgesOfALong() {
        for (Instant t : new Instant[] {Instant.EPOCH, Instant.parse("2026-11-20T15:00:00.123456789Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"), EpochNanos.toInstant(Long.MAX_VALUE),
                EpochNanos.toInstant(Long.MIN_VALUE)}) {
            assertThat(EpochNanos.toInstant(EpochNanos.of(t))).isEqualTo(t);
        }
        assertThat(EpochNanos.of(Instant.parse("1970-01-01T00:00:01.5Z"))).isEqualTo(1_500_000_000L);
        assertThat(EpochNanos.toInstant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999999Z"));
    }

    @Test
    void anInstantOutsideALongOfNanosThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> EpochNanos.of(Instant.parse("2262-04-12T00:00:00Z")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> EpochNanos.of(Instant.parse("1677-09-21T00:00:00Z")))
                .isInstanceOf(ArithmeticException.class);
    }
}
