package dev.tradingsdk.llm;

/**
 * One language model behind one API: Anthropic Messages, OpenAI Chat Completions, an OpenAI-compatible local
 * server, or {@code ScriptedLlm} replaying recorded answers. Implementations are thread-safe and blocking.
 *
 * <p>A call either returns the model's whole answer with its usage, or throws an {@link LlmException} subclass
 * saying what went wrong (authentication, rate limit, overload, invalid request, context too long, budget, ...).
 */
public interface LlmClient {

    /** Provider name used in prices and records, e.g. {@code "anthropic"}, {@code "openai"}, {@code "ollama"}. */
    String provider();

    LlmResponse complete(LlmRequest request);
}
