package dev.tradingsdk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.http.internal.RetryAfterParser;
import dev.tradingsdk.core.http.internal.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateAndBackoffTest {

    @Test
    void tokenBucketSpacesEvenlyWithoutBurstAndChargesWeights() throws Exception {
        SimulatedTimeSource time = new SimulatedTimeSource(0);
        TokenBucket bucket = new TokenBucket("b", RateLimit.of(10, Duration.ofSeconds(1)), time);

        bucket.acquire(1);
        bucket.acquire(1);
        bucket.acquire(5);
        bucket.acquire(1);

        assertThat(time.sleeps()).containsExactly(100_000_000L, 500_000_000L, 100_000_000L);
    }

    @Test
    void tokenBucketRefillsAfterQuietTimeButNeverBeyondTheBurst() {
        SimulatedTimeSource time = new SimulatedTimeSource(0);
        TokenBucket bucket = new TokenBucket("b", RateLimit.of(4, Duration.ofSeconds(1)).withBurst(3), time);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.reserve(1)).isZero();
        }
        assertThat(bucket.reserve(1)).isEqualTo(250_000_000L);

        time.advanceMillis(60_000);

        assertThat(bucket.reserve(1)).isZero();
        assertThat(bucket.reserve(1)).isZero();
        assertThat(bucket.reserve(1)).isZero();
        assertThat(bucket.reserve(1)).isEqualTo(250_000_000L);
    }

    @Test
    void concurrentCallersQueueInDistinctSlots() throws Exception {
        SimulatedTimeSource time = new SimulatedTimeSource(0);
        TokenBucket bucket = new TokenBucket("b", RateLimit.of(100, Duration.ofSeconds(1)), time);
        int threads = 4;
        int perThread = 50;
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        waits.add(bucket.reserve(1));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> expected = new ArrayList<>();
        for (long slot = 0; slot < threads * perThread; slot++) {
            expected.add(slot * 10_000_000L);
        }
        assertThat(waits).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void rateLimitRejectsNonsense() {
        assertThatThrownBy(() -> RateLimit.of(0, Duration.ofSeconds(1))).hasMessageContaining("permits");
        assertThatThrownBy(() -> RateLimit.of(1, Duration.ZERO)).hasMessageContaining("period");
        assertThatThrownBy(() -> RateLimit.of(1, Duration.ofSeconds(1)).withBurst(0)).hasMessageContaining("burst");
    }

    @Test
    void backoffGrowsIsCappedAndJitterStaysInItsBand() {
        BackoffPolicy policy = new BackoffPolicy(Duration.ofMillis(100), Duration.ofMillis(700), 2.0, 0.5);
        SplittableRandom random = new SplittableRandom(1);
        for (int retry = 1; retry <= 6; retry++) {
            long full = Math.min(100L << (retry - 1), 700L);
            assertThat(policy.delay(retry, random).toMillis()).isBetween(full / 2, full);
        }
        BackoffPolicy exact = new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 3.0, 0.0);
        assertThat(exact.delay(3, random)).isEqualTo(Duration.ofMillis(900));
        assertThat(new SplittableRandom(5).nextDouble()).isEqualTo(new SplittableRandom(5).nextDouble());
        assertThat(policy.delay(4, new SplittableRandom(5))).isEqualTo(policy.delay(4, new SplittableRandom(5)));
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
            .hasMessageContaining("max");
    }

    @Test
    void retryAfterReadsSecondsHttpDatesAndIgnoresGarbage() {
        long now = Instant.parse("2026-11-20T23:00:00Z").toEpochMilli();
        assertThat(RetryAfterParser.parse("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryAfterParser.parse(" 0 ", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfterParser.parse("Fri, 20 Nov 2026 23:01:30 GMT", now)).isEqualTo(Duration.ofSeconds(90));
        assertThat(RetryAfterParser.parse("Fri, 20 Nov 2026 22:59:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfterParser.parse("soon", now)).isNull();
        assertThat(RetryAfterParser.parse("-5", now)).isNull();
        assertThat(RetryAfterParser.parse(null, now)).isNull();
        assertThat(RetryAfterParser.parseMillis("1500")).isEqualTo(Duration.ofMillis(1500));
        assertThat(RetryAfterParser.parseMillis("x")).isNull();
    }
}
