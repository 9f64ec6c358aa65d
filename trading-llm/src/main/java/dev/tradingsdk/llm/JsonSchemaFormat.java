package dev.tradingsdk.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Native structured output: the answer must be one JSON object matching {@code schema}. Anthropic receives it as
 * {@code output_config.format}, OpenAI and compatible servers as {@code response_format} of type
 * {@code json_schema} ({@code strict} as given; strict mode wants every property required and
 * {@code additionalProperties: false}).
 */
public record JsonSchemaFormat(String name, JsonNode schema, boolean strict) {

    public JsonSchemaFormat {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("schema name must match [A-Za-z0-9_-]{1,64}, was \"" + name + "\"");
        }
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException("schema " + name + " must be a JSON object");
        }
        schema = schema.deepCopy();
    }

    @Override
    public JsonNode schema() {
        return schema.deepCopy();
    }
}
