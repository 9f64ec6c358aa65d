package dev.tradingsdk.llm.council;

import dev.tradingsdk.llm.LlmClient;
import java.util.Objects;

/** One model on the council: a name (never shown to the other members), its client and model id. */
public record CouncilMember(String name, LlmClient client, String model) {

    public CouncilMember {
        if (name == null || !name.matches("[A-Za-z0-9_.:-]{1,40}")) {
            throw new IllegalArgumentException("member name must be 1-40 characters of [A-Za-z0-9_.:-], was \""
                + name + "\"");
        }
        Objects.requireNonNull(client, "client");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model of member " + name + " must not be blank");
        }
    }
}
