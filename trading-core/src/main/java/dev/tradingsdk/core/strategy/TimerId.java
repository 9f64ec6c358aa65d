package dev.tradingsdk.core.strategy;

import java.util.Objects;

/** A scheduled timer: unique within an engine run ({@code sequence}), with the name its strategy gave it. */
public record TimerId(long sequence, String name) {

    public TimerId {
        Objects.requireNonNull(name, "name");
        if (sequence <= 0) {
            throw new IllegalArgumentException("sequence must be positive: " + sequence);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }
}
