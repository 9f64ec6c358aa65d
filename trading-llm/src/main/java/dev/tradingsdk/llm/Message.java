package dev.tradingsdk.llm;

import java.util.List;
import java.util.Objects;

/** One turn of the conversation. */
public record Message(Role role, List<ContentBlock> content) {

    public Message {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(content);
        if (content.isEmpty()) {
            throw new IllegalArgumentException("a " + role + " message needs at least one content block");
        }
    }

    public static Message user(String text) {
        return new Message(Role.USER, List.of(new ContentBlock.Text(text)));
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, List.of(new ContentBlock.Text(text)));
    }

    public static Message of(Role role, List<ContentBlock> content) {
        return new Message(role, content);
    }
}
