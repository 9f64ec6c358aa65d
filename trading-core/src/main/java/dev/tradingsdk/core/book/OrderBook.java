package dev.tradingsdk.core.book;

import dev.tradingsdk.core.book.internal.PriceLadder;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.time.EpochNanos;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An L2 (price-level) order book for one instrument, fed by full snapshots and level deltas.
 *
 * <p><b>Units.</b> Raw prices are at the instrument's {@link Instrument#pricePrecision() price precision} and raw
 * sizes at its {@link Instrument#sizePrecision() size precision}: raw = value × 10^precision. Ticks and lots are
 * not enforced, because venues change tick sizes while a market trades (Polymarket's {@code tick_size_change}).
 *
 * <p><b>Sides.</b> Updates and depth queries take the <em>book side</em>: {@link Side#BUY} is the bids,
 * {@link Side#SELL} the asks, as venues label their levels. Fill queries ({@code costToFill}, {@code vwapToFill},
 * {@code sizeWithin}) take the <em>taker side</em>: buying walks the asks, selling walks the bids.
 *
 * <p><b>Updates.</b> A delta sets the size at a price; size 0 removes the level (a no-op when there is none). A
 * negative size, a zero size in a snapshot or the reserved price {@link #NO_PRICE} throws
 * {@link InvalidBookInputException} and leaves the book unchanged. A delta allocates nothing; only growing a
 * side does (amortized doubling of its price-step window or level array; pre-size it with
 * {@link #OrderBook(Instrument, int)}).
 *
 * <p><b>Crossed books.</b> Each side is kept exactly as the venue sent it: a best bid above the best ask is
 * reported by {@link #isCrossed()} and {@link #spread()} turns negative, but nothing is removed or reordered,
 * so a stream that crosses for a moment between two deltas converges once the next delta arrives.
 *
 * <p>Not thread-safe: one thread applies updates and reads, or the caller synchronizes.
 */
public final class OrderBook {

    /** What {@link #bestBidRaw()} and {@link #bestAskRaw()} return for an empty side; never a valid price. */
    public static final long NO_PRICE = Long.MIN_VALUE;

    /** What {@link #lastSequence()} and {@link #lastUpdateEpochNanos()} return before any update was marked. */
    public static final long NONE = -1;

    /** Levels per side allocated up front by {@link #OrderBook(Instrument)}. */
    public static final int DEFAULT_CAPACITY = 64;

    /**
     * Largest {@code levelsPerSide} accepted: about 16 MiB per side once a side falls back to its sorted layout,
     * far deeper than any venue's book, and small enough that the layout's arithmetic cannot overflow.
     */
    public static final int MAX_LEVELS_PER_SIDE = 1 << 20;

    private final Instrument instrument;
    private final int pricePrecision;
    private final int sizePrecision;
    private final PriceLadder bids;
    private final PriceLadder asks;
    private long lastSequence = NONE;
    private long lastUpdateEpochNanos = NONE;

    /** An empty book with room for {@value #DEFAULT_CAPACITY} levels per side before it grows. */
    public OrderBook(Instrument instrument) {
        this(instrument, DEFAULT_CAPACITY);
    }

    /**
     * An empty book with room for {@code levelsPerSide} levels per side before it grows.
     *
     * @throws InvalidBookInputException if {@code levelsPerSide} is not within 1..{@value #MAX_LEVELS_PER_SIDE}
     */
    public OrderBook(Instrument instrument, int levelsPerSide) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (levelsPerSide < 1 || levelsPerSide > MAX_LEVELS_PER_SIDE) {
            throw new InvalidBookInputException("levelsPerSide", levelsPerSide, "must be within 1.."
                    + MAX_LEVELS_PER_SIDE);
        }
        this.pricePrecision = instrument.pricePrecision();
        this.sizePrecision = instrument.sizePrecision();
        this.bids = new PriceLadder(true, instrument.tickRaw(), levelsPerSide);
        this.asks = new PriceLadder(false, instrument.tickRaw(), levelsPerSide);
    }

    public Instrument instrument() {
        return instrument;
    }

    // ------------------------------------------------------------------------------------------------ updates

    /**
     * Sets the level at {@code priceRaw} on {@code bookSide} to {@code sizeRaw}; 0 removes it. Allocates nothing
     * unless the side must grow.
     *
     * @throws InvalidBookInputException when the size is negative or the price is {@link #NO_PRICE}
     */
    public void applyDeltaRaw(Side bookSide, long priceRaw, long sizeRaw) {
        PriceLadder ladder = ladder(bookSide);
        checkPriceRaw("price", priceRaw);
        if (sizeRaw < 0) {
            throw new InvalidBookInputException("size", formatSize(sizeRaw), "must not be negative");
        }
        ladder.set(priceRaw, sizeRaw);
    }

    /**
     * Sets the level at {@code price} on {@code bookSide} to {@code size}; zero removes it.
     *
     * @throws InvalidBookInputException when a value has more decimals than the instrument's precision
     */
    public void applyDelta(Side bookSide, Price price, Quantity size) {
        applyDeltaRaw(bookSide, priceRaw("price", price), sizeRaw("size", size));
    }

    /**
     * Replaces the whole book with the given levels: {@code bidCount} entries of the bid arrays and
     * {@code askCount} of the ask arrays, in any order. A price repeated on one side keeps its last size. Every
     * size must be positive; on invalid input nothing changes. The sequence and timestamp are kept; mark them
     * with {@link #markUpdate(long, long)}.
     */
    public void applySnapshotRaw(long[] bidPrices, long[] bidSizes, int bidCount,
                                 long[] askPrices, long[] askSizes, int askCount) {
        checkSnapshotSide("bid", bidPrices, bidSizes, bidCount);
        checkSnapshotSide("ask", askPrices, askSizes, askCount);
        bids.clear();
        asks.clear();
        for (int i = 0; i < bidCount; i++) {
            bids.set(bidPrices[i], bidSizes[i]);
        }
        for (int i = 0; i < askCount; i++) {
            asks.set(askPrices[i], askSizes[i]);
        }
    }

    /** Replaces the whole book with {@code bidLevels} and {@code askLevels}; see {@link #applySnapshotRaw}. */
    public void applySnapshot(List<BookLevel> bidLevels, List<BookLevel> askLevels) {
        long[] bidPrices = new long[bidLevels.size()];
        long[] bidSizes = new long[bidLevels.size()];
        long[] askPrices = new long[askLevels.size()];
        long[] askSizes = new long[askLevels.size()];
        toRaw(bidLevels, bidPrices, bidSizes);
        toRaw(askLevels, askPrices, askSizes);
        applySnapshotRaw(bidPrices, bidSizes, bidPrices.length, askPrices, askSizes, askPrices.length);
    }

    /** Removes every level on both sides; the sequence and timestamp are kept. */
    public void clear() {
        bids.clear();
        asks.clear();
    }

    /**
     * Records the venue's sequence number and timestamp (nanoseconds since the epoch) of the update just applied.
     * Sequence gaps are the stream's to detect; the book only remembers.
     */
    public void markUpdate(long sequence, long epochNanos) {
        if (sequence < 0) {
            throw new InvalidBookInputException("sequence", sequence, "must not be negative");
        }
        if (epochNanos < 0) {
            throw new InvalidBookInputException("epochNanos", epochNanos, "must not be negative");
        }
        this.lastSequence = sequence;
        this.lastUpdateEpochNanos = epochNanos;
    }

    /** The sequence given to the last {@link #markUpdate}, or {@link #NONE}. */
    public long lastSequence() {
        return lastSequence;
    }

    /** The timestamp given to the last {@link #markUpdate}, or {@link #NONE}. */
    public long lastUpdateEpochNanos() {
        return lastUpdateEpochNanos;
    }

    /** The timestamp given to the last {@link #markUpdate}, if any. */
    public Optional<Instant> lastUpdate() {
        if (lastUpdateEpochNanos == NONE) {
            return Optional.empty();
        }
        return Optional.of(EpochNanos.toInstant(lastUpdateEpochNanos));
    }

    // ------------------------------------------------------------------------------------------- top of book

    /** Raw best bid price, or {@link #NO_PRICE} when there are no bids. */
    public long bestBidRaw() {
        return bids.count() == 0 ? NO_PRICE : bids.bestPrice();
    }

    /** Raw best ask price, or {@link #NO_PRICE} when there are no asks. */
    public long bestAskRaw() {
        return asks.count() == 0 ? NO_PRICE : asks.bestPrice();
    }

    /** Raw size at the best bid, 0 when there are no bids. */
    public long bestBidSizeRaw() {
        return bids.count() == 0 ? 0 : bids.bestSize();
    }

    /** Raw size at the best ask, 0 when there are no asks. */
    public long bestAskSizeRaw() {
        return asks.count() == 0 ? 0 : asks.bestSize();
    }

    public Optional<Price> bestBid() {
        return bids.count() == 0 ? Optional.empty() : Optional.of(price(bids.bestPrice()));
    }

    public Optional<Price> bestAsk() {
        return asks.count() == 0 ? Optional.empty() : Optional.of(price(asks.bestPrice()));
    }

    /** Best ask minus best bid, negative when crossed; empty unless both sides have levels. */
    public Optional<Price> spread() {
        if (bids.count() == 0 || asks.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(price(Math.subtractExact(asks.bestPrice(), bids.bestPrice())));
    }

    /**
     * The midpoint of best bid and best ask, exact at one decimal more than the price precision (at precision
     * 9, where no decimal is left, rounded half-even); empty unless both sides have levels.
     */
    public Optional<Price> mid() {
        if (bids.count() == 0 || asks.count() == 0) {
            return Optional.empty();
        }
        return Optional.of(Price.mid(price(bids.bestPrice()), price(asks.bestPrice())));
    }

    /** True when the best bid is above the best ask (a transient state some streams pass through). */
    public boolean isCrossed() {
        return bids.count() > 0 && asks.count() > 0 && bids.bestPrice() > asks.bestPrice();
    }

    /** True when the best bid equals the best ask. */
    public boolean isLocked() {
        return bids.count() > 0 && asks.count() > 0 && bids.bestPrice() == asks.bestPrice();
    }

    // ------------------------------------------------------------------------------------------------- depth

    /** Number of price levels on {@code bookSide}. */
    public int levelCount(Side bookSide) {
        return ladder(bookSide).count();
    }

    /** Raw price of level {@code level} on {@code bookSide}, 0 being the best. */
    public long priceRawAt(Side bookSide, int level) {
        PriceLadder ladder = ladder(bookSide);
        checkLevel(ladder, level);
        return ladder.priceAt(level);
    }

    /** Raw size of level {@code level} on {@code bookSide}, 0 being the best. */
    public long sizeRawAt(Side bookSide, int level) {
        PriceLadder ladder = ladder(bookSide);
        checkLevel(ladder, level);
        return ladder.sizeAt(level);
    }

    /** Raw size resting at exactly {@code priceRaw} on {@code bookSide}, 0 when there is no such level. */
    public long sizeRawAtPrice(Side bookSide, long priceRaw) {
        return ladder(bookSide).sizeOf(priceRaw);
    }

    /** Raw total size over all levels of {@code bookSide}. */
    public long totalSizeRaw(Side bookSide) {
        return ladder(bookSide).totalSize();
    }

    /** Total size over all levels of {@code bookSide}. */
    public Quantity totalSize(Side bookSide) {
        return size(ladder(bookSide).totalSize());
    }

    /** The best {@code maxLevels} levels of {@code bookSide} (fewer when the side is shallower), best first. */
    public List<BookLevel> depth(Side bookSide, int maxLevels) {
        PriceLadder ladder = ladder(bookSide);
        if (maxLevels < 0) {
            throw new InvalidBookInputException("maxLevels", maxLevels, "must not be negative");
        }
        int n = Math.min(maxLevels, ladder.count());
        List<BookLevel> levels = new ArrayList<>(n);
        for (int level = 0; level < n; level++) {
            levels.add(new BookLevel(price(ladder.priceAt(level)), size(ladder.sizeAt(level))));
        }
        return Collections.unmodifiableList(levels);
    }

    // ------------------------------------------------------------------------------------------ fill queries

    /**
     * Raw size a taker on {@code takerSide} can fill at {@code limitPriceRaw} or better: asks at or below the
     * limit for a buyer, bids at or above it for a seller.
     */
    public long sizeWithinRaw(Side takerSide, long limitPriceRaw) {
        PriceLadder ladder = ladder(takerSide.opposite());
        checkPriceRaw("limitPrice", limitPriceRaw);
        int levels = ladder.levelsAtOrBetter(limitPriceRaw);
        long total = 0;
        for (int level = 0; level < levels; level++) {
            total += ladder.sizeAt(level);
        }
        return total;
    }

    /** Size a taker on {@code takerSide} can fill at {@code limitPrice} or better; see {@link #sizeWithinRaw}. */
    public Quantity sizeWithin(Side takerSide, Price limitPrice) {
        return size(sizeWithinRaw(takerSide, priceRaw("limitPrice", limitPrice)));
    }

    /** Decimal places of {@link #costToFillRaw}: price precision plus size precision. */
    public int costPrecision() {
        return pricePrecision + sizePrecision;
    }

    /**
     * Exact raw cost, Σ price × size at {@link #costPrecision()} and without the contract multiplier, of taking
     * {@code sizeRaw} from the best levels against {@code takerSide}. Allocates nothing when the book can fill.
     *
     * @throws InvalidBookInputException       when {@code sizeRaw} is not positive
     * @throws InsufficientLiquidityException  when the side holds less than {@code sizeRaw}
     * @throws ArithmeticException             when the cost does not fit a {@code long} at that precision
     */
    public long costToFillRaw(Side takerSide, long sizeRaw) {
        PriceLadder ladder = ladder(takerSide.opposite());
        checkFillSize(takerSide, ladder, sizeRaw);
        long remaining = sizeRaw;
        long cost = 0;
        for (int level = 0; remaining > 0; level++) {
            long take = Math.min(remaining, ladder.sizeAt(level));
            cost = Math.addExact(cost, Math.multiplyExact(ladder.priceAt(level), take));
            remaining -= take;
        }
        return cost;
    }

    /**
     * Raw volume-weighted average price of taking {@code sizeRaw} against {@code takerSide}, at
     * {@code precision} decimals, rounded with {@code mode} ({@link RoundingMode#UNNECESSARY} throws when
     * inexact). Exceptions as for {@link #costToFillRaw}.
     */
    public long vwapToFillRaw(Side takerSide, long sizeRaw, int precision, RoundingMode mode) {
        FixedMath.checkPrecision(precision);
        Objects.requireNonNull(mode, "mode");
        long cost = costToFillRaw(takerSide, sizeRaw);
        // cost / sizeRaw is the VWAP raw at the price precision; shift it to the requested precision.
        if (precision >= pricePrecision) {
            return FixedMath.multiplyDivide(cost, FixedMath.powerOfTen(precision - pricePrecision), sizeRaw, mode);
        }
        return FixedMath.multiplyDivide(cost, 1,
                Math.multiplyExact(sizeRaw, FixedMath.powerOfTen(pricePrecision - precision)), mode);
    }

    /**
     * What taking {@code size} against {@code takerSide} costs, price × size × the instrument's multiplier in its
     * quote currency. Exact at price precision + size precision (+ the multiplier's) when that is at most 9
     * decimals; beyond 9 rounded half-even to 9, an error of at most 1e-9 of the currency.
     *
     * @throws InsufficientLiquidityException when the book holds less than {@code size} on that side
     */
    public Money costToFill(Side takerSide, Quantity size) {
        long cost = costToFillRaw(takerSide, fillSizeRaw(size));
        Quantity multiplier = instrument.multiplier();
        int precision = Math.min(costPrecision() + multiplier.precision(), FixedMath.MAX_PRECISION);
        long raw = FixedMath.multiply(cost, costPrecision(), multiplier.raw(), multiplier.precision(), precision,
                RoundingMode.HALF_EVEN);
        return Money.ofRaw(raw, precision, instrument.quoteCurrency());
    }

    /**
     * The volume-weighted average price of taking {@code size} against {@code takerSide}, at the instrument's
     * price precision and rounded against the taker (up for a buyer, down for a seller), so it is never better
     * than the true average.
     *
     * @throws InsufficientLiquidityException when the book holds less than {@code size} on that side
     */
    public Price vwapToFill(Side takerSide, Quantity size) {
        RoundingMode mode = takerSide == Side.BUY ? RoundingMode.CEILING : RoundingMode.FLOOR;
        return vwapToFill(takerSide, size, pricePrecision, mode);
    }

    /** The volume-weighted average price of taking {@code size}, at {@code precision} rounded with {@code mode}. */
    public Price vwapToFill(Side takerSide, Quantity size, int precision, RoundingMode mode) {
        return Price.ofRaw(vwapToFillRaw(takerSide, fillSizeRaw(size), precision, mode), precision);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private PriceLadder ladder(Side bookSide) {
        return Objects.requireNonNull(bookSide, "side") == Side.BUY ? bids : asks;
    }

    private void checkFillSize(Side takerSide, PriceLadder ladder, long sizeRaw) {
        if (sizeRaw <= 0) {
            throw new InvalidBookInputException("size", formatSize(sizeRaw), "must be positive");
        }
        if (sizeRaw > ladder.totalSize()) {
            throw new InsufficientLiquidityException(takerSide, size(sizeRaw), size(ladder.totalSize()));
        }
    }

    private long fillSizeRaw(Quantity size) {
        long raw = sizeRaw("size", size);
        if (raw == 0) {
            throw new InvalidBookInputException("size", size, "must be positive");
        }
        return raw;
    }

    private static void checkPriceRaw(String field, long priceRaw) {
        if (priceRaw == NO_PRICE) {
            throw new InvalidBookInputException(field, priceRaw, "is reserved for \"no price\" (Long.MIN_VALUE)");
        }
    }

    private static void checkLevel(PriceLadder ladder, int level) {
        if (level < 0 || level >= ladder.count()) {
            throw new InvalidBookInputException("level", level, "is outside 0.." + (ladder.count() - 1));
        }
    }

    private void checkSnapshotSide(String side, long[] prices, long[] sizes, int count) {
        Objects.requireNonNull(prices, side + "Prices");
        Objects.requireNonNull(sizes, side + "Sizes");
        if (count < 0 || count > prices.length || count > sizes.length) {
            throw new InvalidBookInputException(side + "Count", count, "must be in 0.." + Math.min(prices.length,
                    sizes.length));
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            checkPriceRaw(side + "Prices[" + i + "]", prices[i]);
            if (sizes[i] <= 0) {
                throw new InvalidBookInputException(side + "Sizes[" + i + "]", formatSize(sizes[i]),
                        "must be positive in a snapshot");
            }
            // Duplicates only replace, so a total that fits here also fits once applied.
            total = Math.addExact(total, sizes[i]);
        }
    }

    private void toRaw(List<BookLevel> levels, long[] prices, long[] sizes) {
        for (int i = 0; i < prices.length; i++) {
            BookLevel level = Objects.requireNonNull(levels.get(i), "level");
            prices[i] = priceRaw("price", level.price());
            sizes[i] = sizeRaw("size", level.size());
        }
    }

    private long priceRaw(String field, Price price) {
        Objects.requireNonNull(price, field);
        try {
            return price.rawAt(pricePrecision);
        } catch (ArithmeticException e) {
            throw new InvalidBookInputException(field, price, "does not fit price precision " + pricePrecision);
        }
    }

    private long sizeRaw(String field, Quantity size) {
        Objects.requireNonNull(size, field);
        try {
            return size.rawAt(sizePrecision);
        } catch (ArithmeticException e) {
            throw new InvalidBookInputException(field, size, "does not fit size precision " + sizePrecision);
        }
    }

    private Price price(long raw) {
        return Price.ofRaw(raw, pricePrecision);
    }

    private Quantity size(long raw) {
        return Quantity.ofRaw(raw, sizePrecision);
    }

    private String formatSize(long raw) {
        return FixedMath.format(raw, sizePrecision);
    }

    @Override
    public String toString() {
        return "OrderBook[" + instrument + " bids=" + bids.count() + " asks=" + asks.count()
                + " best=" + bestBid().map(Price::toString).orElse("-") + "/"
                + bestAsk().map(Price::toString).orElse("-") + "]";
    }
}
