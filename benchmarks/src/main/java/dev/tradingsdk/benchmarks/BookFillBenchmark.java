package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
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
 * Cost and volume-weighted average price of taking a size that reaches about ten levels deep, on our
 * {@link OrderBook} (raw longs, exact) and on a {@code TreeMap<BigDecimal, BigDecimal>} book walked with
 * {@code BigDecimal} arithmetic. Both books hold the same 200 levels per side around 10000.00 (seeded sizes);
 * sizes to fill cycle through 1,024 seeded values, each between the first 8 and 12 levels' total, on alternating
 * sides. Setup checks both books give the same cost and VWAP for every size.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BookFillBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class BookFillBenchmark {

    private static final int LEVELS = 200;
    private static final int N = 1 << 10;
    private static final int MASK = N - 1;
    private static final long MID = 1_000_000;
    private static final int PRICE_PRECISION = 2;
    private static final int SIZE_PRECISION = 4;

    private final long[] sizeRaws = new long[N];
    private final BigDecimal[] sizes = new BigDecimal[N];
    private final Side[] takers = new Side[N];
    private OrderBook ours;
    private NavigableMap<BigDecimal, BigDecimal> treeBids;
    private NavigableMap<BigDecimal, BigDecimal> treeAsks;
    private int index;

    @Setup
    public void setUp() {
        Instrument instrument = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(PRICE_PRECISION).sizePrecision(SIZE_PRECISION).build();
        ours = new OrderBook(instrument, LEVELS * 2);
        treeBids = new TreeMap<>(Collections.reverseOrder());
        treeAsks = new TreeMap<>();
        Random random = new Random(20_261_201L);
        long[] cumulative = new long[LEVELS + 1];
        for (int d = 1; d <= LEVELS; d++) {
            long size = 1 + random.nextInt(50_000_000);
            ours.applyDeltaRaw(Side.BUY, MID - d, size);
            ours.applyDeltaRaw(Side.SELL, MID + d, size);
            treeBids.put(BigDecimal.valueOf(MID - d, PRICE_PRECISION), BigDecimal.valueOf(size, SIZE_PRECISION));
            treeAsks.put(BigDecimal.valueOf(MID + d, PRICE_PRECISION), BigDecimal.valueOf(size, SIZE_PRECISION));
            cumulative[d] = cumulative[d - 1] + size;
        }
        for (int i = 0; i < N; i++) {
            long low = cumulative[8];
            long high = cumulative[12];
            sizeRaws[i] = low + (long) (random.nextDouble() * (high - low));
            sizes[i] = BigDecimal.valueOf(sizeRaws[i], SIZE_PRECISION);
            takers[i] = (i & 1) == 0 ? Side.BUY : Side.SELL;
        }
        for (int i = 0; i < N; i++) {
            index = i;
            BigDecimal cost = BigDecimal.valueOf(oursCostToFill(), PRICE_PRECISION + SIZE_PRECISION);
            index = i;
            BigDecimal vwap = BigDecimal.valueOf(oursVwapToFill(), PRICE_PRECISION);
            index = i;
            if (cost.compareTo(treeMapCostToFill()) != 0) {
                throw new IllegalStateException("cost to fill differs for size " + sizes[i]);
            }
            index = i;
            if (vwap.compareTo(treeMapVwapToFill()) != 0) {
                throw new IllegalStateException("VWAP differs for size " + sizes[i]);
            }
        }
        index = 0;
    }

    @Benchmark
    @ZeroAllocation
    public long oursCostToFill() {
        int i = index++ & MASK;
        return ours.costToFillRaw(takers[i], sizeRaws[i]);
    }

    @Benchmark
    @ZeroAllocation
    public long oursVwapToFill() {
        int i = index++ & MASK;
        return ours.vwapToFillRaw(takers[i], sizeRaws[i], PRICE_PRECISION, RoundingMode.HALF_EVEN);
    }

    @Benchmark
    public BigDecimal treeMapCostToFill() {
        int i = index++ & MASK;
        return treeCost(takers[i] == Side.BUY ? treeAsks : treeBids, sizes[i]);
    }

    @Benchmark
    public BigDecimal treeMapVwapToFill() {
        int i = index++ & MASK;
        return treeCost(takers[i] == Side.BUY ? treeAsks : treeBids, sizes[i])
                .divide(sizes[i], PRICE_PRECISION, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal treeCost(NavigableMap<BigDecimal, BigDecimal> levels, BigDecimal size) {
        BigDecimal remaining = size;
        BigDecimal cost = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> level : levels.entrySet()) {
            BigDecimal take = remaining.min(level.getValue());
            cost = cost.add(level.getKey().multiply(take));
            remaining = remaining.subtract(take);
            if (remaining.signum() == 0) {
                break;
            }
        }
        return cost;
    }
}
