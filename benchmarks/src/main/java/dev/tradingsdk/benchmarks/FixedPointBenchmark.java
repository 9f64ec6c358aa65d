package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Notional;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fixed-point arithmetic and parsing against the {@link BigDecimal} equivalents.
 *
 * <p>Multiply: price (2 decimals) × quantity (4 decimals) rounded half-even to 2 decimals, i.e. a notional in
 * cents, as raw longs ({@link Notional#raw}), as value objects ({@link Notional#of}) and as
 * {@code BigDecimal.multiply(..).setScale(2, HALF_EVEN)}. Parse: a 2-decimal price string to a raw long
 * ({@link FixedMath#parse}), to a {@link Price}, and with {@code new BigDecimal(String)}. Inputs come from seeded
 * precomputed arrays.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FixedPointBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class FixedPointBenchmark {

    private static final int N = 1 << 12;
    private static final int MASK = N - 1;

    private final long[] priceRaws = new long[N];
    private final long[] quantityRaws = new long[N];
    private final Price[] prices = new Price[N];
    private final Quantity[] quantities = new Quantity[N];
    private final BigDecimal[] priceDecimals = new BigDecimal[N];
    private final BigDecimal[] quantityDecimals = new BigDecimal[N];
    private final String[] priceTexts = new String[N];
    private int index;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        for (int i = 0; i < N; i++) {
            priceRaws[i] = 1 + random.nextInt(10_000_000);       // up to 100000.00
            quantityRaws[i] = 1 + random.nextInt(100_000_000);   // up to 10000.0000
            prices[i] = Price.ofRaw(priceRaws[i], 2);
            quantities[i] = Quantity.ofRaw(quantityRaws[i], 4);
            priceDecimals[i] = prices[i].toBigDecimal();
            quantityDecimals[i] = quantities[i].toBigDecimal();
            priceTexts[i] = prices[i].toString();
        }
    }

    @Benchmark
    @ZeroAllocation
    public long multiplyRaw() {
        int i = index++ & MASK;
        return Notional.raw(priceRaws[i], 2, quantityRaws[i], 4, 2, RoundingMode.HALF_EVEN);
    }

    @Benchmark
    public Money multiplyValueObjects() {
        int i = index++ & MASK;
        return Notional.of(prices[i], quantities[i], Currency.USD).withPrecision(2, RoundingMode.HALF_EVEN);
    }

    @Benchmark
    public BigDecimal multiplyBigDecimal() {
        int i = index++ & MASK;
        return priceDecimals[i].multiply(quantityDecimals[i]).setScale(2, RoundingMode.HALF_EVEN);
    }

    @Benchmark
    @ZeroAllocation
    public long parseRaw() {
        return FixedMath.parse(priceTexts[index++ & MASK], 2, RoundingMode.UNNECESSARY);
    }

    @Benchmark
    public Price parsePrice() {
        return Price.of(priceTexts[index++ & MASK], 2);
    }

    @Benchmark
    public BigDecimal parseBigDecimal() {
        return new BigDecimal(priceTexts[index++ & MASK]);
    }
}
