package dev.tradingsdk.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A tool the model may call: a name ({@code [A-Za-z0-9_-]{1,64}}, what both APIs accept), what it does, and the
 * JSON Schema of its input object.
 */
public record ToolDefinition(String name, String description, JsonNode inputSchema) {

    public ToolDefinition {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("tool name must match [A-Za-z0-9_-]{1,64}, was \"" + name + "\"");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(inputSchema, "inputSchema");
        if (!inputSchema.isObject() || !"object".equals(inputSchema.path("type").asText())) {
            throw new IllegalArgumentException("input schema of tool " + name + " must be a JSON Schema of type object");
        }
        inputSchema = inputSchema.deepCopy();
    }

    @Override
    public JsonNode inputSchema() {
        return inputSchema.deepCopy();
    }
}
