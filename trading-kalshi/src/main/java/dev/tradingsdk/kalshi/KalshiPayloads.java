package dev.tradingsdk.kalshi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Kalshi JSON into the module's values. The 2026 fixed-point fields ({@code *_dollars}, {@code *_fp}) come
 * first; the integer cent and count fields removed on 2026-03-12 are read only when the new field is absent, so old
 * recordings still load. Decimal places vary between messages, so values are compared as numbers, never text.
 */
final class KalshiPayloads {

    static final int PRICE = KalshiInstruments.PRICE_PRECISION;
    static final int SIZE = KalshiInstruments.SIZE_PRECISION;
    static final int MONEY = KalshiInstruments.MONEY_PRECISION;
    private static final Price ONE = Price.ofRaw(FixedMath.powerOfTen(PRICE), PRICE);

    private KalshiPayloads() {
    }

    /**
     * A payload of the wrong shape, naming payload, field and value. A plain {@link IllegalArgumentException}, so
     * core's {@code RestCall.executeJson} reports it as a {@code ResponseDecodingException} naming the endpoint.
     */
    static IllegalArgumentException malformed(String payload, String field, String problem) {
        return new IllegalArgumentException(payload + ": field '" + field + "' " + problem);
    }

    static IllegalArgumentException malformed(String payload, String field, String problem, Throwable cause) {
        return new IllegalArgumentException(payload + ": field '" + field + "' " + problem, cause);
    }

    // ---- fields ----

    static boolean present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    static String text(JsonNode node, String field, String payload) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw malformed(payload, field, "is missing");
        }
        if (!value.isValueNode()) {
            throw malformed(payload, field, "must be a string, was " + value.getNodeType());
        }
        return value.asText();
    }

    static String optText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    static boolean bool(JsonNode node, String field, String payload) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw malformed(payload, field, value == null ? "is missing" : "must be true or false, was "
                + value);
        }
        return value.booleanValue();
    }

    static long integer(JsonNode node, String field, String payload) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw malformed(payload, field, value == null ? "is missing" : "must be an integer, was "
                + value);
        }
        return value.longValue();
    }

    private static BigDecimal decimal(JsonNode value, String field, String payload) {
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isTextual()) {
                return new BigDecimal(value.textValue().strip());
            }
        } catch (NumberFormatException e) {
            throw malformed(payload, field, "is not a decimal number: \"" + value.asText() + "\"", e);
        }
        throw malformed(payload, field, "must be a decimal string, was " + value);
    }

    static Price priceOf(JsonNode value, String field, String payload) {
        BigDecimal decimal = decimal(value, field, payload);
        try {
            return Price.of(decimal, PRICE, RoundingMode.UNNECESSARY);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw malformed(payload, field, "has more than " + PRICE + " decimals: "
                + decimal.toPlainString(), e);
        }
    }

    /** A dollar price: {@code dollarsField} (string), else {@code centsField} (legacy integer cents), else empty. */
    static Optional<Price> optPrice(JsonNode node, String dollarsField, String centsField, String payload) {
        if (present(node, dollarsField)) {
            return Optional.of(priceOf(node.get(dollarsField), dollarsField, payload));
        }
        if (centsField != null && present(node, centsField)) {
            return Optional.of(fromCents(node.get(centsField), centsField, payload));
        }
        return Optional.empty();
    }

    static Price price(JsonNode node, String dollarsField, String centsField, String payload) {
        return optPrice(node, dollarsField, centsField, payload)
            .orElseThrow(() -> malformed(payload, dollarsField, "is missing"));
    }

    static Price fromCents(JsonNode value, String field, String payload) {
        BigDecimal cents = decimal(value, field, payload);
        return priceOf(new DecimalNode(cents.movePointLeft(2)), field, payload);
    }

    static Quantity countOf(JsonNode value, String field, String payload) {
        BigDecimal decimal = decimal(value, field, payload);
        if (decimal.signum() < 0) {
            throw malformed(payload, field, "must not be negative, was " + decimal.toPlainString());
        }
        try {
            return Quantity.of(decimal, SIZE, RoundingMode.UNNECESSARY);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw malformed(payload, field, "has more than " + SIZE + " decimals: "
                + decimal.toPlainString(), e);
        }
    }

    /** A contract count: {@code fpField} (fixed-point string), else legacy integer {@code intField}, else zero. */
    static Quantity countOrZero(JsonNode node, String fpField, String intField, String payload) {
        return optCount(node, fpField, intField, payload).orElse(Quantity.zero(SIZE));
    }

    static Optional<Quantity> optCount(JsonNode node, String fpField, String intField, String payload) {
        if (present(node, fpField)) {
            return Optional.of(countOf(node.get(fpField), fpField, payload));
        }
        if (intField != null && present(node, intField)) {
            return Optional.of(countOf(node.get(intField), intField, payload));
        }
        return Optional.empty();
    }

    static Quantity count(JsonNode node, String fpField, String intField, String payload) {
        return optCount(node, fpField, intField, payload)
            .orElseThrow(() -> malformed(payload, fpField, "is missing"));
    }

    /** A signed count ({@code position_fp}) as BigDecimal at 2 decimals. */
    static BigDecimal signedCount(JsonNode node, String fpField, String intField, String payload) {
        String field = present(node, fpField) ? fpField : intField;
        if (field == null || !present(node, field)) {
            return BigDecimal.ZERO.setScale(SIZE);
        }
        BigDecimal value = decimal(node.get(field), field, payload);
        if (value.stripTrailingZeros().scale() > SIZE) {
            throw malformed(payload, field, "has more than " + SIZE + " decimals: "
                + value.toPlainString());
        }
        return value.setScale(SIZE, RoundingMode.UNNECESSARY);
    }

    static Money moneyOf(JsonNode value, String field, String payload) {
        BigDecimal decimal = decimal(value, field, payload);
        try {
            return Money.of(decimal, MONEY, RoundingMode.UNNECESSARY, Currency.USD);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw malformed(payload, field, "has more than " + MONEY + " decimals: "
                + decimal.toPlainString(), e);
        }
    }

    static Money moneyOrZero(JsonNode node, String dollarsField, String centsField, String payload) {
        if (present(node, dollarsField)) {
            return moneyOf(node.get(dollarsField), dollarsField, payload);
        }
        if (centsField != null && present(node, centsField)) {
            BigDecimal cents = decimal(node.get(centsField), centsField, payload);
            return Money.of(cents.movePointLeft(2), MONEY, RoundingMode.UNNECESSARY, Currency.USD);
        }
        return Money.ofRaw(0, MONEY, Currency.USD);
    }

    /** An RFC 3339 time, or Unix seconds when the field is a number. */
    static Optional<Instant> optInstant(JsonNode node, String field, String payload) {
        if (!present(node, field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (value.isIntegralNumber()) {
            return Optional.of(Instant.ofEpochSecond(value.longValue()));
        }
        String text = value.asText();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw malformed(payload, field, "is not an RFC 3339 time: \"" + text + "\"", e);
        }
    }

    static Instant instant(JsonNode node, String field, String payload) {
        return optInstant(node, field, payload)
            .orElseThrow(() -> malformed(payload, field, "is missing"));
    }

    static JsonNode array(JsonNode node, String field, String payload) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw malformed(payload, field, "must be an array, was " + value.getNodeType());
        }
        return value;
    }

    static JsonNode object(JsonNode node, String field, String payload) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw malformed(payload, field, value == null ? "is missing" : "must be an object, was "
                + value.getNodeType());
        }
        return value;
    }

    static Price complement(Price price) {
        return ONE.minus(price.withPrecision(PRICE, RoundingMode.UNNECESSARY));
    }

    // ---- exchange ----

    static ExchangeStatus exchangeStatus(JsonNode root) {
        String p = "exchange status";
        return new ExchangeStatus(bool(root, "exchange_active", p), bool(root, "trading_active", p),
            optInstant(root, "exchange_estimated_resume_time", p));
    }

    static ExchangeSchedule schedule(JsonNode root) {
        String p = "exchange schedule";
        JsonNode schedule = object(root, "schedule", p);
        List<ExchangeSchedule.StandardHours> hours = new ArrayList<>();
        for (JsonNode period : array(schedule, "standard_hours", p)) {
            Map<DayOfWeek, List<ExchangeSchedule.Session>> days = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                String name = day.name().toLowerCase(Locale.ROOT);
                List<ExchangeSchedule.Session> sessions = new ArrayList<>();
                for (JsonNode session : array(period, name, p)) {
                    sessions.add(new ExchangeSchedule.Session(time(session, "open_time", p), time(session, "close_time", p)));
                }
                days.put(day, List.copyOf(sessions));
            }
            hours.add(new ExchangeSchedule.StandardHours(instant(period, "start_time", p), instant(period, "end_time", p),
                days));
        }
        List<ExchangeSchedule.MaintenanceWindow> windows = new ArrayList<>();
        for (JsonNode window : array(schedule, "maintenance_windows", p)) {
            windows.add(new ExchangeSchedule.MaintenanceWindow(instant(window, "start_datetime", p),
                instant(window, "end_datetime", p)));
        }
        return new ExchangeSchedule(hours, windows);
    }

    private static LocalTime time(JsonNode node, String field, String payload) {
        String text = text(node, field, payload);
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(payload, field, "is not a HH:MM time: \"" + text + "\"", e);
        }
    }

    static Series series(JsonNode root) {
        JsonNode s = object(root, "series", "series");
        String ticker = text(s, "ticker", "series");
        String p = "series " + ticker;
        FeeType type;
        try {
            type = FeeType.parse(text(s, "fee_type", p));
        } catch (IllegalArgumentException e) {
            throw malformed(p, "fee_type", e.getMessage(), e);
        }
        if (!present(s, "fee_multiplier")) {
            throw malformed(p, "fee_multiplier", "is missing");
        }
        BigDecimal multiplier = decimal(s.get("fee_multiplier"), "fee_multiplier", p);
        if (multiplier.signum() < 0) {
            throw malformed(p, "fee_multiplier", "must not be negative, was "
                + multiplier.toPlainString());
        }
        return new Series(ticker, optText(s, "title"), optText(s, "category"), optText(s, "frequency"), type,
            multiplier);
    }

    // ---- markets ----

    static KalshiMarket market(JsonNode m) {
        String ticker = text(m, "ticker", "market");
        String p = "market " + ticker;
        List<PriceRange> ranges = new ArrayList<>();
        for (JsonNode range : array(m, "price_ranges", p)) {
            ranges.add(new PriceRange(price(range, "start", null, p), price(range, "end", null, p),
                price(range, "step", null, p)));
        }
        return new KalshiMarket(ticker, optText(m, "event_ticker"), optText(m, "market_type"),
            text(m, "status", p), optText(m, "title"), optInstant(m, "open_time", p), optInstant(m, "close_time", p),
            optPrice(m, "yes_bid_dollars", "yes_bid", p), optPrice(m, "yes_ask_dollars", "yes_ask", p),
            optPrice(m, "no_bid_dollars", "no_bid", p), optPrice(m, "no_ask_dollars", "no_ask", p),
            optPrice(m, "last_price_dollars", "last_price", p),
            countOrZero(m, "yes_bid_size_fp", "yes_bid_size", p), countOrZero(m, "yes_ask_size_fp", "yes_ask_size", p),
            countOrZero(m, "volume_fp", "volume", p), countOrZero(m, "volume_24h_fp", "volume_24h", p),
            countOrZero(m, "open_interest_fp", "open_interest", p),
            optText(m, "result") == null ? "" : optText(m, "result"),
            optPrice(m, "settlement_value_dollars", "settlement_value", p),
            optText(m, "price_level_structure"), ranges,
            present(m, "exchange_index") ? (int) integer(m, "exchange_index", p) : -1);
    }

    static List<KalshiMarket> markets(JsonNode array, String payload) {
        List<KalshiMarket> out = new ArrayList<>();
        if (array == null || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            throw malformed(payload, "markets", "must be an array, was " + array.getNodeType());
        }
        for (JsonNode m : array) {
            out.add(market(m));
        }
        return out;
    }

    static KalshiEvent event(JsonNode e, JsonNode topLevelMarkets) {
        String ticker = text(e, "event_ticker", "event");
        String p = "event " + ticker;
        List<KalshiMarket> markets = present(e, "markets") ? markets(e.get("markets"), p)
            : markets(topLevelMarkets, p);
        return new KalshiEvent(ticker, optText(e, "series_ticker"), optText(e, "title"), optText(e, "sub_title"),
            e.path("mutually_exclusive").asBoolean(false), optInstant(e, "strike_date", p), markets);
    }

    // ---- order books ----

    /**
     * A REST book: {@code {"orderbook_fp": {"yes_dollars": [[price, count]...], "no_dollars": [...]}}}, bids only,
     * ascending. An empty side may be {@code []}, null or absent. Legacy {@code {"orderbook": {...}}} is read too.
     */
    static KalshiOrderbook orderbook(String ticker, JsonNode root) {
        String p = "order book " + ticker;
        if (present(root, "orderbook_fp")) {
            JsonNode book = object(root, "orderbook_fp", p);
            return new KalshiOrderbook(ticker, levels(book, "yes_dollars", false, p), levels(book, "no_dollars", false, p));
        }
        if (present(root, "orderbook")) {
            JsonNode book = object(root, "orderbook", p);
            return new KalshiOrderbook(ticker, legacySide(book, "yes", p), legacySide(book, "no", p));
        }
        throw malformed(p, "orderbook_fp", "is missing");
    }

    /** A legacy side: {@code <side>_dollars} (string prices) if present, else {@code <side>} in integer cents. */
    static List<PriceLevel> legacySide(JsonNode book, String side, String payload) {
        if (present(book, side + "_dollars")) {
            return levels(book, side + "_dollars", false, payload);
        }
        return levels(book, side, true, payload);
    }

    static List<PriceLevel> levels(JsonNode book, String field, boolean cents, String payload) {
        List<PriceLevel> out = new ArrayList<>();
        JsonNode array = array(book, field, payload);
        for (int i = 0; i < array.size(); i++) {
            JsonNode level = array.get(i);
            String where = field + "[" + i + "]";
            if (!level.isArray() || level.size() < 2) {
                throw malformed(payload, where, "must be a [price, count] pair, was " + level);
            }
            Price price = cents ? fromCents(level.get(0), where, payload) : priceOf(level.get(0), where, payload);
            Quantity size = countOf(level.get(1), where, payload);
            if (size.isZero()) {
                throw malformed(payload, where, "has a zero count at price " + price);
            }
            out.add(new PriceLevel(price, size));
        }
        return out;
    }

    // ---- trades, candles ----

    static KalshiTrade trade(JsonNode t, String tickerField) {
        String id = text(t, "trade_id", "trade");
        String p = "trade " + id;
        Price yes = price(t, "yes_price_dollars", "yes_price", p);
        Optional<Price> no = optPrice(t, "no_price_dollars", "no_price", p);
        Outcome taker = Outcome.parseOrNull(optText(t, "taker_outcome_side"));
        if (taker == null) {
            taker = Outcome.parseOrNull(optText(t, "taker_side"));
        }
        Instant time = present(t, "ts_ms") ? Instant.ofEpochMilli(integer(t, "ts_ms", p))
            : present(t, "created_time") ? instant(t, "created_time", p) : instant(t, "ts", p);
        return new KalshiTrade(id, text(t, tickerField, p), yes, no.orElse(complement(yes)),
            count(t, "count_fp", "count", p), taker, time, t.path("is_block_trade").asBoolean(false));
    }

    static Candlestick candlestick(JsonNode c, String ticker) {
        String p = "candlestick of " + ticker;
        Instant end = Instant.ofEpochSecond(integer(c, "end_period_ts", p));
        JsonNode price = c.path("price");
        Optional<Candlestick.Ohlc> traded = price.isObject() && present(price, "close_dollars")
            ? Optional.of(ohlc(price, p + " price")) : Optional.empty();
        Optional<Price> previous = price.isObject() ? optPrice(price, "previous_dollars", "previous", p)
            : Optional.empty();
        return new Candlestick(end, ohlc(object(c, "yes_bid", p), p + " yes_bid"), ohlc(object(c, "yes_ask", p),
            p + " yes_ask"), traded, previous, countOrZero(c, "volume_fp", "volume", p),
            countOrZero(c, "open_interest_fp", "open_interest", p));
    }

    private static Candlestick.Ohlc ohlc(JsonNode node, String payload) {
        return new Candlestick.Ohlc(price(node, "open_dollars", "open", payload),
            price(node, "high_dollars", "high", payload), price(node, "low_dollars", "low", payload),
            price(node, "close_dollars", "close", payload));
    }

    // ---- portfolio ----

    static Balance balance(JsonNode root) {
        String p = "balance";
        Money balance = present(root, "balance_dollars") ? moneyOf(root.get("balance_dollars"), "balance_dollars", p)
            : centsMoney(root, "balance", p);
        Money value = present(root, "portfolio_value_dollars")
            ? moneyOf(root.get("portfolio_value_dollars"), "portfolio_value_dollars", p)
            : centsMoney(root, "portfolio_value", p);
        return new Balance(balance, value, optInstant(root, "updated_ts", p).orElse(null));
    }

    private static Money centsMoney(JsonNode node, String field, String payload) {
        return Money.of(BigDecimal.valueOf(integer(node, field, payload)).movePointLeft(2), MONEY,
            RoundingMode.UNNECESSARY, Currency.USD);
    }

    static MarketPosition position(JsonNode m) {
        String ticker = text(m, "ticker", "position");
        String p = "position " + ticker;
        BigDecimal net = signedCount(m, "position_fp", "position", p);
        Optional<Outcome> outcome = net.signum() > 0 ? Optional.of(Outcome.YES)
            : net.signum() < 0 ? Optional.of(Outcome.NO) : Optional.empty();
        return new MarketPosition(ticker, outcome, Quantity.of(net.abs(), SIZE),
            moneyOrZero(m, "total_traded_dollars", "total_traded", p),
            moneyOrZero(m, "market_exposure_dollars", "market_exposure", p),
            moneyOrZero(m, "realized_pnl_dollars", "realized_pnl", p),
            moneyOrZero(m, "fees_paid_dollars", "fees_paid", p));
    }

    /**
     * A REST or WebSocket fill. Direction: {@code outcome_side}, else {@code book_side} (on fills {@code bid} =
     * bought YES), else the legacy {@code purchased_side}; never the deprecated {@code side}/{@code action}.
     */
    static KalshiFill fill(JsonNode f) {
        String tradeId = present(f, "trade_id") ? text(f, "trade_id", "fill") : text(f, "fill_id", "fill");
        String p = "fill " + tradeId;
        Outcome outcome = Outcome.parseOrNull(optText(f, "outcome_side"));
        if (outcome == null) {
            BookSide side = BookSide.parseOrNull(optText(f, "book_side"));
            outcome = side == null ? Outcome.parseOrNull(optText(f, "purchased_side"))
                : side == BookSide.BID ? Outcome.YES : Outcome.NO;
        }
        if (outcome == null) {
            outcome = legacyDirection(optText(f, "side"), optText(f, "action"));
        }
        if (outcome == null) {
            throw malformed(p, "outcome_side", "is missing (and so are book_side, purchased_side "
                + "and side/action)");
        }
        String ticker = present(f, "market_ticker") ? text(f, "market_ticker", p) : text(f, "ticker", p);
        Instant time = present(f, "ts_ms") ? Instant.ofEpochMilli(integer(f, "ts_ms", p))
            : present(f, "created_time") ? instant(f, "created_time", p) : instant(f, "ts", p);
        Money fee = present(f, "fee_cost") ? moneyOf(f.get("fee_cost"), "fee_cost", p) : Money.ofRaw(0, MONEY, Currency.USD);
        return new KalshiFill(tradeId, text(f, "order_id", p), optText(f, "client_order_id"), ticker, outcome,
            price(f, "yes_price_dollars", "yes_price", p), count(f, "count_fp", "count", p),
            f.path("is_taker").asBoolean(false), fee, time);
    }

    /**
     * Fills recorded before outcome_side/book_side existed (before 2026-05-06) say only side and action: selling
     * YES is buying NO. Used only when the new fields are all absent.
     */
    private static Outcome legacyDirection(String side, String action) {
        Outcome traded = Outcome.parseOrNull(side);
        if (traded == null || action == null) {
            return null;
        }
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "buy" -> traded;
            case "sell" -> traded == Outcome.YES ? Outcome.NO : Outcome.YES;
            default -> null;
        };
    }

    static Settlement settlement(JsonNode s) {
        String ticker = text(s, "ticker", "settlement");
        String p = "settlement " + ticker;
        Money revenue = present(s, "revenue_dollars") ? moneyOf(s.get("revenue_dollars"), "revenue_dollars", p)
            : present(s, "revenue") ? centsMoney(s, "revenue", p) : Money.ofRaw(0, MONEY, Currency.USD);
        return new Settlement(ticker, optText(s, "event_ticker"), text(s, "market_result", p),
            countOrZero(s, "yes_count_fp", "yes_count", p), countOrZero(s, "no_count_fp", "no_count", p), revenue,
            present(s, "fee_cost") ? moneyOf(s.get("fee_cost"), "fee_cost", p) : Money.ofRaw(0, MONEY, Currency.USD),
            optInstant(s, "settled_time", p).orElse(null));
    }

    /** An Order read back; {@code book_side} on Orders encodes the outcome (bid = YES, ask = NO). */
    static KalshiOrder order(JsonNode o) {
        String id = text(o, "order_id", "order");
        String p = "order " + id;
        BookSide side = BookSide.parseOrNull(optText(o, "book_side"));
        if (side == null) {
            Outcome outcome = Outcome.parseOrNull(optText(o, "outcome_side"));
            if (outcome == null) {
                throw malformed(p, "book_side", "is missing (and so is outcome_side)");
            }
            side = outcome == Outcome.YES ? BookSide.BID : BookSide.ASK;
        }
        Price yes = optPrice(o, "yes_price_dollars", "yes_price", p)
            .orElseGet(() -> complement(price(o, "no_price_dollars", "no_price", p)));
        return new KalshiOrder(id, Optional.ofNullable(optText(o, "client_order_id")).filter(s -> !s.isEmpty()),
            text(o, "ticker", p), side, text(o, "status", p), yes,
            countOrZero(o, "fill_count_fp", "fill_count", p), countOrZero(o, "remaining_count_fp", "remaining_count", p),
            countOrZero(o, "initial_count_fp", "initial_count", p),
            moneyOrZero(o, "taker_fees_dollars", "taker_fees", p), moneyOrZero(o, "maker_fees_dollars", "maker_fees", p),
            optInstant(o, "created_time", p), optInstant(o, "last_update_time", p));
    }

    // ---- V2 order writes ----

    /** The error object of a body, flat ({@code code} at top level) or wrapped ({@code {"error": {...}}}); or null. */
    static VenueError venueError(JsonNode root) {
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode error = root.get("error");
        if (error != null && error.isObject()) {
            return new VenueError(optText(error, "code"), optText(error, "message"), optText(error, "details"));
        }
        if (error != null && error.isTextual()) {
            return new VenueError(null, error.textValue(), null);
        }
        return null;
    }

    static OrderAck orderAck(JsonNode root, String payload) {
        String orderId = optText(root, "order_id");
        if (orderId == null || orderId.isBlank()) {
            throw malformed(payload, "order_id", "is missing");
        }
        Optional<Price> average = Optional.empty();
        if (present(root, "average_fill_price")) {
            BigDecimal value = decimal(root.get("average_fill_price"), "average_fill_price", payload);
            average = Optional.of(Price.of(value, Math.max(PRICE, Math.min(9, value.stripTrailingZeros().scale())),
                RoundingMode.UNNECESSARY));
        }
        Optional<Money> fee = present(root, "average_fee_paid")
            ? Optional.of(moneyOf(root.get("average_fee_paid"), "average_fee_paid", payload)) : Optional.empty();
        return new OrderAck(orderId, optText(root, "client_order_id"), count(root, "fill_count", null, payload),
            count(root, "remaining_count", null, payload), average, fee,
            present(root, "ts_ms") ? integer(root, "ts_ms", payload) : 0, false);
    }

    static CancelAck cancelAck(JsonNode root, String payload) {
        return new CancelAck(text(root, "order_id", payload), optText(root, "client_order_id"),
            count(root, "reduced_by", "reduced_by_fp", payload),
            present(root, "ts_ms") ? integer(root, "ts_ms", payload) : 0);
    }

    static AmendAck amendAck(JsonNode root, String payload) {
        return new AmendAck(text(root, "order_id", payload), optText(root, "client_order_id"),
            optCount(root, "remaining_count", null, payload), optCount(root, "fill_count", null, payload),
            present(root, "ts_ms") ? integer(root, "ts_ms", payload) : 0);
    }
}
