package dev.tradingsdk.core.strategy.internal;

import dev.tradingsdk.core.order.ClientOrderId;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's orders by client order id, in insertion order, like a {@code LinkedHashMap} but without an
 * entry object per put: the entries are the engine's own (reused) order slots, linked to each other, in an
 * open-addressing table (linear probing, at most half full, backward-shift removal). Grows by doubling, so it
 * allocates only while the number of orders it holds reaches a new high. Not thread-safe.
 */
final class OrderTable<E extends OrderTable.Entry> {

    /** What the table links and indexes; an entry is in at most one table at a time. */
    abstract static class Entry {
        ClientOrderId key;
        Entry before;
        Entry after;
    }

    private Entry[] slots = new Entry[16];
    private int size;
    private Entry head;
    private Entry tail;

    int size() {
        return size;
    }

    E get(ClientOrderId key) {
        Entry[] t = slots;
        int mask = t.length - 1;
        for (int i = index(key, mask); t[i] != null; i = (i + 1) & mask) {
            if (t[i].key.equals(key)) {
                return cast(t[i]);
            }
        }
        return null;
    }

    boolean containsKey(ClientOrderId key) {
        return get(key) != null;
    }

    /** Adds {@code entry} under {@code key}, last in order; the key must not be present. */
    void put(ClientOrderId key, E entry) {
        if (entry.key != null) {
            throw new IllegalStateException("entry of " + entry.key + " is already in a table");
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        entry.key = key;
        insert(slots, entry);
        size++;
        entry.before = tail;
        entry.after = null;
        if (tail == null) {
            head = entry;
        } else {
            tail.after = entry;
        }
        tail = entry;
    }

    /** Removes {@code entry}, which must be in this table. */
    void remove(E entry) {
        Entry[] t = slots;
        int mask = t.length - 1;
        int i = index(entry.key, mask);
        while (t[i] != entry) {
            if (t[i] == null) {
                throw new IllegalStateException("entry of " + entry.key + " is not in this table");
            }
            i = (i + 1) & mask;
        }
        t[i] = null;
        // Linear probing: move later entries of the same run back into the hole so lookups still reach them.
        for (int j = (i + 1) & mask; t[j] != null; j = (j + 1) & mask) {
            int home = index(t[j].key, mask);
            boolean homeInHoleToJ = i <= j ? home > i && home <= j : home > i || home <= j;
            if (!homeInHoleToJ) {
                t[i] = t[j];
                t[j] = null;
                i = j;
            }
        }
        size--;
        if (entry.before == null) {
            head = entry.after;
        } else {
            entry.before.after = entry.after;
        }
        if (entry.after == null) {
            tail = entry.before;
        } else {
            entry.after.before = entry.before;
        }
        entry.key = null;
        entry.before = null;
        entry.after = null;
    }

    /** The first entry in insertion order, or null; walk on with {@link #next}. */
    E first() {
        return cast(head);
    }

    E next(E entry) {
        return cast(entry.after);
    }

    /** A copy of the entries in insertion order, for walks that may change the table. */
    List<E> values() {
        List<E> copy = new ArrayList<>(size);
        for (Entry e = head; e != null; e = e.after) {
            copy.add(cast(e));
        }
        return copy;
    }

    private void grow() {
        Entry[] bigger = new Entry[slots.length * 2];
        for (Entry e = head; e != null; e = e.after) {
            insert(bigger, e);
        }
        slots = bigger;
    }

    private static void insert(Entry[] t, Entry entry) {
        int mask = t.length - 1;
        int i = index(entry.key, mask);
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = entry;
    }

    private static int index(ClientOrderId key, int mask) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) * 0x9E3779B9 & mask;
    }

    @SuppressWarnings("unchecked")
    private E cast(Entry e) {
        return (E) e;
    }
}
