package dev.tradingsdk.kalshi;

import java.util.HashMap;
import java.util.Map;

/**
 * The options a builder of this module was given: a second call of one is refused, naming the first value and the
 * second, so a later line cannot silently undo an earlier one. Each builder says what of a value an error may show.
 */
final class GivenOptions {

    private final Map<String, String> shown = new HashMap<>();

    /** Records {@code option}, refusing a second setting; {@code shownAs} is what the error may print. */
    <T> T first(String option, T value, String shownAs) {
        String earlier = shown.putIfAbsent(option, shownAs);
        if (earlier != null) {
            throw new IllegalStateException(option + " set twice: " + earlier + " and " + shownAs);
        }
        return value;
    }

    /** As {@link #first(String, Object, String)} for a value whose text holds no secret (a number, a duration). */
    <T> T first(String option, T value) {
        return first(option, value, String.valueOf(value));
    }

    /** As {@link #first(String, Object, String)}, showing only the value's type (a signer, a client, a function). */
    <T> T firstOfType(String option, T value) {
        String type = value.getClass().getSimpleName();
        return first(option, value, "a " + (type.isEmpty() ? value.getClass().getName() : type));
    }

    boolean has(String option) {
        return shown.containsKey(option);
    }

    /** What an error may show of {@code option}'s value; only for an option that {@link #has} been given. */
    String shown(String option) {
        return shown.get(option);
    }
}
