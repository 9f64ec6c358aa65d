package dev.tradingsdk.core.strategy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One feed in an {@link EngineStatus}: how many events it delivered and the timestamp of the latest. */
public record FeedStatus(String name, long events, Optional<Instant> lastEventTime) {

    public FeedStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastEventTime, "lastEventTime");
        if (events < 0) {
            throw new IllegalArgumentException("events must not be negative: " + events);
        }
    }
}
