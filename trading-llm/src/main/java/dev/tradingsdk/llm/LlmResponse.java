package dev.tradingsdk.llm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The model's answer with everything needed to account for it and replay it: the normalised content, why it
 * stopped, the usage, the exact request and response bytes, how many HTTP attempts it took and how long.
 *
 * @param id            the provider's message id (or the replayed one)
 * @param model         the model that answered, as the provider reports it
 * @param content       answer blocks in order (text, tool calls, thinking)
 * @param stopReason    normalised stop reason
 * @param rawStopReason the provider's own value, e.g. {@code "end_turn"} or {@code "length"}
 * @param refusal       the refusal text when the provider gives one separately (OpenAI {@code message.refusal})
 * @param usage         normalised tokens
 * @param requestBytes  the request body sent
 * @param responseBytes the response body received
 * @param requestId     the provider's request id header, if any
 * @param attempts      HTTP attempts made (1 without retries)
 * @param latency       from the first attempt to the parsed answer, backoff included
 */
public record LlmResponse(String id, String model, List<ContentBlock> content, StopReason stopReason,
                          String rawStopReason, String refusal, Usage usage, byte[] requestBytes,
                          byte[] responseBytes, String requestId, int attempts, Duration latency) {

    public LlmResponse {
        Objects.requireNonNull(model, "model");
        content = List.copyOf(content);
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(usage, "usage");
        requestBytes = requestBytes == null ? new byte[0] : requestBytes.clone();
        responseBytes = responseBytes == null ? new byte[0] : responseBytes.clone();
        Objects.requireNonNull(latency, "latency");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
        }
    }

    @Override
    public byte[] requestBytes() {
        return requestBytes.clone();
    }

    @Override
    public byte[] responseBytes() {
        return responseBytes.clone();
    }

    public String responseText() {
        return new String(responseBytes, StandardCharsets.UTF_8);
    }

    /** The answer's text blocks joined with newlines; thinking blocks and tool calls are left out. */
    public String text() {
        return content.stream().filter(ContentBlock.Text.class::isInstance).map(b -> ((ContentBlock.Text) b).text())
            .collect(Collectors.joining("\n"));
    }

    public List<ContentBlock.ToolUse> toolUses() {
        return content.stream().filter(ContentBlock.ToolUse.class::isInstance).map(ContentBlock.ToolUse.class::cast)
            .toList();
    }

    public Optional<String> refusalText() {
        return Optional.ofNullable(refusal);
    }

    /** The same answer as an assistant message, to continue the conversation after tool calls. */
    public Message asMessage() {
        List<ContentBlock> blocks = content.stream().filter(b -> !(b instanceof ContentBlock.Thinking)).toList();
        return new Message(Role.ASSISTANT, blocks.isEmpty() ? List.of(new ContentBlock.Text("")) : blocks);
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "LlmResponse[" + model + ", " + stopReason + ", " + usage + ", attempts " + attempts + "]";
    }
}
