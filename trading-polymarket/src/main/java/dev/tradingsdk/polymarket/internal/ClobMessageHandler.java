package dev.tradingsdk.polymarket.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.ClobStreamListener;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.dto.LastTrade;
import dev.tradingsdk.polymarket.dto.UserOrderEvent;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
import dev.tradingsdk.polymarket.order.TickSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Turns CLOB WebSocket messages into book updates and listener calls. Lenient about unknown fields and event
 * types, strict about the fields it uses. Price changes for an asset are ignored until its snapshot arrives, so a
 * book never mixes state from before and after a reconnect. A message applies whole or not at all: every value is
 * parsed before any book changes, and a snapshot or delta the book cannot take leaves that book stale (listener
 * told) until the next snapshot, never half-updated and served as fresh.
 */
public final class ClobMessageHandler {
    private final ObjectMapper mapper;
    private final ClobStreamListener listener;
    private final Map<String, AssetBook> books = new ConcurrentHashMap<>();
    private final Map<String, TickSize> tickSizes = new ConcurrentHashMap<>();
    private final BiConsumer<String, TickSize> tickSink;
    private volatile long lastMessageNanos = System.nanoTime();

    public ClobMessageHandler(ObjectMapper mapper, ClobStreamListener listener) {
        this(mapper, listener, (asset, tick) -> {
        });
    }

    /** {@code tickSink} also receives every {@code tick_size_change} (e.g. a client's tick cache). */
    public ClobMessageHandler(ObjectMapper mapper, ClobStreamListener listener, BiConsumer<String, TickSize> tickSink) {
        this.mapper = mapper;
        this.listener = listener;
        this.tickSink = tickSink;
    }

    /** {@link System#nanoTime()} of the last frame received, PONG replies included. */
    public long lastMessageNanos() {
        return lastMessageNanos;
    }

    /** The current book of an asset, if a snapshot has arrived since the last (re)connect. */
    public Optional<BookSnapshot> book(String assetId) {
        AssetBook book = books.get(assetId);
        if (book == null) {
            return Optional.empty();
        }
        synchronized (book) {
            return book.awaitingSnapshot() ? Optional.empty() : Optional.of(book.snapshot());
        }
    }

    public Optional<TickSize> tickSize(String assetId) {
        return Optional.ofNullable(tickSizes.get(assetId));
    }

    /** After a drop: every book waits for its fresh snapshot. */
    public void connectionLost() {
        for (AssetBook book : books.values()) {
            synchronized (book) {
                book.invalidate();
            }
        }
        listener.onBooksStale();
    }

    public void handle(String text) {
        lastMessageNanos = System.nanoTime();
        String trimmed = text.strip();
        if (trimmed.isEmpty() || "PONG".equalsIgnoreCase(trimmed) || "PING".equalsIgnoreCase(trimmed)) {
            return;
        }
        try {
            JsonNode root = mapper.readTree(trimmed);
            if (root.isArray()) {
                for (JsonNode event : root) {
                    dispatch(event);
                }
            } else {
                dispatch(root);
            }
        } catch (JsonProcessingException e) {
            listener.onMalformedMessage(text, new IllegalArgumentException("not JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            listener.onMalformedMessage(text, e);
        }
    }

    private void dispatch(JsonNode event) {
        String type = event.path("event_type").asText("");
        switch (type) {
            case "book" -> onBook(event);
            case "price_change" -> onPriceChange(event);
            case "tick_size_change" -> onTickSizeChange(event);
            case "last_trade_price" -> onLastTrade(event);
            case "best_bid_ask" -> listener.onBestBidAsk(required(event, "asset_id"),
                    optionalPrice(event, "best_bid"), optionalPrice(event, "best_ask"));
            case "order" -> listener.onOrder(order(event));
            case "trade" -> listener.onTrade(trade(event));
            default -> {
                // new_market, market_resolved and future event types are not used by this client
            }
        }
    }

    private AssetBook bookOf(String assetId) {
        return books.computeIfAbsent(assetId, AssetBook::new);
    }

    private void onBook(JsonNode event) {
        String assetId = required(event, "asset_id");
        JsonNode bids = event.has("bids") ? event.get("bids") : event.path("buys");
        JsonNode asks = event.has("asks") ? event.get("asks") : event.path("sells");
        AssetBook book = bookOf(assetId);
        BookSnapshot snapshot;
        synchronized (book) {
            try {
                long[][] bidLevels = levels(bids, "bids");
                long[][] askLevels = levels(asks, "asks");
                long millis = millis(event);
                book.beginSnapshot();
                for (long[] level : bidLevels) {
                    book.addSnapshotLevel(true, level[0], level[1]);
                }
                for (long[] level : askLevels) {
                    book.addSnapshotLevel(false, level[0], level[1]);
                }
                book.commitSnapshot();
                book.stamp(text(event, "market"), millis, text(event, "hash"));
            } catch (RuntimeException e) {
                // The old book must not be served as fresh after a snapshot that could not be taken.
                book.invalidate();
                listener.onBookStale(assetId, "book snapshot not applied: " + e.getMessage());
                throw e;
            }
            snapshot = book.snapshot();
        }
        listener.onBook(snapshot);
    }

    private static long[][] levels(JsonNode levels, String side) {
        if (!levels.isArray()) {
            throw new IllegalArgumentException("book " + side + " is not an array");
        }
        long[][] parsed = new long[levels.size()][];
        for (int i = 0; i < parsed.length; i++) {
            JsonNode level = levels.get(i);
            parsed[i] = new long[] {raw(level, "price"), raw(level, "size")};
        }
        return parsed;
    }

    /** One parsed level update of a price_change message. */
    private record Change(String assetId, boolean bid, long price, long size, String hash) {
    }

    private void onPriceChange(JsonNode event) {
        List<String> assets = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        try {
            if (event.has("price_changes")) {
                // Schema since 2025-09-15: one entry per asset/level, each with its own asset_id.
                for (JsonNode change : event.get("price_changes")) {
                    String assetId = change.path("asset_id").asText("");
                    if (!assetId.isEmpty() && !assets.contains(assetId)) {
                        assets.add(assetId);
                    }
                }
                for (JsonNode change : event.get("price_changes")) {
                    changes.add(change(required(change, "asset_id"), change));
                }
            } else {
                // Older schema: one asset_id at the top with a "changes" array.
                String assetId = required(event, "asset_id");
                assets.add(assetId);
                for (JsonNode change : event.path("changes")) {
                    changes.add(change(assetId, change));
                }
            }
        } catch (RuntimeException e) {
            assets.forEach(asset -> markStale(asset, "price_change not applied: " + e.getMessage()));
            throw e;
        }
        String market = text(event, "market");
        long millis = millis(event);
        for (String assetId : assets) {
            if (apply(assetId, changes, market, millis)) {
                publish(assetId);
            }
        }
    }

    private Change change(String assetId, JsonNode change) {
        return new Change(assetId, ClobJson.side(change) == Side.BUY, raw(change, "price"), raw(change, "size"),
                text(change, "hash"));
    }

    /** Applies every change of one asset, or leaves its book stale if the book refuses one of them. */
    private boolean apply(String assetId, List<Change> changes, String market, long millis) {
        AssetBook book = books.get(assetId);
        if (book == null) {
            return false;
        }
        synchronized (book) {
            if (book.awaitingSnapshot()) {
                return false;
            }
            try {
                for (Change change : changes) {
                    if (change.assetId().equals(assetId)) {
                        book.applyDelta(change.bid(), change.price(), change.size());
                        book.stamp(market, millis, change.hash());
                    }
                }
            } catch (RuntimeException e) {
                book.invalidate();
                listener.onBookStale(assetId, "price_change not applied: " + e.getMessage());
                throw new IllegalArgumentException("price_change for " + assetId + " not applied, book stale until "
                        + "the next snapshot: " + e.getMessage());
            }
            return true;
        }
    }

    private void markStale(String assetId, String reason) {
        AssetBook book = books.get(assetId);
        if (book == null) {
            return;
        }
        synchronized (book) {
            if (book.awaitingSnapshot()) {
                return;
            }
            book.invalidate();
        }
        listener.onBookStale(assetId, reason);
    }

    private void publish(String assetId) {
        AssetBook book = books.get(assetId);
        BookSnapshot snapshot;
        synchronized (book) {
            snapshot = book.snapshot();
        }
        listener.onBook(snapshot);
    }

    private void onTickSizeChange(JsonNode event) {
        String assetId = required(event, "asset_id");
        TickSize oldTick = TickSize.of(required(event, "old_tick_size"));
        TickSize newTick = TickSize.of(required(event, "new_tick_size"));
        tickSizes.put(assetId, newTick);
        tickSink.accept(assetId, newTick);
        listener.onTickSizeChange(assetId, oldTick, newTick);
    }

    private void onLastTrade(JsonNode event) {
        listener.onLastTrade(new LastTrade(required(event, "asset_id"), text(event, "market"), price(event, "price"),
                quantity(event, "size"), ClobJson.side(event), event.path("fee_rate_bps").asLong(0), millis(event)));
    }

    private UserOrderEvent order(JsonNode event) {
        UserOrderEvent.Type parsed = ClobJson.enumValue(UserOrderEvent.Type.class,
                required(event, "type").toUpperCase(Locale.ROOT), "order event type");
        return new UserOrderEvent(required(event, "id"), parsed, text(event, "market"), text(event, "asset_id"),
                ClobJson.side(event), price(event, "price"), quantity(event, "original_size"),
                quantity(event, "size_matched"), text(event, "outcome"), millis(event));
    }

    private UserTradeEvent trade(JsonNode event) {
        UserTradeEvent.Status parsed = ClobJson.tradeStatus(event);
        List<String> makerOrders = new ArrayList<>();
        for (JsonNode maker : event.path("maker_orders")) {
            makerOrders.add(maker.path("order_id").asText());
        }
        return new UserTradeEvent(required(event, "id"), parsed, text(event, "market"), text(event, "asset_id"),
                ClobJson.side(event), price(event, "price"), quantity(event, "size"), text(event, "taker_order_id"),
                makerOrders, millis(event));
    }

    /** A non-negative book value at the CLOB's 6 decimals, or a {@link IllegalArgumentException} naming it. */
    private static long raw(JsonNode node, String field) {
        return ClobJson.price(node, field, AssetBook.PRECISION).raw();
    }

    private static Price price(JsonNode node, String field) {
        return ClobJson.price(node, field);
    }

    private static Price optionalPrice(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isEmpty() ? null : ClobJson.price(node, field);
    }

    private static Quantity quantity(JsonNode node, String field) {
        return ClobJson.quantity(node, field);
    }

    /** Timestamps arrive as millisecond strings (market channel) or second numbers (some user events). */
    private static long millis(JsonNode node) {
        JsonNode value = node.get("timestamp");
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return 0;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp '" + value.asText() + "' is not an integer");
        }
        return parsed < 100_000_000_000L ? Math.multiplyExact(parsed, 1000L) : parsed;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(node.path("event_type").asText("message") + " without '" + field + "'");
        }
        return value;
    }
}
