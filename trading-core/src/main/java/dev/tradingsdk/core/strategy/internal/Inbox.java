package dev.tradingsdk.core.strategy.internal;

import dev.tradingsdk.core.market.MarketEvent;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's inbox: inputs from any thread to the one loop thread, first in first out, unbounded. It replaces
 * a {@code LinkedBlockingQueue}, which allocated a node per input and a condition node each time the loop waited:
 * here the inputs sit in a ring of arrays under this object's monitor, grown by doubling (so it allocates only
 * when it holds more inputs than ever before), and the loop waits by parking, which allocates nothing. A market
 * event, the input that comes most often, is stored as its parts ({@link #addMarketEvent}) and handed to the loop
 * in one reused holder ({@link MarketHolder}), so it costs no object either.
 *
 * <p>Producers call {@link #add} and {@link #addMarketEvent} from any thread; {@link #poll}, {@link #poll(long)}
 * and the holder belong to the one consumer, which must handle what a poll returns before it polls again.
 */
final class Inbox<T> {

    /** Receives a polled market event's parts and returns the (reused) input that carries them. */
    interface MarketHolder<T> {
        T hold(Object source, MarketEvent event, long stampNanos);
    }

    private final MarketHolder<T> holder;
    /** Slot {@code i} holds either an input ({@code items[i]}) or a market event ({@code events[i]}, its source, stamp). */
    private Object[] items;
    private Object[] sources;
    private MarketEvent[] events;
    private long[] stamps;
    private long head;
    private long tail;
    /**
     * {@code tail - head}, readable without the monitor: a REPLAY loop asks {@link #isEmpty} on every event, and
     * a monitor enter costs more than the rest of a no-op event's handling.
     */
    private volatile int size;
    private volatile Thread parked;

    Inbox(int initialCapacity, MarketHolder<T> holder) {
        if (initialCapacity < 1 || Integer.bitCount(initialCapacity) != 1) {
            throw new IllegalArgumentException("initialCapacity must be a power of two, was " + initialCapacity);
        }
        this.holder = holder;
        items = new Object[initialCapacity];
        sources = new Object[initialCapacity];
        events = new MarketEvent[initialCapacity];
        stamps = new long[initialCapacity];
    }

    void add(T input) {
        if (input == null) {
            throw new NullPointerException("input");
        }
        synchronized (this) {
            int i = claim();
            items[i] = input;
        }
        wake();
    }

    /** Adds a market event from {@code source} that arrived at {@code stampNanos}, without an object for it. */
    void addMarketEvent(Object source, MarketEvent event, long stampNanos) {
        if (event == null) {
            throw new NullPointerException("event");
        }
        synchronized (this) {
            int i = claim();
            sources[i] = source;
            events[i] = event;
            stamps[i] = stampNanos;
        }
        wake();
    }

    private int claim() {
        if (tail - head == items.length) {
            grow();
        }
        size++;
        return (int) (tail++ & (items.length - 1));
    }

    private void wake() {
        Thread waiting = parked;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The oldest input, or null when there is none. */
    T poll() {
        Object source;
        MarketEvent event;
        long stamp;
        if (size == 0) {
            return null;
        }
        synchronized (this) {
            if (head == tail) {
                return null;
            }
            size--;
            int i = (int) (head++ & (items.length - 1));
            Object item = items[i];
            if (item != null) {
                items[i] = null;
                @SuppressWarnings("unchecked")
                T input = (T) item;
                return input;
            }
            source = sources[i];
            event = events[i];
            stamp = stamps[i];
            sources[i] = null;
            events[i] = null;
        }
        return holder.hold(source, event, stamp);
    }

    /** The oldest input, waiting up to {@code timeoutNanos} for one; null when none came. */
    T poll(long timeoutNanos) throws InterruptedException {
        T input = poll();
        if (input != null || timeoutNanos <= 0) {
            return input;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        parked = Thread.currentThread();
        try {
            while (true) {
                // Both volatile: either this poll sees a producer's size, or that producer, reading parked after
                // writing size, sees this thread and unparks it, so the park below returns.
                input = poll();
                if (input != null) {
                    return input;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            parked = null;
        }
    }

    /** Removes {@code input} (compared by identity) if it is still waiting; a rare path (a timed-out task). */
    synchronized boolean remove(T input) {
        int mask = items.length - 1;
        for (long s = head; s < tail; s++) {
            if (items[(int) (s & mask)] == input) {
                for (long t = s; t + 1 < tail; t++) {
                    int to = (int) (t & mask);
                    int from = (int) ((t + 1) & mask);
                    items[to] = items[from];
                    sources[to] = sources[from];
                    events[to] = events[from];
                    stamps[to] = stamps[from];
                }
                int last = (int) ((tail - 1) & mask);
                items[last] = null;
                sources[last] = null;
                events[last] = null;
                tail--;
                size--;
                return true;
            }
        }
        return false;
    }

    private void grow() {
        int n = items.length;
        Object[] newItems = new Object[n * 2];
        Object[] newSources = new Object[n * 2];
        MarketEvent[] newEvents = new MarketEvent[n * 2];
        long[] newStamps = new long[n * 2];
        for (int k = 0; k < n; k++) {
            int from = (int) ((head + k) & (n - 1));
            newItems[k] = items[from];
            newSources[k] = sources[from];
            newEvents[k] = events[from];
            newStamps[k] = stamps[from];
        }
        items = newItems;
        sources = newSources;
        events = newEvents;
        stamps = newStamps;
        tail -= head;
        head = 0;
    }
}
