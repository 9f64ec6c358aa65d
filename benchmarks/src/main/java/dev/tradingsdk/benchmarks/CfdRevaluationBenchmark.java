package dev.tradingsdk.benchmarks;

import dev.tradingsdk.cfd.PositionBook;
import java.math.BigDecimal;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Marking 1 million CFD positions (10 000 accounts × 100 positions over 50 instruments) to new bid/ask prices
 * and recomputing every account's equity: trading-cfd's {@link PositionBook} (one loop over primitive arrays,
 * exact fixed point, overflow-checked) against the same loop over {@link BigDecimal}s. Scores are per position
 * ({@code @OperationsPerInvocation}); two seeded price vectors alternate so every invocation does real work.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CfdRevaluationBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CfdRevaluationBenchmark {

    private static final int POSITIONS = 1_000_000;
    private static final int ACCOUNTS = 10_000;
    private static final int INSTRUMENTS = 50;
    private static final int PRICE_PRECISION = 2;
    private static final int SIZE_PRECISION = 4;

    private PositionBook book;
    private final long[][] bids = new long[2][INSTRUMENTS];
    private final long[][] asks = new long[2][INSTRUMENTS];

    private final int[] instrument = new int[POSITIONS];
    private final int[] account = new int[POSITIONS];
    private final BigDecimal[] sizes = new BigDecimal[POSITIONS];
    private final BigDecimal[] entries = new BigDecimal[POSITIONS];
    private final BigDecimal[] cash = new BigDecimal[ACCOUNTS];
    private final BigDecimal[] equity = new BigDecimal[ACCOUNTS];
    private final BigDecimal[][] bidDecimals = new BigDecimal[2][INSTRUMENTS];
    private final BigDecimal[][] askDecimals = new BigDecimal[2][INSTRUMENTS];
    private int flip;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        book = new PositionBook(ACCOUNTS, INSTRUMENTS, POSITIONS, PRICE_PRECISION, SIZE_PRECISION);
        long[] reference = new long[INSTRUMENTS];
        for (int k = 0; k < INSTRUMENTS; k++) {
            reference[k] = 100 + random.nextInt(10_000_000);                 // 1.00 .. 100 000.00
        }
        for (int v = 0; v < 2; v++) {
            for (int k = 0; k < INSTRUMENTS; k++) {
                long mid = reference[k] + (reference[k] * (random.nextInt(201) - 100)) / 1000;  // ±10 %
                long half = Math.max(1, mid / 5000);
                bids[v][k] = mid - half;
                asks[v][k] = mid + half;
                bidDecimals[v][k] = BigDecimal.valueOf(bids[v][k], PRICE_PRECISION);
                askDecimals[v][k] = BigDecimal.valueOf(asks[v][k], PRICE_PRECISION);
            }
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            long cashRaw = 100_000L * 1_000_000L;                                // 100 000 at 6 decimals
            book.setCash(a, cashRaw);
            cash[a] = BigDecimal.valueOf(cashRaw, PRICE_PRECISION + SIZE_PRECISION);
        }
        for (int i = 0; i < POSITIONS; i++) {
            int a = i / (POSITIONS / ACCOUNTS);
            int k = random.nextInt(INSTRUMENTS);
            long size = (1 + random.nextInt(1_000_000)) * (random.nextBoolean() ? 1L : -1L);  // up to 100 units
            long entry = reference[k];
            book.add(a, k, size, entry);
            instrument[i] = k;
            account[i] = a;
            sizes[i] = BigDecimal.valueOf(size, SIZE_PRECISION);
            entries[i] = BigDecimal.valueOf(entry, PRICE_PRECISION);
        }
    }

    @Benchmark
    @OperationsPerInvocation(POSITIONS)
    @ZeroAllocation
    public long positionBook() {
        int v = flip ^= 1;
        book.revalue(bids[v], asks[v]);
        return book.equityRaw(ACCOUNTS - 1);
    }

    @Benchmark
    @OperationsPerInvocation(POSITIONS)
    public BigDecimal bigDecimal() {
        int v = flip ^= 1;
        BigDecimal[] bid = bidDecimals[v];
        BigDecimal[] ask = askDecimals[v];
        System.arraycopy(cash, 0, equity, 0, ACCOUNTS);
        for (int i = 0; i < POSITIONS; i++) {
            BigDecimal size = sizes[i];
            BigDecimal mark = size.signum() >= 0 ? bid[instrument[i]] : ask[instrument[i]];
            int a = account[i];
            equity[a] = equity[a].add(mark.subtract(entries[i]).multiply(size));
        }
        return equity[ACCOUNTS - 1];
    }
}
