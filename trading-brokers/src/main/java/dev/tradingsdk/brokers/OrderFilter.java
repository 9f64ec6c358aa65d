package dev.tradingsdk.brokers;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which orders {@link Broker#orders} returns.
 *
 * @param status  open, closed (filled, canceled, rejected, expired) or all
 * @param symbols only these symbols; empty for all
 * @param after   only orders submitted after this instant, or null
 * @param until   only orders submitted until this instant, or null
 * @param limit   at most this many, 1..500
 */
public record OrderFilter(Status status, Set<String> symbols, Instant after, Instant until, int limit) {

    /** Largest page any adapter asks its venue for. */
    public static final int MAX_LIMIT = 500;

    public enum Status { OPEN, CLOSED, ALL }

    public OrderFilter {
        Objects.requireNonNull(status, "status");
        symbols = Set.copyOf(symbols);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (after != null && until != null && !after.isBefore(until)) {
            throw new IllegalArgumentException("after " + after + " must be before until " + until);
        }
    }

    public static OrderFilter open() {
        return new OrderFilter(Status.OPEN, Set.of(), null, null, MAX_LIMIT);
    }

    public static OrderFilter closed() {
        return new OrderFilter(Status.CLOSED, Set.of(), null, null, MAX_LIMIT);
    }

    public static OrderFilter all() {
        return new OrderFilter(Status.ALL, Set.of(), null, null, MAX_LIMIT);
    }

    public OrderFilter withSymbols(String... only) {
        return new OrderFilter(status, Set.of(only), after, until, limit);
    }

    public OrderFilter withLimit(int max) {
        return new OrderFilter(status, symbols, after, until, max);
    }

    public OrderFilter between(Instant from, Instant to) {
        return new OrderFilter(status, symbols, from, to, limit);
    }

    /** Whether an order of {@code symbol}, open or not, submitted at {@code submittedAt}, passes. */
    public boolean matches(String symbol, boolean isOpen, Instant submittedAt) {
        if (status == Status.OPEN && !isOpen || status == Status.CLOSED && isOpen) {
            return false;
        }
        if (!symbols.isEmpty() && !symbols.contains(symbol)) {
            return false;
        }
        return (after == null || submittedAt.isAfter(after)) && (until == null || !submittedAt.isAfter(until));
    }
}
