package dev.tradingsdk.brokers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Strict readers for the fields an adapter uses. Venues send decimals as strings or as numbers (Alpaca does both
 * for the same field), so both parse, exactly, into {@link BigDecimal}. A missing or malformed field throws
 * {@link IllegalArgumentException} naming it.
 */
public final class Fields {

    private Fields() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a value");
        }
        return v.asText();
    }

    /** The field's text, or null when it is absent or JSON null. */
    public static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        BigDecimal d = optionalDecimal(node, field);
        if (d == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return d;
    }

    /**
     * A decimal from a string or a number; null when absent or JSON null. Thousands separators and the IBKR
     * snapshot prefixes {@code C} (previous close) and {@code H} (halted) are removed first.
     */
    public static BigDecimal optionalDecimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        String text = v.asText().trim().replace(",", "");
        if (text.startsWith("C") || text.startsWith("H")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + field + "' is not a decimal: \"" + v.asText() + "\"", e);
        }
    }

    public static Instant optionalInstant(JsonNode node, String field) {
        String t = optionalText(node, field);
        if (t == null || t.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("field '" + field + "' is not an RFC 3339 time: \"" + t + "\"", e);
        }
    }

    /** A price at {@code minPrecision} or the value's own scale if larger (at most 9 decimals), exactly. */
    public static Price price(BigDecimal value, int minPrecision) {
        return Price.of(value, precision(value, minPrecision));
    }

    public static Quantity quantity(BigDecimal value, int minPrecision) {
        return Quantity.of(value, precision(value, minPrecision));
    }

    private static int precision(BigDecimal value, int minPrecision) {
        int scale = Math.max(value.stripTrailingZeros().scale(), 0);
        if (scale > FixedMath.MAX_PRECISION) {
            // A venue's float artefact such as 197.3840027 has fewer decimals; beyond nine digits we round.
            return FixedMath.MAX_PRECISION;
        }
        return Math.max(minPrecision, scale);
    }

    /** {@code value} at exactly {@code precision}, half-even, for prices that must sit on an instrument's grid. */
    public static BigDecimal scaled(BigDecimal value, int precision) {
        return value.setScale(precision, RoundingMode.HALF_EVEN);
    }

    /**
     * {@code value} at exactly {@code precision}, the grid of {@code symbol}'s prices or sizes; a finer value is
     * refused naming the field and value, never rounded.
     */
    public static BigDecimal onGrid(BigDecimal value, String field, int precision, String symbol) {
        if (value.stripTrailingZeros().scale() > precision) {
            throw new IllegalArgumentException("field '" + field + "' is " + value.toPlainString() + ", finer than "
                    + symbol + "'s precision " + precision);
        }
        return value.setScale(precision);
    }
}
