package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.order.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order.OrderType;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One L2 level delta followed by a read of best bid and best ask, on three books fed the same operations:
 * our {@link OrderBook} (raw longs), a {@code TreeMap<BigDecimal, BigDecimal>} per side, and XChange's
 * {@code org.knowm.xchange.dto.marketdata.OrderBook} (sorted lists of {@code LimitOrder}).
 *
 * <p>Workload {@code GRID}: 200 ticks per side (~400 active levels) around 10000.00, pre-filled; each delta
 * picks a side, a distance from the mid skewed towards the top of the book, and sets a new size (90%) or deletes
 * the level (10%). Workload {@code WIDE}, a BTC-like book: mid 100000.00 at a 0.01 tick, the same 200 dense
 * levels per side at the top plus 800 more per side spread at random up to 10% (1,000,000 ticks) from the mid,
 * as a venue's full-depth snapshot shows; 90% of deltas go to the top as in {@code GRID}, 10% to one of the far
 * levels. Operations are precomputed from a fixed seed (BigDecimal and LimitOrder inputs included), so the
 * measured loop allocates only what a book itself allocates.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OrderBookBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class OrderBookBenchmark {

    private static final int OPS = 1 << 12;
    private static final int MASK = OPS - 1;
    private static final int TICKS_PER_SIDE = 200;
    private static final int FAR_LEVELS_PER_SIDE = 800;
    private static final int FAR_TICKS = 1_000_000;     // 10% of 100000.00 at a 0.01 tick
    private static final int PRICE_PRECISION = 2;
    private static final int SIZE_PRECISION = 4;
    private static final long SEED = 20_261_120L;
    private static final CurrencyPair PAIR = CurrencyPair.BTC_USD;

    /** {@code GRID}: 400 levels on consecutive ticks; {@code WIDE}: a BTC-like book spread ±10% around the mid. */
    @Param({"GRID", "WIDE"})
    public String layout;

    private long midTicks;
    /** Distances from the mid of the pre-filled levels, the same on both sides. */
    private int[] levelDistances;
    private final Side[] sides = new Side[OPS];
    private final long[] priceRaws = new long[OPS];
    private final long[] sizeRaws = new long[OPS];
    private final BigDecimal[] prices = new BigDecimal[OPS];
    private final BigDecimal[] sizes = new BigDecimal[OPS];
    private final LimitOrder[] limitOrders = new LimitOrder[OPS];

    private Instrument instrument;
    private OrderBook ours;
    private NavigableMap<BigDecimal, BigDecimal> treeBids;
    private NavigableMap<BigDecimal, BigDecimal> treeAsks;
    private org.knowm.xchange.dto.marketdata.OrderBook xchange;
    private int index;

    @Setup
    public void setUp() {
        boolean wide = layout.equals("WIDE");
        midTicks = wide ? 10_000_000 : 1_000_000;   // 100000.00 or 10000.00 at 2 decimals
        levelDistances = levelDistances(wide);
        Random random = new Random(SEED);
        Random far = new Random(SEED + 1);
        for (int i = 0; i < OPS; i++) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            // |N(0,1)| × 40 ticks: most deltas land near the top, some reach the far end of the dense levels.
            int distance = 1 + (int) Math.min(TICKS_PER_SIDE - 1, Math.abs(random.nextGaussian()) * 40);
            if (wide && far.nextInt(10) == 0) {
                distance = levelDistances[TICKS_PER_SIDE + far.nextInt(FAR_LEVELS_PER_SIDE)];
            }
            long price = side == Side.BUY ? midTicks - distance : midTicks + distance;
            long size = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(1_000_000);
            sides[i] = side;
            priceRaws[i] = price;
            sizeRaws[i] = size;
            prices[i] = BigDecimal.valueOf(price, PRICE_PRECISION);
            sizes[i] = BigDecimal.valueOf(size, SIZE_PRECISION);
            limitOrders[i] = new LimitOrder(side == Side.BUY ? OrderType.BID : OrderType.ASK, sizes[i], PAIR, "",
                    null, prices[i]);
        }

        instrument = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(PRICE_PRECISION).sizePrecision(SIZE_PRECISION).build();
        fillBooks();
        verifyBooksAgree();
        fillBooks();
        index = 0;
    }

    /** 1..200, then (WIDE only) 800 distinct distances from 201 to 1,000,000 ticks. */
    private static int[] levelDistances(boolean wide) {
        java.util.TreeSet<Integer> distances = new java.util.TreeSet<>();
        for (int d = 1; d <= TICKS_PER_SIDE; d++) {
            distances.add(d);
        }
        Random random = new Random(SEED + 2);
        while (wide && distances.size() < TICKS_PER_SIDE + FAR_LEVELS_PER_SIDE) {
            distances.add(TICKS_PER_SIDE + 1 + random.nextInt(FAR_TICKS - TICKS_PER_SIDE));
        }
        int[] out = new int[distances.size()];
        int i = 0;
        for (int d : distances) {
            out[i++] = d;
        }
        return out;
    }

    private void fillBooks() {
        ours = new OrderBook(instrument, levelDistances.length * 2);
        treeBids = new TreeMap<>(Collections.reverseOrder());
        treeAsks = new TreeMap<>();
        List<LimitOrder> xBids = new ArrayList<>();
        List<LimitOrder> xAsks = new ArrayList<>();
        for (int distance : levelDistances) {
            long size = 10_000L * (1 + distance % 1000);
            BigDecimal sizeDecimal = BigDecimal.valueOf(size, SIZE_PRECISION);
            BigDecimal bid = BigDecimal.valueOf(midTicks - distance, PRICE_PRECISION);
            BigDecimal ask = BigDecimal.valueOf(midTicks + distance, PRICE_PRECISION);
            ours.applyDeltaRaw(Side.BUY, midTicks - distance, size);
            ours.applyDeltaRaw(Side.SELL, midTicks + distance, size);
            treeBids.put(bid, sizeDecimal);
            treeAsks.put(ask, sizeDecimal);
            xBids.add(new LimitOrder(OrderType.BID, sizeDecimal, PAIR, "", null, bid));
            xAsks.add(new LimitOrder(OrderType.ASK, sizeDecimal, PAIR, "", null, ask));
        }
        xchange = new org.knowm.xchange.dto.marketdata.OrderBook(new Date(0), xAsks, xBids, true);
    }

    /** Replays every operation on all three books and fails the run if they ever disagree on the top of book. */
    private void verifyBooksAgree() {
        for (int i = 0; i < OPS; i++) {
            index = i;
            ours();
            applyTreeMap(i);
            xchange.update(limitOrders[i]);
            BigDecimal bid = BigDecimal.valueOf(ours.bestBidRaw(), PRICE_PRECISION);
            BigDecimal ask = BigDecimal.valueOf(ours.bestAskRaw(), PRICE_PRECISION);
            if (bid.compareTo(treeBids.firstKey()) != 0 || ask.compareTo(treeAsks.firstKey()) != 0
                    || bid.compareTo(xchange.getBids().get(0).getLimitPrice()) != 0
                    || ask.compareTo(xchange.getAsks().get(0).getLimitPrice()) != 0
                    || ours.levelCount(Side.BUY) != xchange.getBids().size()
                    || ours.levelCount(Side.SELL) != treeAsks.size()) {
                throw new IllegalStateException("books disagree after operation " + i);
            }
        }
    }

    @Benchmark
    @ZeroAllocation
    public long ours() {
        int i = index++ & MASK;
        ours.applyDeltaRaw(sides[i], priceRaws[i], sizeRaws[i]);
        return ours.bestBidRaw() + ours.bestAskRaw();
    }

    @Benchmark
    public void treeMapBigDecimal(Blackhole bh) {
        applyTreeMap(index++ & MASK);
        bh.consume(treeBids.isEmpty() ? null : treeBids.firstKey());
        bh.consume(treeAsks.isEmpty() ? null : treeAsks.firstKey());
    }

    private void applyTreeMap(int i) {
        NavigableMap<BigDecimal, BigDecimal> side = sides[i] == Side.BUY ? treeBids : treeAsks;
        if (sizes[i].signum() == 0) {
            side.remove(prices[i]);
        } else {
            side.put(prices[i], sizes[i]);
        }
    }

    @Benchmark
    public void xchange(Blackhole bh) {
        int i = index++ & MASK;
        xchange.update(limitOrders[i]);
        List<LimitOrder> bids = xchange.getBids();
        List<LimitOrder> asks = xchange.getAsks();
        bh.consume(bids.isEmpty() ? null : bids.get(0).getLimitPrice());
        bh.consume(asks.isEmpty() ? null : asks.get(0).getLimitPrice());
    }
}
