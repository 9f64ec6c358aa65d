package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Side;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/**
 * How much worse than the reference price a taker fill against a bar gets (fills against a recorded book walk
 * its levels instead). The result is on the instrument's tick grid and at least one tick. {@code random} is
 * the run's seeded generator, so random slippage repeats exactly for the same seed.
 */
@FunctionalInterface
public interface SlippageModel {

    Price apply(Instrument instrument, Side side, Price reference, SplittableRandom random);

    static SlippageModel none() {
        return (instrument, side, reference, random) -> reference;
    }

    /** A fixed number of ticks against the taker. */
    static SlippageModel ticks(long ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("ticks must not be negative, was " + ticks);
        }
        return (instrument, side, reference, random) -> shift(instrument, side, reference, ticks);
    }

    /** A uniformly random number of ticks in {@code 0..maxTicks} against the taker. */
    static SlippageModel randomTicks(long maxTicks) {
        // The draw's bound is maxTicks + 1, which must not wrap.
        if (maxTicks < 0 || maxTicks == Long.MAX_VALUE) {
            throw new IllegalArgumentException("maxTicks must be in 0.." + (Long.MAX_VALUE - 1) + ", was " + maxTicks);
        }
        return (instrument, side, reference, random) -> shift(instrument, side, reference,
                random.nextLong(maxTicks + 1));
    }

    /** {@code bps} basis points of the price against the taker, rounded outwards to whole ticks. */
    static SlippageModel bps(long bps) {
        if (bps < 0) {
            throw new IllegalArgumentException("bps must not be negative, was " + bps);
        }
        return (instrument, side, reference, random) -> {
            long tick = instrument.tickRaw();
            long priceRaw = reference.rawAt(instrument.pricePrecision());
            long move = FixedMath.multiplyDivide(priceRaw, bps, 10_000L, RoundingMode.UP);
            return shift(instrument, side, reference, FixedMath.divide(move, tick, RoundingMode.UP));
        };
    }

    private static Price shift(Instrument instrument, Side side, Price reference, long ticks) {
        if (ticks == 0) {
            return reference;
        }
        long tick = instrument.tickRaw();
        long raw = Math.addExact(reference.rawAt(instrument.pricePrecision()),
                Math.multiplyExact(side.sign(), Math.multiplyExact(ticks, tick)));
        return Price.ofRaw(Math.max(raw, tick), instrument.pricePrecision());
    }
}
