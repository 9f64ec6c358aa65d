package dev.tradingsdk.polymarket.internal;

import dev.tradingsdk.core.book.OrderBook;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import java.util.Arrays;

/**
 * One outcome token's core {@link OrderBook} (prices and sizes at 6 decimals, the CLOB's resolution) plus the
 * CLOB's market id, timestamp and hash, and whether it waits for a fresh snapshot. Guarded by its own monitor.
 */
public final class AssetBook {
    public static final int PRECISION = 6;
    public static final Venue VENUE = Venue.of("POLYMARKET");

    private final String assetId;
    private final OrderBook book;
    private String market;
    private long timestampMillis;
    private String hash;
    private boolean awaitingSnapshot = true;
    private long updates;
    private long[] bidPrices = new long[64];
    private long[] bidSizes = new long[64];
    private long[] askPrices = new long[64];
    private long[] askSizes = new long[64];
    private int bidCount;
    private int askCount;

    public AssetBook(String assetId) {
        this.assetId = assetId;
        this.book = new OrderBook(Instrument.builder(assetId, VENUE).assetClass(AssetClass.BINARY_OUTCOME)
                .quoteCurrency(Currency.PUSD).pricePrecision(PRECISION).sizePrecision(PRECISION).build());
    }

    public OrderBook book() {
        return book;
    }

    /** Starts collecting a snapshot's levels (replaces the book on {@link #commitSnapshot()}). */
    public void beginSnapshot() {
        bidCount = 0;
        askCount = 0;
    }

    /** Adds a snapshot level; zero sizes (which a snapshot should not hold) are skipped. */
    public void addSnapshotLevel(boolean bid, long price, long size) {
        if (size == 0) {
            return;
        }
        if (bid) {
            if (bidCount == bidPrices.length) {
                bidPrices = Arrays.copyOf(bidPrices, bidCount * 2);
                bidSizes = Arrays.copyOf(bidSizes, bidCount * 2);
            }
            bidPrices[bidCount] = price;
            bidSizes[bidCount++] = size;
        } else {
            if (askCount == askPrices.length) {
                askPrices = Arrays.copyOf(askPrices, askCount * 2);
                askSizes = Arrays.copyOf(askSizes, askCount * 2);
            }
            askPrices[askCount] = price;
            askSizes[askCount++] = size;
        }
    }

    public void commitSnapshot() {
        book.applySnapshotRaw(bidPrices, bidSizes, bidCount, askPrices, askSizes, askCount);
        awaitingSnapshot = false;
    }

    /** Sets the aggregate size at a level; 0 removes it. */
    public void applyDelta(boolean bid, long price, long size) {
        book.applyDeltaRaw(bid ? Side.BUY : Side.SELL, price, size);
    }

    /** After a drop: empty until the next snapshot. */
    public void invalidate() {
        book.clear();
        awaitingSnapshot = true;
    }

    public void stamp(String marketId, long timestamp, String bookHash) {
        if (marketId != null) {
            market = marketId;
        }
        if (timestamp > 0) {
            timestampMillis = timestamp;
            book.markUpdate(++updates, Math.multiplyExact(timestamp, 1_000_000L));
        }
        hash = bookHash;
    }

    public boolean awaitingSnapshot() {
        return awaitingSnapshot;
    }

    public BookSnapshot snapshot() {
        return new BookSnapshot(assetId, market, book.depth(Side.BUY, Integer.MAX_VALUE),
                book.depth(Side.SELL, Integer.MAX_VALUE), timestampMillis, hash, book.isCrossed() || book.isLocked());
    }
}
