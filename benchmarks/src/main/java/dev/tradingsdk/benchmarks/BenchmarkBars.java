package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random-walk one-minute bars (prices at 2 decimals) for the replay benchmarks. */
final class BenchmarkBars {

    private BenchmarkBars() {
    }

    static List<Bar> randomWalk(Instrument instrument, int count, Instant start) {
        SplittableRandom random = new SplittableRandom(42);
        List<Bar> bars = new ArrayList<>(count);
        Instant t = start;
        long close = 4_000_000;
        Quantity volume = Quantity.of("1.5000");
        for (int i = 0; i < count; i++) {
            long open = close;
            close = Math.max(100, open + random.nextLong(-500, 501));
            long high = Math.max(open, close) + random.nextLong(0, 200);
            long low = Math.min(open, close) - random.nextLong(0, 200);
            bars.add(new Bar(instrument, t, t.plus(Duration.ofMinutes(1)), Price.ofRaw(open, 2), Price.ofRaw(high, 2),
                    Price.ofRaw(low, 2), Price.ofRaw(close, 2), volume));
            t = t.plus(Duration.ofMinutes(1));
        }
        return bars;
    }
}
