package dev.tradingsdk.core.book.internal;

import java.util.Arrays;

/**
 * One side of an L2 book: price levels in one primitive array of (key, size) pairs kept sorted by key.
 *
 * <p>The key is {@code price} for bids and {@code -price} for asks, so on both sides the keys ascend and the best
 * level sits at the end of the array. Updates near the top of the book, by far the most common, then move only
 * a few pairs, and a key and its size share a cache line. Level {@code 0} is the best level. Sizes are always
 * positive; the caller validates input. Growing the array is the only allocation. Not thread-safe.
 */
public final class PriceLadder {

    private final long sign;
    private final long tick;
    /** {@code pairs[2i]} is the key of slot {@code i}, {@code pairs[2i + 1]} its size. */
    private long[] pairs;
    private int count;
    private long totalSize;

    /**
     * @param highestFirst true for bids (the highest price is the best), false for asks
     * @param tick         the price grid in raw units (positive); only a search hint, off-grid prices still work
     * @param capacity     initial number of levels before the array grows
     */
    public PriceLadder(boolean highestFirst, long tick, int capacity) {
        if (tick <= 0) {
            throw new IllegalArgumentException("tick must be positive, was " + tick);
        }
        this.sign = highestFirst ? 1 : -1;
        this.tick = tick;
        this.pairs = new long[Math.max(capacity, 1) * 2];
    }

    public int count() {
        return count;
    }

    /** Sum of the sizes of all levels. */
    public long totalSize() {
        return totalSize;
    }

    /** Price of level {@code level} (0 = best); the caller checks {@code level < count()}. */
    public long priceAt(int level) {
        return sign * pairs[(count - 1 - level) << 1];
    }

    /** Size of level {@code level} (0 = best); the caller checks {@code level < count()}. */
    public long sizeAt(int level) {
        return pairs[((count - 1 - level) << 1) + 1];
    }

    /** Size resting at {@code price}, 0 when there is no such level. */
    public long sizeOf(long price) {
        int i = find(sign * price);
        return i >= 0 ? pairs[(i << 1) + 1] : 0;
    }

    /**
     * Number of levels, from the best, whose price is at {@code limit} or better (higher for bids, lower for
     * asks).
     */
    public int levelsAtOrBetter(long limit) {
        int i = find(sign * limit);
        int firstIncluded = i >= 0 ? i : -(i + 1);
        return count - firstIncluded;
    }

    /**
     * Sets the level at {@code price} to {@code size}; a size of 0 removes it (a no-op when there is none).
     * Throws {@link ArithmeticException} before changing anything when the side's total size would overflow.
     */
    public void set(long price, long size) {
        long key = sign * price;
        int i = find(key);
        if (i >= 0) {
            int sizeAt = (i << 1) + 1;
            if (size == 0) {
                totalSize -= pairs[sizeAt];
                closeSlot(i);
            } else {
                totalSize = Math.addExact(totalSize - pairs[sizeAt], size);
                pairs[sizeAt] = size;
            }
            return;
        }
        if (size == 0) {
            return;
        }
        long newTotal = Math.addExact(totalSize, size);
        int at = -(i + 1);
        openSlot(at);
        pairs[at << 1] = key;
        pairs[(at << 1) + 1] = size;
        totalSize = newTotal;
    }

    // The two shifts below are plain loops rather than System.arraycopy: the slots above a changed level are
    // few (the top of the book is at the end), and for such short runs the loop measured about a quarter faster.

    /** Removes slot {@code i}, moving the better slots above it down by one. */
    private void closeSlot(int i) {
        long[] p = pairs;
        for (int j = i << 1, end = (count - 1) << 1; j < end; j++) {
            p[j] = p[j + 2];
        }
        count--;
    }

    /** Makes slot {@code at} free, moving it and the better slots above it up by one; grows when full. */
    private void openSlot(int at) {
        if (count << 1 == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        long[] p = pairs;
        for (int j = (count << 1) + 1, end = (at + 1) << 1; j >= end; j--) {
            p[j] = p[j - 2];
        }
        count++;
    }

    public void clear() {
        count = 0;
        totalSize = 0;
    }

    /**
     * The slot of {@code key}, or {@code -(insertion slot) - 1}, like {@link Arrays#binarySearch(long[], long)}
     * over the keys.
     *
     * <p>Most updates land a few ticks from the top, so the search starts narrow: with every price on the tick
     * grid, a key {@code d} ticks below the best key can only sit in the {@code d + 1} slots below the top. The
     * answer from that window is checked against the slot just under it, and an off-grid price that breaks the
     * assumption falls back to searching the rest.
     */
    private int find(long key) {
        int top = count - 1;
        if (top < 0) {
            return -1;
        }
        long topKey = pairs[top << 1];
        if (key >= topKey) {
            return key == topKey ? top : -(count + 1);
        }
        long difference = topKey - key;
        // Most instruments quote in one raw unit per tick; skip the slow 64-bit division for them.
        long ticksBelow = tick == 1 ? difference : difference / tick;
        // A negative difference means it overflowed: the key is far away, search everything.
        int from = ticksBelow < 0 || ticksBelow >= top ? 0 : (int) (top - ticksBelow);
        int i = search(key, from, count);
        if (from > 0 && i == -(from + 1) && pairs[(from - 1) << 1] >= key) {
            i = search(key, 0, from);
        }
        return i;
    }

    /**
     * Binary search of the keys in slots {@code [from, to)}. The loop halves the range with a conditional move
     * instead of a branch, which a book's unpredictable prices would mispredict about half the time.
     */
    private int search(long key, int from, int to) {
        long[] p = pairs;
        int base = from;
        int n = to - from;
        while (n > 1) {
            int half = n >>> 1;
            base = p[(base + half - 1) << 1] < key ? base + half : base;
            n -= half;
        }
        int at = n == 1 && p[base << 1] < key ? base + 1 : base;
        return at < to && p[at << 1] == key ? at : -(at + 1);
    }
}
