package dev.tradingsdk.llm.prompt;

import dev.tradingsdk.llm.internal.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * A rendered prompt: the system and user text, the decision time it was cut at, and its hash (SHA-256 of the
 * system text, a NUL separator and the user text), recorded with every call.
 */
public record Prompt(String system, String user, Instant decisionTime, String hash) {

    public Prompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(decisionTime, "decisionTime");
        Objects.requireNonNull(hash, "hash");
    }

    static Prompt of(String system, String user, Instant decisionTime) {
        return new Prompt(system, user, decisionTime, Json.sha256(system + "\u0000" + user));
    }
}
