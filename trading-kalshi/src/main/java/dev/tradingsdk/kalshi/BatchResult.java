package dev.tradingsdk.kalshi;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a V2 batch answer: the venue answers 201/200 even when some entries failed, so each entry is
 * either a result or an error.
 *
 * @param key the client order id (batch create) or order id (batch cancel) of the entry
 */
public record BatchResult<T>(String key, Optional<T> result, Optional<VenueError> error) {

    public BatchResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(error, "error");
        if (result.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("batch entry " + key + " must have exactly one of result and error");
        }
    }

    public boolean succeeded() {
        return result.isPresent();
    }
}
