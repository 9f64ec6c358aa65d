package dev.tradingsdk.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** One part of a message: text, a tool call by the model, a tool's result, or the model's visible thinking. */
public sealed interface ContentBlock {

    /** Plain text. */
    record Text(String text) implements ContentBlock {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The model asks for tool {@code name} with {@code input} (a JSON object); {@code id} links the result. */
    record ToolUse(String id, String name, JsonNode input) implements ContentBlock {
        public ToolUse {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(input, "input");
            if (!input.isObject()) {
                throw new IllegalArgumentException("tool input of " + name + " must be a JSON object, was " + input);
            }
            input = input.deepCopy();
        }

        @Override
        public JsonNode input() {
            return input.deepCopy();
        }
    }

    /** The answer to tool call {@code toolUseId}; {@code error} marks a failed call the model should know about. */
    record ToolResult(String toolUseId, String content, boolean error) implements ContentBlock {
        public ToolResult {
            Objects.requireNonNull(toolUseId, "toolUseId");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Reasoning the model shows before its answer; never part of the answer itself. */
    record Thinking(String text) implements ContentBlock {
        public Thinking {
            Objects.requireNonNull(text, "text");
        }
    }
}
