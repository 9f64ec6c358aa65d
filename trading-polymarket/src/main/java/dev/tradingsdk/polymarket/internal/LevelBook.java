package dev.tradingsdk.polymarket.internal;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.polymarket.BookLevel;
import dev.tradingsdk.polymarket.BookSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal L2 book of raw micro-unit prices and sizes (6 decimals, the CLOB's resolution), used until core's
 * OrderBook is available to this module. Not thread-safe; owned by the stream's message thread.
 */
public final class LevelBook {
    public static final int PRECISION = 6;

    private final String assetId;
    private final TreeMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, Long> asks = new TreeMap<>();
    private String market;
    private long timestampMillis;
    private String hash;
    private boolean awaitingSnapshot = true;

    public LevelBook(String assetId) {
        this.assetId = assetId;
    }

    public void clear() {
        bids.clear();
        asks.clear();
    }

    /** Sets the aggregate size at a level; 0 removes it. */
    public void set(boolean bid, long price, long size) {
        TreeMap<Long, Long> side = bid ? bids : asks;
        if (size == 0) {
            side.remove(price);
        } else {
            side.put(price, size);
        }
    }

    public void stamp(String marketId, long timestamp, String bookHash) {
        if (marketId != null) {
            market = marketId;
        }
        if (timestamp > 0) {
            timestampMillis = timestamp;
        }
        hash = bookHash;
    }

    public boolean awaitingSnapshot() {
        return awaitingSnapshot;
    }

    public void awaitingSnapshot(boolean awaiting) {
        awaitingSnapshot = awaiting;
    }

    public boolean crossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
    }

    public BookSnapshot snapshot() {
        return new BookSnapshot(assetId, market, levels(bids), levels(asks), timestampMillis, hash, crossed());
    }

    private static List<BookLevel> levels(TreeMap<Long, Long> side) {
        List<BookLevel> out = new ArrayList<>(side.size());
        for (Map.Entry<Long, Long> level : side.entrySet()) {
            out.add(new BookLevel(Price.ofRaw(level.getKey(), PRECISION), Quantity.ofRaw(level.getValue(), PRECISION)));
        }
        return out;
    }
}
