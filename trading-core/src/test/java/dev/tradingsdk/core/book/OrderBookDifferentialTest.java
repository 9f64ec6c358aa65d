package dev.tradingsdk.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives {@link OrderBook} and a plain {@code TreeMap<BigDecimal, BigDecimal>} model with the same seeded random
 * snapshots and deltas, and checks that every query answers the same after every operation.
 */
class OrderBookDifferentialTest {

    private static final int PRICE_PRECISION = 2;
    private static final int SIZE_PRECISION = 4;
    private static final int OPERATIONS = 20_000;
    private static final Instrument ONE_CENT_TICK = Instrument.builder("DIFF", Venue.SIM)
            .assetClass(AssetClass.CRYPTO).quoteCurrency(Currency.USD)
            .pricePrecision(PRICE_PRECISION).sizePrecision(SIZE_PRECISION).build();
    /** The book uses the tick as a search hint; this one also gets prices off its grid. */
    private static final Instrument FIVE_CENT_TICK = Instrument.builder("DIFF5", Venue.SIM)
            .assetClass(AssetClass.CRYPTO).quoteCurrency(Currency.USD).tickSize("0.05")
            .pricePrecision(PRICE_PRECISION).sizePrecision(SIZE_PRECISION).build();
    private static final RoundingMode[] MODES = {
        RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR,
        RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN
    };

    /** The reference: best level first on both maps. */
    private final NavigableMap<BigDecimal, BigDecimal> modelBids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> modelAsks = new TreeMap<>();

    private Random random;
    private OrderBook book;
    private long midTicks;
    private long tick;
    /** Largest move of the mid, in raw units, every 50 operations or so. */
    private int drift;
    /** One in how many prices gets an off-grid offset (when the tick allows one). */
    private int offGridOneIn;
    /** One in how many prices lands 30,000 ticks away, beyond any tick-indexed window; 0 for never. */
    private int farOneIn;
    /** 0: far prices sit 30,000 steps out; otherwise one of 300 distances spread over about 290,000 steps. */
    private boolean farSpread;

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20_261_120L, -7L, 987_654_321L})
    void answersLikeTheTreeMapModel(long seed) {
        run(seed, ONE_CENT_TICK);
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 77L})
    void answersLikeTheTreeMapModelWithPricesOffTheTickGrid(long seed) {
        run(seed, FIVE_CENT_TICK);
    }

    /** The mid wanders hundreds of ticks, so the tick-indexed window keeps moving and growing. */
    @ParameterizedTest
    @ValueSource(longs = {5L, 11L})
    void answersLikeTheTreeMapModelWhileTheMarketMoves(long seed) {
        run(seed, ONE_CENT_TICK, 1, 300, 5, 0);
    }

    /**
     * Prices a whole unit apart on an instrument quoting cents, now and then between them, as after a venue's tick
     * size change: the book's learned grid must refine (or give way to the sorted layout) without losing levels.
     */
    @ParameterizedTest
    @ValueSource(longs = {19L, 23L})
    void answersLikeTheTreeMapModelWhenTheVenueGridIsCoarserThanTheTick(long seed) {
        run(seed, ONE_CENT_TICK, 100, 0, 50, 0);
        run(seed, ONE_CENT_TICK, 10, 10, 200, 0);
    }

    /** Mostly on the grid, with rare off-grid and far-away prices that force the sorted layout and back. */
    @ParameterizedTest
    @ValueSource(longs = {13L, 17L})
    void answersLikeTheTreeMapModelWithRareOffGridAndFarPrices(long seed) {
        run(seed, FIVE_CENT_TICK, FIVE_CENT_TICK.tickRaw(), 100, 100, 500);
    }

    /**
     * A BTC-like wide book: many levels far beyond the tick window (hundreds of thousands of steps out) beside the
     * dense top, while the mid wanders, so levels move between the window and the far levels both ways, and the
     * window empties onto the far levels.
     */
    @ParameterizedTest
    @ValueSource(longs = {29L, 31L})
    void answersLikeTheTreeMapModelOnAWideBook(long seed) {
        farSpread = true;
        try {
            run(seed, ONE_CENT_TICK, ONE_CENT_TICK.tickRaw(), 300, 5, 2);
            run(seed, ONE_CENT_TICK, ONE_CENT_TICK.tickRaw(), 5_000, 5, 3);
        } finally {
            farSpread = false;
        }
    }

    private void run(long seed, Instrument instrument) {
        run(seed, instrument, instrument.tickRaw(), 10, 5, 0);
    }

    /**
     * @param step the distance between the prices drawn, in raw units; {@code offGridOneIn} prices get an extra
     *             offset below it
     */
    private void run(long seed, Instrument instrument, long step, int drift, int offGridOneIn, int farOneIn) {
        this.drift = drift;
        this.offGridOneIn = offGridOneIn;
        this.farOneIn = farOneIn;
        random = new Random(seed);
        book = new OrderBook(instrument, 4);
        tick = step;
        midTicks = 10_000;
        modelBids.clear();
        modelAsks.clear();
        for (int op = 0; op < OPERATIONS; op++) {
            int kind = random.nextInt(1000);
            if (kind < 5) {
                applySnapshot();
            } else if (kind < 15) {
                rejectNegativeSize();
            } else {
                applyDelta();
            }
            if (random.nextInt(50) == 0) {
                midTicks += random.nextInt(2 * drift + 1) - drift;
            }
            compareQueries();
            if (op % 500 == 0) {
                compareAllLevels();
            }
        }
        compareAllLevels();
    }

    private long randomPriceTicks(Side side) {
        // Mostly on the expected side of the mid, sometimes across it so the book crosses for a while.
        long offset = (random.nextInt(200) - 15) * tick;
        if (tick > 1 && random.nextInt(offGridOneIn) == 0) {
            offset += random.nextInt((int) tick);
        }
        if (farOneIn > 0 && random.nextInt(farOneIn) == 0) {
            offset += (farSpread ? 17_000 + random.nextInt(300) * 977L : 30_000) * tick;
        }
        return side == Side.BUY ? midTicks - offset : midTicks + offset;
    }

    private long randomSizeRaw() {
        return 1 + random.nextInt(random.nextBoolean() ? 100 : 500_000);
    }

    private void applyDelta() {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long priceRaw = randomPriceTicks(side);
        long sizeRaw = random.nextInt(10) == 0 ? 0 : randomSizeRaw();
        if (random.nextBoolean()) {
            book.applyDeltaRaw(side, priceRaw, sizeRaw);
        } else {
            book.applyDelta(side, Price.ofRaw(priceRaw, PRICE_PRECISION), Quantity.ofRaw(sizeRaw, SIZE_PRECISION));
        }
        NavigableMap<BigDecimal, BigDecimal> model = model(side);
        if (sizeRaw == 0) {
            model.remove(price(priceRaw));
        } else {
            model.put(price(priceRaw), size(sizeRaw));
        }
    }

    private void rejectNegativeSize() {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        long priceRaw = randomPriceTicks(side);
        assertThatThrownBy(() -> book.applyDeltaRaw(side, priceRaw, -1 - random.nextInt(1000)))
                .isInstanceOf(InvalidBookInputException.class);
    }

    private void applySnapshot() {
        int bidCount = random.nextInt(80);
        int askCount = random.nextInt(80);
        long[] bidPrices = new long[bidCount + 3];
        long[] bidSizes = new long[bidCount + 3];
        long[] askPrices = new long[askCount];
        long[] askSizes = new long[askCount];
        modelBids.clear();
        modelAsks.clear();
        for (int i = 0; i < bidCount; i++) {
            bidPrices[i] = randomPriceTicks(Side.BUY);
            bidSizes[i] = randomSizeRaw();
            modelBids.put(price(bidPrices[i]), size(bidSizes[i]));
        }
        for (int i = 0; i < askCount; i++) {
            askPrices[i] = randomPriceTicks(Side.SELL);
            askSizes[i] = randomSizeRaw();
            modelAsks.put(price(askPrices[i]), size(askSizes[i]));
        }
        book.applySnapshotRaw(bidPrices, bidSizes, bidCount, askPrices, askSizes, askCount);
    }

    private void compareQueries() {
        compareTopOfBook();
        for (Side side : Side.values()) {
            NavigableMap<BigDecimal, BigDecimal> model = model(side);
            assertThat(book.levelCount(side)).isEqualTo(model.size());
            assertThat(book.totalSize(side).toBigDecimal()).isEqualByComparingTo(sum(model.values()));
            int levels = random.nextInt(12);
            List<BookLevel> depth = book.depth(side, levels);
            Iterator<Map.Entry<BigDecimal, BigDecimal>> expected = model.entrySet().iterator();
            assertThat(depth).hasSize(Math.min(levels, model.size()));
            for (BookLevel level : depth) {
                Map.Entry<BigDecimal, BigDecimal> e = expected.next();
                assertThat(level.price().toBigDecimal()).isEqualByComparingTo(e.getKey());
                assertThat(level.size().toBigDecimal()).isEqualByComparingTo(e.getValue());
            }
            long probe = randomPriceTicks(side);
            assertThat(book.sizeRawAtPrice(side, probe))
                    .isEqualTo(rawSize(model.getOrDefault(price(probe), BigDecimal.ZERO)));
        }
        Side taker = random.nextBoolean() ? Side.BUY : Side.SELL;
        compareSizeWithin(taker);
        compareFill(taker);
    }

    private void compareTopOfBook() {
        BigDecimal bid = modelBids.isEmpty() ? null : modelBids.firstKey();
        BigDecimal ask = modelAsks.isEmpty() ? null : modelAsks.firstKey();
        assertThat(book.bestBidRaw()).isEqualTo(bid == null ? OrderBook.NO_PRICE : rawPrice(bid));
        assertThat(book.bestAskRaw()).isEqualTo(ask == null ? OrderBook.NO_PRICE : rawPrice(ask));
        assertThat(book.bestBidSizeRaw()).isEqualTo(bid == null ? 0 : rawSize(modelBids.get(bid)));
        assertThat(book.bestAskSizeRaw()).isEqualTo(ask == null ? 0 : rawSize(modelAsks.get(ask)));
        assertThat(book.bestBid().map(Price::toBigDecimal).orElse(null)).isEqualTo(bid);
        assertThat(book.bestAsk().map(Price::toBigDecimal).orElse(null)).isEqualTo(ask);
        if (bid == null || ask == null) {
            assertThat(book.spread()).isEmpty();
            assertThat(book.mid()).isEmpty();
            assertThat(book.isCrossed()).isFalse();
            assertThat(book.isLocked()).isFalse();
            return;
        }
        assertThat(book.spread().orElseThrow().toBigDecimal()).isEqualByComparingTo(ask.subtract(bid));
        assertThat(book.mid().orElseThrow().toBigDecimal())
                .isEqualByComparingTo(bid.add(ask).divide(BigDecimal.valueOf(2)));
        assertThat(book.isCrossed()).isEqualTo(bid.compareTo(ask) > 0);
        assertThat(book.isLocked()).isEqualTo(bid.compareTo(ask) == 0);
    }

    private void compareSizeWithin(Side taker) {
        NavigableMap<BigDecimal, BigDecimal> walked = model(taker.opposite());
        long limitRaw = randomPriceTicks(taker.opposite());
        BigDecimal limit = price(limitRaw);
        // Both model maps iterate best first, so the head up to the limit is what a taker can reach.
        BigDecimal expected = sum(walked.headMap(limit, true).values());
        assertThat(book.sizeWithin(taker, Price.ofRaw(limitRaw, PRICE_PRECISION)).toBigDecimal())
                .isEqualByComparingTo(expected);
    }

    private void compareFill(Side taker) {
        NavigableMap<BigDecimal, BigDecimal> walked = model(taker.opposite());
        BigDecimal total = sum(walked.values());
        long totalRaw = rawSize(total);
        // Sizes around the total so both fillable and unfillable requests occur.
        long sizeRaw = 1 + (long) (random.nextDouble() * (totalRaw * 1.1 + 10));
        Quantity size = Quantity.ofRaw(sizeRaw, SIZE_PRECISION);
        if (sizeRaw > totalRaw) {
            assertThatThrownBy(() -> book.costToFill(taker, size))
                    .isInstanceOfSatisfying(InsufficientLiquidityException.class,
                            e -> assertThat(e.available().toBigDecimal()).isEqualByComparingTo(total));
            return;
        }
        BigDecimal remaining = size.toBigDecimal();
        BigDecimal cost = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> level : walked.entrySet()) {
            BigDecimal take = remaining.min(level.getValue());
            cost = cost.add(level.getKey().multiply(take));
            remaining = remaining.subtract(take);
            if (remaining.signum() == 0) {
                break;
            }
        }
        assertThat(book.costToFill(taker, size).toBigDecimal()).isEqualByComparingTo(cost);
        int precision = random.nextInt(10);
        RoundingMode mode = MODES[random.nextInt(MODES.length)];
        assertThat(book.vwapToFill(taker, size, precision, mode).toBigDecimal())
                .isEqualByComparingTo(cost.divide(size.toBigDecimal(), precision, mode));
        RoundingMode againstTaker = taker == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR;
        assertThat(book.vwapToFill(taker, size).toBigDecimal())
                .isEqualByComparingTo(cost.divide(size.toBigDecimal(), PRICE_PRECISION, againstTaker));
    }

    private void compareAllLevels() {
        for (Side side : Side.values()) {
            List<BigDecimal[]> actual = new ArrayList<>();
            for (BookLevel level : book.depth(side, Integer.MAX_VALUE)) {
                actual.add(new BigDecimal[] {level.price().toBigDecimal(), level.size().toBigDecimal()});
            }
            List<BigDecimal[]> expected = new ArrayList<>();
            for (Map.Entry<BigDecimal, BigDecimal> e : model(side).entrySet()) {
                expected.add(new BigDecimal[] {e.getKey(), e.getValue()});
            }
            assertThat(actual).usingElementComparator((a, b) ->
                    a[0].compareTo(b[0]) != 0 ? a[0].compareTo(b[0]) : a[1].compareTo(b[1]))
                    .containsExactlyElementsOf(expected);
        }
    }

    private NavigableMap<BigDecimal, BigDecimal> model(Side side) {
        return side == Side.BUY ? modelBids : modelAsks;
    }

    private static BigDecimal sum(Iterable<BigDecimal> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            total = total.add(v);
        }
        return total;
    }

    private static BigDecimal price(long raw) {
        return BigDecimal.valueOf(raw, PRICE_PRECISION);
    }

    private static BigDecimal size(long raw) {
        return BigDecimal.valueOf(raw, SIZE_PRECISION);
    }

    private static long rawPrice(BigDecimal price) {
        return price.setScale(PRICE_PRECISION).unscaledValue().longValueExact();
    }

    private static long rawSize(BigDecimal size) {
        return size.setScale(SIZE_PRECISION).unscaledValue().longValueExact();
    }
}
