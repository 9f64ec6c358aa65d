package dev.tradingsdk.polymarket.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.core.book.BookLevel;
import dev.tradingsdk.core.http.CursorPage;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.dto.BalanceAllowance;
import dev.tradingsdk.polymarket.dto.BookSnapshot;
import dev.tradingsdk.polymarket.dto.CancelResult;
import dev.tradingsdk.polymarket.dto.ClobMarket;
import dev.tradingsdk.polymarket.dto.ClobTrade;
import dev.tradingsdk.polymarket.dto.OpenOrder;
import dev.tradingsdk.polymarket.dto.PostOrderResult;
import dev.tradingsdk.polymarket.dto.UserTradeEvent;
import dev.tradingsdk.polymarket.order.ClobOrderType;
import dev.tradingsdk.polymarket.order.TickSize;
import dev.tradingsdk.polymarket.signing.ClobOrder;
import dev.tradingsdk.polymarket.signing.OrderStruct;
import dev.tradingsdk.polymarket.signing.SignedClobOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** CLOB REST JSON: order bodies out, responses in (lenient about extra fields, strict about used ones). */
public final class ClobJson {
    /** The {@code next_cursor} the CLOB returns on the last page of a listing ("-1" in base64). */
    static final String LAST_CURSOR = "LTE=";

    private final ObjectMapper mapper;

    public ClobJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The {@code POST /order} body of one signed order, in the field order of the official clients. */
    public ObjectNode orderBody(SignedClobOrder signed, String owner, ClobOrderType type, boolean postOnly) {
        ClobOrder o = signed.order();
        ObjectNode order = mapper.createObjectNode();
        order.put("salt", o.salt());
        order.put("maker", o.maker().toChecksumHex());
        order.put("signer", o.signer().toChecksumHex());
        boolean v1 = signed.domain().struct() == OrderStruct.V1;
        if (v1) {
            order.put("taker", o.taker().toChecksumHex());
        }
        order.put("tokenId", o.tokenId().toString());
        order.put("makerAmount", Long.toString(o.makerAmount()));
        order.put("takerAmount", Long.toString(o.takerAmount()));
        if (v1) {
            order.put("expiration", Long.toString(o.expiration()));
            order.put("nonce", Long.toString(o.nonce()));
            order.put("feeRateBps", Long.toString(o.feeRateBps()));
            order.put("side", o.side().name());
            order.put("signatureType", o.signatureType().code());
        } else {
            order.put("side", o.side().name());
            order.put("expiration", Long.toString(o.expiration()));
            order.put("signatureType", o.signatureType().code());
            order.put("timestamp", Long.toString(o.timestamp()));
            order.put("metadata", o.metadataHex());
            order.put("builder", o.builderHex());
        }
        order.put("signature", signed.signature());
        ObjectNode body = mapper.createObjectNode();
        body.set("order", order);
        body.put("owner", owner);
        body.put("orderType", type.name());
        if (!v1) {
            body.put("deferExec", false);
        }
        body.put("postOnly", postOnly);
        return body;
    }

    public ArrayNode array() {
        return mapper.createArrayNode();
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    public BookSnapshot book(JsonNode node) {
        String assetId = required(node, "asset_id");
        List<BookLevel> bids = levels(node.path("bids"), true);
        List<BookLevel> asks = levels(node.path("asks"), false);
        boolean crossed = !bids.isEmpty() && !asks.isEmpty()
                && bids.get(0).price().compareTo(asks.get(0).price()) >= 0;
        return new BookSnapshot(assetId, text(node, "market"), bids, asks, longValue(node, "timestamp"),
                text(node, "hash"), crossed);
    }

    private static List<BookLevel> levels(JsonNode levels, boolean bids) {
        if (!levels.isArray()) {
            throw new IllegalArgumentException("book " + (bids ? "bids" : "asks") + " is not an array");
        }
        List<BookLevel> out = new ArrayList<>();
        for (JsonNode level : levels) {
            out.add(new BookLevel(price(level, "price"), quantity(level, "size")));
        }
        // The REST book lists bids ascending and asks descending (best last); present best first.
        out.sort((a, b) -> bids ? b.price().compareTo(a.price()) : a.price().compareTo(b.price()));
        return out;
    }

    /** A CLOB page; the CLOB ends a listing with the cursor {@value #LAST_CURSOR} rather than an empty one. */
    public <T> CursorPage<T> page(JsonNode node, Function<JsonNode, T> item) {
        List<T> data = new ArrayList<>();
        JsonNode items = node.path("data");
        if (!items.isArray()) {
            throw new IllegalArgumentException("paginated response without a 'data' array");
        }
        for (JsonNode element : items) {
            data.add(item.apply(element));
        }
        String next = text(node, "next_cursor");
        return LAST_CURSOR.equals(next) ? CursorPage.last(data) : CursorPage.of(data, next);
    }

    public ClobMarket market(JsonNode node) {
        List<ClobMarket.Token> tokens = new ArrayList<>();
        for (JsonNode token : node.path("tokens")) {
            tokens.add(new ClobMarket.Token(required(token, "token_id"), text(token, "outcome"),
                    decimal(token, "price"), token.path("winner").asBoolean(false)));
        }
        JsonNode tick = node.get("minimum_tick_size");
        return new ClobMarket(required(node, "condition_id"), text(node, "question"), text(node, "market_slug"),
                tokens, tick == null || tick.isNull() || tick.asText().isEmpty() ? null : TickSize.of(tick.asText()),
                decimal(node, "minimum_order_size"), node.path("neg_risk").asBoolean(false),
                node.path("active").asBoolean(false), node.path("closed").asBoolean(false),
                node.path("accepting_orders").asBoolean(false), text(node, "end_date_iso"));
    }

    public PostOrderResult postResult(JsonNode node) {
        JsonNode hashes = node.has("transactionsHashes") ? node.get("transactionsHashes")
                : node.path("transactionHashes");
        return new PostOrderResult(node.path("success").asBoolean(false), text(node, "errorMsg"),
                text(node, "orderID"), text(node, "status"), text(node, "makingAmount"), text(node, "takingAmount"),
                strings(hashes), strings(node.path("tradeIDs")));
    }

    public CancelResult cancelResult(JsonNode node) {
        Map<String, String> notCanceled = new LinkedHashMap<>();
        JsonNode rejected = node.path("not_canceled");
        Iterator<Map.Entry<String, JsonNode>> fields = rejected.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            notCanceled.put(entry.getKey(), entry.getValue().asText());
        }
        return new CancelResult(strings(node.path("canceled")), notCanceled);
    }

    public OpenOrder openOrder(JsonNode node) {
        return new OpenOrder(required(node, "id"), text(node, "status"), text(node, "market"),
                text(node, "asset_id"), side(node), price(node, "price"),
                quantity(node, "original_size"), quantity(node, "size_matched"),
                text(node, "outcome"), text(node, "order_type"), longValue(node, "expiration"),
                longValue(node, "created_at"));
    }

    public ClobTrade trade(JsonNode node) {
        return new ClobTrade(required(node, "id"), text(node, "market"), text(node, "asset_id"), side(node),
                price(node, "price"), quantity(node, "size"), tradeStatus(node),
                text(node, "taker_order_id"), text(node, "outcome"), longValue(node, "match_time"));
    }

    public BalanceAllowance balanceAllowance(JsonNode node) {
        Map<String, BigInteger> allowances = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("allowances").properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            allowances.put(entry.getKey(), integer(entry.getValue().asText(), "allowance"));
        }
        if (node.hasNonNull("allowance")) {
            allowances.put("", integer(node.get("allowance").asText(), "allowance"));
        }
        return new BalanceAllowance(integer(required(node, "balance"), "balance"), allowances);
    }

    private static BigInteger integer(String text, String field) {
        try {
            return new BigInteger(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not an integer");
        }
    }

    /** A trade status, with or without the {@code TRADE_STATUS_} prefix some responses use. */
    public static UserTradeEvent.Status tradeStatus(JsonNode node) {
        return enumValue(UserTradeEvent.Status.class,
                required(node, "status").toUpperCase(Locale.ROOT).replace("TRADE_STATUS_", ""), "trade status");
    }

    /** The constant named {@code name}, or a {@link IllegalArgumentException} naming {@code what}. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + name + "' is unknown");
        }
    }

    public static Side side(JsonNode node) {
        String side = required(node, "side").toUpperCase(Locale.ROOT);
        return switch (side) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new IllegalArgumentException("side '" + side + "' is neither BUY nor SELL");
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode item : array) {
                out.add(item.asText());
            }
        }
        return out;
    }

    /** A non-negative decimal price, or a {@link IllegalArgumentException} naming the field and value. */
    public static Price price(JsonNode node, String field) {
        String value = nonNegativeDecimal(node, field);
        try {
            return Price.of(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " '" + excerpt(value) + "' is not a price: " + e.getMessage());
        }
    }

    /** A non-negative price with at most {@code precision} decimals. */
    public static Price price(JsonNode node, String field, int precision) {
        String value = nonNegativeDecimal(node, field);
        try {
            return Price.of(value, precision);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " '" + excerpt(value) + "' does not fit " + precision
                    + " decimals: " + e.getMessage());
        }
    }

    /** A non-negative decimal quantity, or a {@link IllegalArgumentException} naming the field and value. */
    public static Quantity quantity(JsonNode node, String field) {
        String value = nonNegativeDecimal(node, field);
        try {
            return Quantity.of(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " '" + excerpt(value) + "' is not a quantity: "
                    + e.getMessage());
        }
    }

    private static String nonNegativeDecimal(JsonNode node, String field) {
        String value = required(node, field);
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + excerpt(value) + "' is not a decimal number");
        }
        if (parsed.signum() < 0) {
            throw new IllegalArgumentException(field + " '" + excerpt(value) + "' is negative");
        }
        return value;
    }

    /** Bounded, so a huge hostile field cannot flood a message or a log line. */
    private static String excerpt(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…(" + value.length() + " chars)";
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("response without '" + field + "'");
        }
        return value;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not a decimal");
        }
    }

    private static long longValue(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not an integer");
        }
    }
}
