package dev.tradingsdk.core.journal;

/**
 * A state saved after applying every event up to and including {@code sequence}.
 *
 * @param sequence the last event folded into the state (0 = before any event)
 * @param state    the decoded state
 */
public record Snapshot<S>(long sequence, S state) {
}
