package dev.tradingsdk.core.book.internal;

import java.util.Arrays;

/**
 * One side of an L2 book, kept in one of two layouts.
 *
 * <p>Both layouts order levels by a key, {@code price} for bids and {@code -price} for asks, so on both sides a
 * higher key is a better level. Level {@code 0} is the best level. Sizes are always positive; the caller
 * validates input. Not thread-safe.
 *
 * <p><b>Tick-indexed</b> (the usual layout): one slot per grid step in a window of keys, {@code slotSizes[i]}
 * being the size at key {@code baseKey + i × grid} (0 = no level), plus the index of the best occupied slot. An
 * update on the grid inside the window is an array store and, only when the best level empties, a short scan
 * down. The grid is learned from the prices seen, a multiple of the instrument's tick (a venue quoting 0.01 on an
 * instrument at 6 decimals gets one slot per cent, not per millionth) that is refined when a price falls between
 * its steps, as after a venue's tick size change. A price outside the window moves the window or doubles it, up
 * to {@link #MAX_SLOTS} slots.
 *
 * <p>When the levels span more than {@link #MAX_SLOTS} grid steps (a BTC book at a 0.01 tick with levels ±10%
 * around the mid spans a million), the window covers the top {@code MAX_SLOTS} steps, the best level three
 * quarters of the way up so the price can rise without a move, and the levels below the window are kept
 * <b>far</b>: sorted (key, size) pairs as in the sorted layout. Deltas near the top stay array stores; a far delta
 * is a binary search (and a shift on insert or delete). This replaced falling back to the sorted layout for the
 * whole side, which measured about 22 ns per delta against 7 ns on the window.
 *
 * <p><b>Sorted</b> (the fallback): (key, size) pairs in one array sorted by key, best at the end, found by binary
 * search. The ladder switches to it when a price is off the instrument's tick, and switches back to the
 * tick-indexed layout once the side is empty.
 *
 * <p>Reading levels in order ({@code priceAt}/{@code sizeAt} for level 0, 1, 2, ...) is linear in the window
 * overall thanks to a remembered cursor. Allocation happens only when the window doubles, the sorted array
 * grows, or the first time the ladder changes layout.
 */
public final class PriceLadder {

    /** Largest tick-indexed window, in slots: 128 KiB of sizes per side. */
    public static final int MAX_SLOTS = 1 << 14;
    private static final int MIN_SLOTS = 64;

    private final long sign;
    private final long tick;
    private final int capacity;
    private int count;
    private long totalSize;

    private boolean indexed = true;
    /** Tick-indexed layout: key distance between slots, a multiple of {@code tick} that divides every level. */
    private long grid;
    /** Tick-indexed layout: size per slot, 0 for an empty slot; all zero when the layout is sorted. */
    private long[] slotSizes;
    /** Key of slot 0; with {@code lastKey < baseKey} the window is empty and the first level places it. */
    private long baseKey = 1;
    /** Key of the last slot. */
    private long lastKey;
    /** Highest occupied slot, -1 when there is none. */
    private int best = -1;
    /** Level and slot last reached by {@link #slotAtLevel}; -1 when unknown (levels were added or removed). */
    private int cursorLevel = -1;
    private int cursorSlot;

    /**
     * Sorted layout: {@code pairs[2i]} is the key of slot {@code i}, {@code pairs[2i + 1]} its size. Tick-indexed
     * layout: the first {@link #farCount} pairs are the far levels, all below {@code baseKey}.
     */
    private long[] pairs;
    /** Tick-indexed layout: levels below the window, in {@code pairs}; while there are any, the window has a level. */
    private int farCount;

    /**
     * @param highestFirst true for bids (the highest price is the best), false for asks
     * @param tick         the price grid in raw units (positive); prices off it still work, in the sorted layout
     * @param capacity     levels expected; sizes the tick window and the sorted array
     */
    public PriceLadder(boolean highestFirst, long tick, int capacity) {
        if (tick <= 0) {
            throw new IllegalArgumentException("tick must be positive, was " + tick);
        }
        this.sign = highestFirst ? 1 : -1;
        this.tick = tick;
        this.grid = tick;
        this.capacity = Math.max(capacity, 1);
        int slots = MIN_SLOTS;
        while (slots < MAX_SLOTS && slots < this.capacity * 4L) {
            slots <<= 1;
        }
        this.slotSizes = new long[slots];
    }

    public int count() {
        return count;
    }

    /** Sum of the sizes of all levels. */
    public long totalSize() {
        return totalSize;
    }

    /** Price of the best level; the caller checks {@code count() > 0}. */
    public long bestPrice() {
        return indexed ? sign * (baseKey + best * grid) : sign * pairs[(count - 1) << 1];
    }

    /** Size of the best level; the caller checks {@code count() > 0}. */
    public long bestSize() {
        return indexed ? slotSizes[best] : pairs[((count - 1) << 1) + 1];
    }

    /** Price of level {@code level} (0 = best); the caller checks {@code level < count()}. */
    public long priceAt(int level) {
        if (!indexed) {
            return sign * pairs[(count - 1 - level) << 1];
        }
        int windowLevels = count - farCount;
        return level < windowLevels ? sign * (baseKey + slotAtLevel(level) * grid)
                : sign * pairs[(count - 1 - level) << 1];
    }

    /** Size of level {@code level} (0 = best); the caller checks {@code level < count()}. */
    public long sizeAt(int level) {
        if (!indexed) {
            return pairs[((count - 1 - level) << 1) + 1];
        }
        // Far level f (0 = the best far one) is pair farCount - 1 - f, and f = level - window levels.
        return level < count - farCount ? slotSizes[slotAtLevel(level)] : pairs[((count - 1 - level) << 1) + 1];
    }

    /** Size resting at {@code price}, 0 when there is no such level. */
    public long sizeOf(long price) {
        long key = sign * price;
        if (indexed) {
            int slot = slotOf(key);
            if (slot >= 0) {
                return slotSizes[slot];
            }
            int i = key < baseKey ? search(key, 0, farCount) : -1;
            return i >= 0 ? pairs[(i << 1) + 1] : 0;
        }
        int i = find(key);
        return i >= 0 ? pairs[(i << 1) + 1] : 0;
    }

    /**
     * Number of levels, from the best, whose price is at {@code limit} or better (higher for bids, lower for
     * asks).
     */
    public int levelsAtOrBetter(long limit) {
        long limitKey = sign * limit;
        if (!indexed) {
            int i = find(limitKey);
            int firstIncluded = i >= 0 ? i : -(i + 1);
            return count - firstIncluded;
        }
        if (count == 0 || limitKey > baseKey + best * grid) {
            return 0;
        }
        // The limit is at or below the best key, so inside or below the window: no overflow below.
        int from = 0;
        if (limitKey > baseKey) {
            long offset = limitKey - baseKey;
            from = (int) (offset / grid + (offset % grid == 0 ? 0 : 1));
        }
        int levels = 0;
        for (int slot = from; slot <= best; slot++) {
            if (slotSizes[slot] != 0) {
                levels++;
            }
        }
        if (farCount > 0 && limitKey < baseKey) {
            int i = search(limitKey, 0, farCount);
            levels += farCount - (i >= 0 ? i : -(i + 1));
        }
        return levels;
    }

    /**
     * Sets the level at {@code price} to {@code size}; a size of 0 removes it (a no-op when there is none).
     * Throws {@link ArithmeticException} before changing anything when the side's total size would overflow.
     */
    public void set(long price, long size) {
        long key = sign * price;
        if (indexed) {
            int slot = slotOf(key);
            if (slot >= 0) {
                setSlot(slot, size);
            } else if (key < baseKey && (farCount > 0 || size == 0)
                    && Long.remainderUnsigned(baseKey - key, grid) == 0) {
                // Below the window, on its grid (the difference read as unsigned cannot overflow).
                setFar(key, size);
            } else if (size != 0) {
                // Outside the window or off its grid, so there is no such level yet.
                Math.addExact(totalSize, size);
                if (key % tick == 0 && relayout(key, true)) {
                    slot = slotOf(key);
                    if (slot >= 0) {
                        setSlot(slot, size);
                    } else {
                        setFar(key, size);
                    }
                } else {
                    if (indexed) {
                        toSorted();
                    }
                    setSorted(key, size);
                }
            }
            return;
        }
        setSorted(key, size);
    }

    public void clear() {
        if (indexed) {
            Arrays.fill(slotSizes, 0, best + 1, 0);
        }
        indexed = true;
        best = -1;
        cursorLevel = -1;
        count = 0;
        farCount = 0;
        totalSize = 0;
    }

    // ------------------------------------------------------------------------------------- tick-indexed layout

    /** The slot of {@code key} in the window, or -1 when it is outside the window or off the grid. */
    private int slotOf(long key) {
        if (key < baseKey || key > lastKey) {
            return -1;
        }
        long offset = key - baseKey;
        // Many books quote in one raw unit per slot; skip the slow 64-bit division for them.
        if (grid == 1) {
            return (int) offset;
        }
        long slot = offset / grid;
        return slot * grid == offset ? (int) slot : -1;
    }

    private void setSlot(int slot, long size) {
        long[] s = slotSizes;
        long old = s[slot];
        if (size == 0) {
            if (old != 0) {
                s[slot] = 0;
                totalSize -= old;
                count--;
                cursorLevel = -1;
                if (slot == best) {
                    if (count > farCount) {
                        best = nextOccupiedBelow(slot);
                    } else {
                        best = -1;
                        if (farCount > 0) {
                            // The window emptied above far levels: move it down onto them.
                            relayout(0, false);
                        }
                    }
                }
            }
            return;
        }
        totalSize = Math.addExact(totalSize - old, size);
        s[slot] = size;
        if (old == 0) {
            count++;
            cursorLevel = -1;
            if (slot > best) {
                best = slot;
            }
        }
    }

    /** The highest occupied slot below {@code slot}; the caller knows there is one. */
    private int nextOccupiedBelow(int slot) {
        long[] s = slotSizes;
        int i = slot - 1;
        while (s[i] == 0) {
            i--;
        }
        return i;
    }

    /** The slot of level {@code level}, walking down from the cursor when the reads go best-first. */
    private int slotAtLevel(int level) {
        if (level == 0) {
            return best;
        }
        int at;
        int slot;
        if (cursorLevel >= 0 && cursorLevel <= level) {
            at = cursorLevel;
            slot = cursorSlot;
        } else {
            at = 0;
            slot = best;
        }
        for (; at < level; at++) {
            slot = nextOccupiedBelow(slot);
        }
        cursorLevel = level;
        cursorSlot = slot;
        return slot;
    }

    /**
     * Lays the levels and {@code key} (on the instrument's tick, not yet a level) out again on a grid that holds
     * them all: the current grid refined to the greatest common divisor with the new key's distance from the best
     * level, or, on an empty side, the coarsest power-of-ten multiple of the tick dividing {@code key}. The window
     * is centred on the levels and doubles when they fill more than half of it. Returns false when that would take
     * more than {@link #MAX_SLOTS} slots or a key would overflow; the caller then moves the levels to the sorted
     * layout (they may already be there).
     */
    private boolean relayout(long key, boolean withKey) {
        long newGrid = grid;
        long low = key;
        long high = key;
        if (count == 0) {
            newGrid = coarsestGrid(key);
        } else {
            if (withKey) {
                long bestKey = best >= 0 ? baseKey + best * grid : pairs[(farCount - 1) << 1];
                long distance = key - bestKey;
                if (((key ^ bestKey) & (key ^ distance)) < 0 || distance == Long.MIN_VALUE) {
                    return false;
                }
                newGrid = gcd(grid, Math.abs(distance));
            }
            toSorted();
            low = withKey ? Math.min(key, pairs[0]) : pairs[0];
            high = withKey ? Math.max(key, pairs[(count - 1) << 1]) : pairs[(count - 1) << 1];
        }
        long distance = high - low;
        if (distance < 0) {
            return false;
        }
        int length = slotSizes.length;
        long newBase;
        long newLast;
        try {
            if (distance / newGrid < MAX_SLOTS) {
                int span = (int) (distance / newGrid) + 1;
                while (length < span * 2 && length < MAX_SLOTS) {
                    length <<= 1;
                }
                newBase = Math.subtractExact(low, Math.multiplyExact((long) (length - span) / 2, newGrid));
            } else {
                // Too wide for one window: the window takes the top, the best level at three quarters.
                length = MAX_SLOTS;
                newBase = Math.subtractExact(high, Math.multiplyExact((long) MAX_SLOTS / 4 * 3, newGrid));
            }
            newLast = Math.addExact(newBase, Math.multiplyExact((long) length - 1, newGrid));
        } catch (ArithmeticException e) {
            return false;
        }
        // Levels below the window stay where toSorted put them, at the start of pairs: they are the far levels.
        int far = search(newBase, 0, count);
        far = far >= 0 ? far : -(far + 1);
        // Every slot is zero now (toSorted emptied them), so the old array can be reused as it is.
        long[] target = length == slotSizes.length ? slotSizes : new long[length];
        int slot = -1;
        for (int i = far; i < count; i++) {
            slot = (int) ((pairs[i << 1] - newBase) / newGrid);
            target[slot] = pairs[(i << 1) + 1];
        }
        slotSizes = target;
        grid = newGrid;
        baseKey = newBase;
        lastKey = newLast;
        best = slot;
        farCount = far;
        cursorLevel = -1;
        indexed = true;
        return true;
    }

    /** The largest tick × 10^k (k at most 6) that divides {@code key}: a first guess at the venue's grid. */
    private long coarsestGrid(long key) {
        long g = tick;
        for (int k = 0; k < 6 && g <= Long.MAX_VALUE / 10 && key % (g * 10) == 0; k++) {
            g *= 10;
        }
        return g;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /** Moves every level into the sorted layout after the far levels (already there), leaving the slots all zero. */
    private void toSorted() {
        if (pairs == null) {
            pairs = new long[Math.max(capacity, count + 1) * 2];
        } else if (pairs.length < (count + 1) * 2) {
            pairs = Arrays.copyOf(pairs, Math.max(capacity, count + 1) * 2);
        }
        int i = farCount;
        for (int slot = 0; slot <= best; slot++) {
            long size = slotSizes[slot];
            if (size != 0) {
                pairs[i << 1] = baseKey + slot * grid;
                pairs[(i << 1) + 1] = size;
                slotSizes[slot] = 0;
                i++;
            }
        }
        best = -1;
        farCount = 0;
        cursorLevel = -1;
        indexed = false;
    }

    // -------------------------------------------------------------------------------------------- far levels

    /** Sets a level below the window (tick-indexed layout, key on the grid); size 0 removes it. */
    private void setFar(long key, long size) {
        int i = search(key, 0, farCount);
        if (i >= 0) {
            int sizeAt = (i << 1) + 1;
            if (size == 0) {
                totalSize -= pairs[sizeAt];
                // Far levels are deep in the book and can be many, so the shift is a memmove, not a loop.
                System.arraycopy(pairs, (i + 1) << 1, pairs, i << 1, (farCount - i - 1) << 1);
                farCount--;
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
        if (pairs == null) {
            pairs = new long[Math.max(capacity, count + 1) * 2];
        } else if ((farCount + 1) << 1 > pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        System.arraycopy(pairs, at << 1, pairs, (at + 1) << 1, (farCount - at) << 1);
        pairs[at << 1] = key;
        pairs[(at << 1) + 1] = size;
        farCount++;
        count++;
        totalSize = newTotal;
    }

    // ------------------------------------------------------------------------------------------- sorted layout

    private void setSorted(long key, long size) {
        int i = find(key);
        if (i >= 0) {
            int sizeAt = (i << 1) + 1;
            if (size == 0) {
                totalSize -= pairs[sizeAt];
                closeSlot(i);
                if (count == 0) {
                    // Empty again: the next level may well be back on the grid.
                    indexed = true;
                }
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
