package dev.tradingsdk.core.options;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's greeks per underlying at one time, as {@link AccountGreeks#snapshot()} copied them: what an agent
 * reads as a tool result or a status page shows. Immutable.
 *
 * @param accountId            the account
 * @param computedAtNanos      when the figures were computed, nanoseconds since the epoch
 * @param underlyings          one row per underlying of the greeks book, in the book's order
 * @param positionsOutsideBook open positions in instruments the greeks book does not price
 */
public record GreeksSnapshot(String accountId, long computedAtNanos, List<Underlying> underlyings,
                             int positionsOutsideBook) {

    public GreeksSnapshot {
        Objects.requireNonNull(accountId, "accountId");
        underlyings = List.copyOf(underlyings);
    }

    /** The row of {@code underlying}, if the book has it. */
    public Optional<Underlying> of(String underlying) {
        return underlyings.stream().filter(u -> u.underlying().equals(underlying)).findFirst();
    }

    /**
     * The greeks of the positions on one underlying; {@code complete} is false when a position could not be
     * priced (its figures are then missing from the sums).
     */
    public record Underlying(String underlying, double netDelta, double gamma, double vega, double theta,
                             boolean complete) {
    }
}
