package dev.tradingsdk.llm;

/**
 * Tokens of one call, normalised across providers so that every category is billed once:
 * {@code inputTokens} is the uncached input (Anthropic's {@code input_tokens}; OpenAI's {@code prompt_tokens}
 * minus {@code cached_tokens}), {@code cacheReadTokens} and {@code cacheWriteTokens} the cached parts,
 * {@code outputTokens} all generated tokens including reasoning, and {@code reasoningTokens} the part of the output
 * that was reasoning (informational, already in {@code outputTokens}).
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                    long reasoningTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0);

    public Usage {
        check("inputTokens", inputTokens);
        check("outputTokens", outputTokens);
        check("cacheReadTokens", cacheReadTokens);
        check("cacheWriteTokens", cacheWriteTokens);
        check("reasoningTokens", reasoningTokens);
        if (reasoningTokens > outputTokens) {
            throw new IllegalArgumentException("reasoningTokens " + reasoningTokens + " exceed outputTokens "
                + outputTokens);
        }
    }

    private static void check(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, was " + value);
        }
    }

    /** All input tokens, cached or not. */
    public long totalInputTokens() {
        return Math.addExact(Math.addExact(inputTokens, cacheReadTokens), cacheWriteTokens);
    }

    public long totalTokens() {
        return Math.addExact(totalInputTokens(), outputTokens);
    }

    public Usage plus(Usage other) {
        return new Usage(Math.addExact(inputTokens, other.inputTokens), Math.addExact(outputTokens, other.outputTokens),
            Math.addExact(cacheReadTokens, other.cacheReadTokens), Math.addExact(cacheWriteTokens, other.cacheWriteTokens),
            Math.addExact(reasoningTokens, other.reasoningTokens));
    }
}
