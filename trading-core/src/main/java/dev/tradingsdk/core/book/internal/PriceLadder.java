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
    /** {@code pairs[2i]} is the key of slot {@code i}, {@code pairs[2i + 1]} its size. */
    private long[] pairs;
    private int count;
    private long totalSize;

    /**
     * @param highestFirst true for bids (the highest price is the best), false for asks
     * @param capacity     initial number of levels before the array grows
     */
    public PriceLadder(boolean highestFirst, int capacity) {
        this.sign = highestFirst ? 1 : -1;
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
        int i = search(sign * price);
        return i >= 0 ? pairs[(i << 1) + 1] : 0;
    }

    /**
     * Number of levels, from the best, whose price is at {@code limit} or better (higher for bids, lower for
     * asks).
     */
    public int levelsAtOrBetter(long limit) {
        int i = search(sign * limit);
        int firstIncluded = i >= 0 ? i : -(i + 1);
        return count - firstIncluded;
    }

    /**
     * Sets the level at {@code price} to {@code size}; a size of 0 removes it (a no-op when there is none).
     * Throws {@link ArithmeticException} before changing anything when the side's total size would overflow.
     */
    public void set(long price, long size) {
        long key = sign * price;
        int top = count - 1;
        int i = top >= 0 && pairs[top << 1] == key ? top : search(key);
        if (i >= 0) {
            int sizeAt = (i << 1) + 1;
            if (size == 0) {
                totalSize -= pairs[sizeAt];
                int tail = count - 1 - i;
                if (tail > 0) {
                    System.arraycopy(pairs, (i + 1) << 1, pairs, i << 1, tail << 1);
                }
                count--;
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
        if (count << 1 == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        int tail = count - at;
        if (tail > 0) {
            System.arraycopy(pairs, at << 1, pairs, (at + 1) << 1, tail << 1);
        }
        pairs[at << 1] = key;
        pairs[(at << 1) + 1] = size;
        count++;
        totalSize = newTotal;
    }

    public void clear() {
        count = 0;
        totalSize = 0;
    }

    /**
     * Like {@link Arrays#binarySearch(long[], long)} over the keys: the slot of {@code key}, or
     * {@code -(insertion slot) - 1}. The loop halves the range with a conditional move instead of a branch,
     * which a book's unpredictable prices would mispredict about half the time.
     */
    private int search(long key) {
        long[] p = pairs;
        int base = 0;
        int n = count;
        while (n > 1) {
            int half = n >>> 1;
            base = p[(base + half - 1) << 1] < key ? base + half : base;
            n -= half;
        }
        int at = n == 1 && p[base << 1] < key ? base + 1 : base;
        return at < count && p[at << 1] == key ? at : -(at + 1);
    }
}
