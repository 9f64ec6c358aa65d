package dev.tradingsdk.kalshi;

/** Kalshi's {@code {code, message, details}} error object, as carried by a failed batch entry. */
public record VenueError(String code, String message, String details) {
}
