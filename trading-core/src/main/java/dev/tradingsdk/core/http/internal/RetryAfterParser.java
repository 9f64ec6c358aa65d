package dev.tradingsdk.core.http.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, relative to the given wall clock. */
public final class RetryAfterParser {

    private RetryAfterParser() {
    }

    /**
     * @return the delay, zero for a date in the past, or null if the value is absent or unreadable
     */
    public static Duration parse(String value, long nowMillis) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Duration.ofSeconds(Long.parseLong(trimmed));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            long at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return Duration.ofMillis(Math.max(0, at - nowMillis));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads a millisecond variant such as {@code Retry-After-Ms} (used by OpenAI and Anthropic). */
    public static Duration parseMillis(String value) {
        if (value == null) {
            return null;
        }
        try {
            double millis = Double.parseDouble(value.trim());
            return millis >= 0 && millis < 1e12 ? Duration.ofNanos((long) (millis * 1_000_000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
