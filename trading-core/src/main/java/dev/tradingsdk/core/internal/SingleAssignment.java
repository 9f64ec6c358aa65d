package dev.tradingsdk.core.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a builder has been given, each at most once, as Caffeine's builders insist: a second value for an
 * option throws instead of silently replacing the first. Plain JDK values (durations, numbers, strings, enums)
 * appear in the message, and so do values given through {@link #onceShown}; anything else, such as a collaborator
 * that may hold keys (signers, clients, mappers), by its type only.
 * Core's builders share it; it is not exported.
 */
public final class SingleAssignment {

    private final Map<String, String> shownValues = new HashMap<>();

    public <T> T once(String option, T value) {
        return record(option, value, describe(value));
    }

    /** As {@link #once}, for a value whose {@code toString} the caller knows to hold no secret (a policy record). */
    public <T> T onceShown(String option, T value) {
        return record(option, value, String.valueOf(value));
    }

    private <T> T record(String option, T value, String shown) {
        String previous = shownValues.putIfAbsent(option, shown);
        if (previous != null) {
            throw new IllegalStateException(option + " set twice: " + previous + " and " + shown);
        }
        return value;
    }

    /** Refuses a second entry under {@code key} without printing either value (header values may be secrets). */
    public void onceWithoutValues(String option, String key) {
        if (shownValues.putIfAbsent(option + " " + key, "") != null) {
            throw new IllegalStateException(option + " " + key + " set twice");
        }
    }

    private static String describe(Object value) {
        if (value instanceof Duration || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
            || value instanceof String || value instanceof List) {
            return String.valueOf(value);
        }
        return "a " + value.getClass().getName();
    }
}
