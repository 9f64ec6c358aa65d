package dev.tradingsdk.llm;

/** Who wrote a message. The system prompt is not a message: it is {@link LlmRequest#system()}. */
public enum Role {
    USER, ASSISTANT
}
