package dev.tradingsdk.llm.cost;

import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.Message;
import dev.tradingsdk.llm.ToolDefinition;
import java.nio.charset.StandardCharsets;

/** How many input tokens a request may take at most, for a budget's worst case before the call is sent. */
@FunctionalInterface
public interface TokenEstimator {

    long estimateInputTokens(LlmRequest request);

    /**
     * One token per UTF-8 byte of every text, tool input, tool schema and response schema, plus 8 per message:
     * an upper bound for byte-level BPE tokenizers (a token covers at least one byte), so a budget built on it
     * fails closed. Real prompts use about a quarter of it.
     */
    static TokenEstimator utf8Bytes() {
        return request -> {
            long bytes = request.system().map(TokenEstimator::utf8).orElse(0L);
            for (Message m : request.messages()) {
                bytes += 8;
                for (ContentBlock block : m.content()) {
                    bytes += blockBytes(block);
                }
            }
            for (ToolDefinition t : request.tools()) {
                bytes += utf8(t.name()) + utf8(t.description()) + utf8(t.inputSchema().toString());
            }
            bytes += request.responseFormat().map(f -> utf8(f.schema().toString())).orElse(0L);
            return bytes;
        };
    }

    private static long blockBytes(ContentBlock block) {
        if (block instanceof ContentBlock.Text t) {
            return utf8(t.text());
        }
        if (block instanceof ContentBlock.ToolUse u) {
            return utf8(u.name()) + utf8(u.input().toString());
        }
        if (block instanceof ContentBlock.ToolResult r) {
            return utf8(r.content());
        }
        return utf8(((ContentBlock.Thinking) block).text());
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
