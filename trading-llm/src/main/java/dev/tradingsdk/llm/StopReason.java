package dev.tradingsdk.llm;

/**
 * Why the model stopped, normalised: Anthropic's {@code stop_reason} and OpenAI's {@code finish_reason}.
 * {@link #MAX_TOKENS} means the answer is cut off: a decision in it must be rejected, never repaired.
 */
public enum StopReason {
    END_TURN, MAX_TOKENS, STOP_SEQUENCE, TOOL_USE, REFUSAL, CONTEXT_WINDOW_EXCEEDED, CONTENT_FILTER, PAUSE_TURN,
    /** A value this version does not know; the raw value is in {@link LlmResponse#rawStopReason()}. */
    OTHER;

    /** Whether the answer is complete (not cut off, refused or filtered). */
    public boolean complete() {
        return this == END_TURN || this == STOP_SEQUENCE || this == TOOL_USE;
    }
}
