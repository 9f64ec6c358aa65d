package dev.tradingsdk.core.risk.internal;

import java.util.Arrays;

/**
 * Remembers at least the last {@code capacity} keys (at most twice as many) without allocating per key: two
 * open-addressing generations; when the current one is full the older one is cleared and reused. Not
 * thread-safe.
 */
public final class IdWindow {

    private final int capacity;
    private final int mask;
    private Object[] current;
    private Object[] previous;
    private int currentSize;

    public IdWindow(int capacity) {
        if (capacity <= 0 || capacity > (1 << 28)) {
            throw new IllegalArgumentException("capacity must be in 1..2^28, was " + capacity);
        }
        this.capacity = capacity;
        int tableSize = Integer.highestOneBit(capacity * 2 - 1) << 1;
        this.mask = tableSize - 1;
        this.current = new Object[tableSize];
        this.previous = new Object[tableSize];
    }

    public boolean contains(Object key) {
        return find(current, key) || find(previous, key);
    }

    /** Adds {@code key}; returns false when it was already remembered. */
    public boolean add(Object key) {
        if (contains(key)) {
            return false;
        }
        if (currentSize == capacity) {
            Object[] recycled = previous;
            Arrays.fill(recycled, null);
            previous = current;
            current = recycled;
            currentSize = 0;
        }
        int i = spread(key.hashCode()) & mask;
        while (current[i] != null) {
            i = (i + 1) & mask;
        }
        current[i] = key;
        currentSize++;
        return true;
    }

    /**
     * Forgets {@code key} if the current generation holds it (an acceptance taken back right after
     * {@link #add}); returns whether it was there.
     */
    public boolean remove(Object key) {
        int i = spread(key.hashCode()) & mask;
        while (current[i] != null && !current[i].equals(key)) {
            i = (i + 1) & mask;
        }
        if (current[i] == null) {
            return false;
        }
        current[i] = null;
        currentSize--;
        // Linear probing: move later keys of the same run back into the hole so lookups still reach them.
        for (int j = (i + 1) & mask; current[j] != null; j = (j + 1) & mask) {
            int home = spread(current[j].hashCode()) & mask;
            boolean homeInHoleToJ = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!homeInHoleToJ) {
                current[i] = current[j];
                current[j] = null;
                i = j;
            }
        }
        return true;
    }

    private boolean find(Object[] table, Object key) {
        int i = spread(key.hashCode()) & mask;
        Object k;
        while ((k = table[i]) != null) {
            if (k.equals(key)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
