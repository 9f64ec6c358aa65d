package dev.tradingsdk.core.sweep;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One configuration of a sweep: named parameter values in declaration order, kept as canonical decimal or plain
 * text so that two equal configurations print, hash and compare the same on every machine. Immutable and
 * serializable (Spark ships it to executors).
 */
public final class ParameterSet implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> values;

    private ParameterSet(LinkedHashMap<String, String> values) {
        this.values = values;
    }

    /** A configuration from {@code name → value} pairs, in the map's iteration order. */
    public static ParameterSet of(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            copy.put(checkName(e.getKey()), checkValue(e.getKey(), e.getValue()));
        }
        return new ParameterSet(copy);
    }

    /** A configuration from alternating names and values: {@code of("fast", "10", "slow", "50")}. */
    public static ParameterSet of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues must alternate names and values, got "
                    + namesAndValues.length + " strings");
        }
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = checkName(namesAndValues[i]);
            if (map.put(name, checkValue(name, namesAndValues[i + 1])) != null) {
                throw new IllegalArgumentException("parameter " + name + " is given twice");
            }
        }
        return new ParameterSet(map);
    }

    static String checkName(String name) {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("parameter name must be a letter followed by letters, digits, '_' or"
                    + " '.', was \"" + name + "\"");
        }
        return name;
    }

    private static String checkValue(String name, String value) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n'
                || c == '\r' || c == '=' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("parameter " + name + " must be non-empty text without commas,"
                    + " quotes, '=' or control characters, was \"" + value + "\"");
        }
        return value;
    }

    /** The value of {@code name}; throws naming the parameter and the ones that exist when it is absent. */
    public String get(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + name + " in " + this);
        }
        return v;
    }

    /** The value of {@code name} as a whole number; throws naming it when it is not one. */
    public int integer(String name) {
        String v = get(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " is not a whole number: " + v, e);
        }
    }

    /** The value of {@code name} as an exact decimal; throws naming it when it is not one. */
    public BigDecimal decimal(String name) {
        String v = get(name);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + " is not a decimal: " + v, e);
        }
    }

    /** Names and values, in declaration order; unmodifiable. */
    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** {@code name=value} pairs joined by commas, in declaration order: the configuration's identity. */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet p && canonical().equals(p.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return "{" + canonical() + "}";
    }
}
