package dev.tradingsdk.polymarket.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradingsdk.polymarket.dto.GammaEvent;
import dev.tradingsdk.polymarket.dto.GammaMarket;
import dev.tradingsdk.polymarket.order.TickSize;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Gamma API JSON: lenient about fields it does not use, strict about those it does. {@code outcomes},
 * {@code outcomePrices} and {@code clobTokenIds} arrive as JSON-encoded strings and are decoded twice.
 */
public final class GammaParser {
    private final ObjectMapper mapper;

    public GammaParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<GammaEvent> events(JsonNode array) {
        List<GammaEvent> events = new ArrayList<>();
        for (JsonNode node : requireArray(array, "events")) {
            events.add(event(node));
        }
        return events;
    }

    public GammaEvent event(JsonNode node) {
        List<GammaMarket> markets = new ArrayList<>();
        JsonNode marketNodes = node.path("markets");
        if (marketNodes.isArray()) {
            for (JsonNode market : marketNodes) {
                markets.add(market(market));
            }
        }
        return new GammaEvent(text(node, "id"), requiredText(node, "slug", "event"), text(node, "title"),
                instant(node, "startDate"), instant(node, "endDate"), node.path("active").asBoolean(false),
                node.path("closed").asBoolean(false), markets);
    }

    public List<GammaMarket> markets(JsonNode array) {
        List<GammaMarket> markets = new ArrayList<>();
        for (JsonNode node : requireArray(array, "markets")) {
            markets.add(market(node));
        }
        return markets;
    }

    public GammaMarket market(JsonNode node) {
        String slug = requiredText(node, "slug", "market");
        List<String> outcomes = stringList(node, "outcomes", slug);
        List<BigDecimal> prices = new ArrayList<>();
        for (String price : stringList(node, "outcomePrices", slug)) {
            try {
                prices.add(new BigDecimal(price));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("market " + slug + ": outcomePrices entry '" + price
                        + "' is not a decimal");
            }
        }
        JsonNode tick = node.get("orderPriceMinTickSize");
        return new GammaMarket(text(node, "id"), text(node, "conditionId"), text(node, "question"), slug, outcomes,
                prices, stringList(node, "clobTokenIds", slug), instant(node, "startDate"), instant(node, "endDate"),
                node.path("active").asBoolean(false), node.path("closed").asBoolean(false),
                node.path("acceptingOrders").asBoolean(false), node.path("negRisk").asBoolean(false),
                tick == null || tick.isNull() ? null : TickSize.of(tick.asText()),
                node.hasNonNull("orderMinSize") ? new BigDecimal(node.get("orderMinSize").asText()) : null);
    }

    /** Accepts the JSON-encoded string form Gamma sends and a plain array. */
    private List<String> stringList(JsonNode node, String field, String slug) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        JsonNode array = value;
        if (value.isTextual()) {
            try {
                array = mapper.readTree(value.asText());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("market " + slug + ": " + field + " is not a JSON-encoded array: "
                        + value.asText());
            }
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("market " + slug + ": " + field + " is not an array: " + value);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            out.add(item.asText());
        }
        return out;
    }

    private static JsonNode requireArray(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of " + what + ", got "
                    + (node == null ? "nothing" : node.getNodeType()));
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String requiredText(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " without '" + field + "'");
        }
        return value;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant: " + value);
        }
    }
}
