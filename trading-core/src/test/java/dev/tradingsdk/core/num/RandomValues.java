package dev.tradingsdk.core.num;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/** Seeded generators of raw values that reach every magnitude, including the edges of {@code long}. */
final class RandomValues {

    static final RoundingMode[] MODES = RoundingMode.values();
    static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final long[] EDGES = {
        0, 1, -1, 2, -2, 5, -5, 10, -10, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 1_000_000_000L, -1_000_000_000L, 3_037_000_499L, 3_037_000_500L,
        -3_037_000_500L, 999_999_999_999_999_999L, -999_999_999_999_999_999L
    };

    private final SplittableRandom random;

    RandomValues(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A long whose bit length is uniform in 0..63, so small and huge magnitudes are equally likely. */
    long anyLong() {
        if (random.nextInt(20) == 0) {
            return EDGES[random.nextInt(EDGES.length)];
        }
        int bits = random.nextInt(64);
        long magnitude = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    long nonNegativeLong() {
        long v = anyLong();
        return v == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(v);
    }

    /** A long of at most {@code maxBits} bits of magnitude, signed. */
    long smallLong(int maxBits) {
        int bits = random.nextInt(maxBits + 1);
        long magnitude = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    int precision() {
        return random.nextInt(FixedMath.MAX_PRECISION + 1);
    }

    RoundingMode mode() {
        return MODES[random.nextInt(MODES.length)];
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    /** Digits 0-9, {@code count} of them. */
    String digits(int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    static boolean fitsLong(BigDecimal integral) {
        return integral.compareTo(LONG_MIN) >= 0 && integral.compareTo(LONG_MAX) <= 0;
    }
}
