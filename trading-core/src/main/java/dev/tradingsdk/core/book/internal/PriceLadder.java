package dev.tradingsdk.core.book.internal;

import java.util.Arrays;

/**
 * One side of an L2 book: price levels as two parallel primitive arrays kept sorted by a key.
 *
 * <p>The key is {@code price} for bids and {@code -price} for asks, so on both sides the keys ascend and the best
 * level sits at the end of the arrays. Updates near the top of the book, by far the most common, then move only
 * a few elements. Level {@code 0} is the best level. Sizes are always positive; the caller validates input.
 * Growing the arrays is the only allocation. Not thread-safe.
 */
public final class PriceLadder {

    private final long sign;
    private long[] keys;
    private long[] sizes;
    private int count;
    private long totalSize;

    /**
     * @param highestFirst true for bids (the highest price is the best), false for asks
     * @param capacity     initial number of levels before the arrays grow
     */
    public PriceLadder(boolean highestFirst, int capacity) {
        this.sign = highestFirst ? 1 : -1;
        int initial = Math.max(capacity, 1);
        this.keys = new long[initial];
        this.sizes = new long[initial];
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
        return sign * keys[count - 1 - level];
    }

    /** Size of level {@code level} (0 = best); the caller checks {@code level < count()}. */
    public long sizeAt(int level) {
        return sizes[count - 1 - level];
    }

    /** Size resting at {@code price}, 0 when there is no such level. */
    public long sizeOf(long price) {
        int i = search(sign * price);
        return i >= 0 ? sizes[i] : 0;
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
        int i = top >= 0 && keys[top] == key ? top : search(key);
        if (i >= 0) {
            if (size == 0) {
                totalSize -= sizes[i];
                int tail = count - 1 - i;
                if (tail > 0) {
                    System.arraycopy(keys, i + 1, keys, i, tail);
                    System.arraycopy(sizes, i + 1, sizes, i, tail);
                }
                count--;
            } else {
                totalSize = Math.addExact(totalSize - sizes[i], size);
                sizes[i] = size;
            }
            return;
        }
        if (size == 0) {
            return;
        }
        long newTotal = Math.addExact(totalSize, size);
        int at = -(i + 1);
        if (count == keys.length) {
            grow();
        }
        int tail = count - at;
        if (tail > 0) {
            System.arraycopy(keys, at, keys, at + 1, tail);
            System.arraycopy(sizes, at, sizes, at + 1, tail);
        }
        keys[at] = key;
        sizes[at] = size;
        count++;
        totalSize = newTotal;
    }

    /**
     * Like {@link Arrays#binarySearch(long[], int, int, long)}: the index of {@code key}, or
     * {@code -(insertion point) - 1}. The loop halves the range with a conditional move instead of a branch,
     * which a book's unpredictable prices would mispredict about half the time.
     */
    private int search(long key) {
        long[] k = keys;
        int base = 0;
        int n = count;
        while (n > 1) {
            int half = n >>> 1;
            base = k[base + half - 1] < key ? base + half : base;
            n -= half;
        }
        int at = n == 1 && k[base] < key ? base + 1 : base;
        return at < count && k[at] == key ? at : -(at + 1);
    }

    public void clear() {
        count = 0;
        totalSize = 0;
    }

    private void grow() {
        int capacity = keys.length * 2;
        keys = Arrays.copyOf(keys, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
    }
}
