package dev.tradingsdk.core.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a builder has been given, each at most once, as Caffeine's builders insist: a second value for an
 * option throws instead of silently replacing the first. Plain values (durations, numbers, strings, policies)
 * appear in the message; collaborators, which may hold keys (signers, clients, mappers), by their type only.
 */
final class SingleAssignment {

    private final Map<String, Object> given = new HashMap<>();

    <T> T once(String option, T value) {
        Object previous = given.putIfAbsent(option, value);
        if (previous != null) {
            throw new IllegalStateException(option + " set twice: " + describe(previous) + " and " + describe(value));
        }
        return value;
    }

    /** Refuses a second entry under {@code key} without printing either value (header values may be secrets). */
    void onceWithoutValues(String option, String key) {
        if (given.putIfAbsent(option + " " + key, Boolean.TRUE) != null) {
            throw new IllegalStateException(option + " " + key + " set twice");
        }
    }

    private static String describe(Object value) {
        if (value instanceof Duration || value instanceof Number || value instanceof String || value instanceof List
            || value instanceof RateLimit || value instanceof RetryPolicy || value instanceof BackoffPolicy) {
            return String.valueOf(value);
        }
        return "a " + value.getClass().getName();
    }
}
