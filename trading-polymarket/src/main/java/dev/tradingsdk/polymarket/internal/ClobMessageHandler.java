package dev.tradingsdk.polymarket.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.ClobStreamListener;
import dev.tradingsdk.polymarket.MalformedPayloadException;
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

/**
 * Turns CLOB WebSocket messages into book updates and listener calls. Lenient about unknown fields and event
 * types, strict about the fields it uses. Price changes for an asset are ignored until its snapshot arrives, so a
 * book never mixes state from before and after a reconnect.
 */
public final class ClobMessageHandler {
    private final ObjectMapper mapper;
    private final ClobStreamListener listener;
    private final Map<String, AssetBook> books = new ConcurrentHashMap<>();
    private final Map<String, TickSize> tickSizes = new ConcurrentHashMap<>();

    public ClobMessageHandler(ObjectMapper mapper, ClobStreamListener listener) {
        this.mapper = mapper;
        this.listener = listener;
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
            listener.onMalformedMessage(text, new MalformedPayloadException("not JSON: " + e.getOriginalMessage()));
        } catch (MalformedPayloadException | IllegalArgumentException | ArithmeticException e) {
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
            book.beginSnapshot();
            addLevels(book, true, bids);
            addLevels(book, false, asks);
            book.commitSnapshot();
            book.stamp(text(event, "market"), millis(event), text(event, "hash"));
            snapshot = book.snapshot();
        }
        listener.onBook(snapshot);
    }

    private void addLevels(AssetBook book, boolean bid, JsonNode levels) {
        if (!levels.isArray()) {
            throw new MalformedPayloadException("book " + (bid ? "bids" : "asks") + " is not an array");
        }
        for (JsonNode level : levels) {
            book.addSnapshotLevel(bid, raw(level, "price"), raw(level, "size"));
        }
    }

    private void onPriceChange(JsonNode event) {
        if (event.has("price_changes")) {
            // Schema since 2025-09-15: one entry per asset/level, each with its own asset_id.
            List<String> touched = new ArrayList<>();
            for (JsonNode change : event.get("price_changes")) {
                String assetId = required(change, "asset_id");
                if (applyChange(assetId, change, event)) {
                    if (!touched.contains(assetId)) {
                        touched.add(assetId);
                    }
                }
            }
            touched.forEach(this::publish);
        } else {
            // Older schema: one asset_id at the top with a "changes" array.
            String assetId = required(event, "asset_id");
            boolean applied = false;
            for (JsonNode change : event.path("changes")) {
                applied |= applyChange(assetId, change, event);
            }
            if (applied) {
                publish(assetId);
            }
        }
    }

    private boolean applyChange(String assetId, JsonNode change, JsonNode event) {
        AssetBook book = books.get(assetId);
        if (book == null) {
            return false;
        }
        synchronized (book) {
            if (book.awaitingSnapshot()) {
                return false;
            }
            book.applyDelta(ClobJson.side(change) == Side.BUY, raw(change, "price"), raw(change, "size"));
            book.stamp(text(event, "market"), millis(event), text(change, "hash"));
            return true;
        }
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

    private static long raw(JsonNode node, String field) {
        return Price.of(required(node, field), AssetBook.PRECISION).raw();
    }

    private static Price price(JsonNode node, String field) {
        return Price.of(required(node, field));
    }

    private static Price optionalPrice(JsonNode node, String field) {
        String value = text(node, field);
        return value == null || value.isEmpty() ? null : Price.of(value);
    }

    private static Quantity quantity(JsonNode node, String field) {
        return Quantity.of(required(node, field));
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
            throw new MalformedPayloadException("timestamp '" + value.asText() + "' is not an integer");
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
            throw new MalformedPayloadException(node.path("event_type").asText("message") + " without '" + field + "'");
        }
        return value;
    }
}
