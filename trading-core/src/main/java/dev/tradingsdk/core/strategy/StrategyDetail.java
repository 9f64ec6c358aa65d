package dev.tradingsdk.core.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link StatusDetailSource} strategy publishes about itself in {@link StrategyStatus#detail()}: a short
 * level an operator scans for (a risk level, "WARMING_UP") and named figures in the strategy's order, as text so
 * a status endpoint renders any strategy's detail the same way. Immutable.
 *
 * @param level  the strategy's own state word, not blank
 * @param fields figures by name, iteration in the order given
 */
public record StrategyDetail(String level, Map<String, String> fields) {

    public StrategyDetail {
        Objects.requireNonNull(level, "level");
        if (level.isBlank()) {
            throw new IllegalArgumentException("level must not be blank");
        }
        Objects.requireNonNull(fields, "fields");
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("field names must not be blank: " + fields.keySet());
            }
            copy.put(name, Objects.requireNonNull(e.getValue(), () -> "value of field " + name));
        }
        fields = Collections.unmodifiableMap(copy);
    }

    /** A detail with a level only. */
    public static StrategyDetail of(String level) {
        return new StrategyDetail(level, Map.of());
    }
}
