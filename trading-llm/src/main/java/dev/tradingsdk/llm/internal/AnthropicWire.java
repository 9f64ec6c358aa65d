package dev.tradingsdk.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmException;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.Message;
import dev.tradingsdk.llm.StopReason;
import dev.tradingsdk.llm.ToolChoice;
import dev.tradingsdk.llm.ToolDefinition;
import dev.tradingsdk.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Anthropic Messages API ({@code POST /v1/messages}) request and response bodies. */
public final class AnthropicWire implements HttpLlmTransport.WireFormat {

    private final String provider;

    public AnthropicWire(String provider) {
        this.provider = provider;
    }

    @Override
    public byte[] encode(LlmRequest request) {
        ObjectNode body = Json.object();
        body.put("model", request.model());
        body.put("max_tokens", request.maxTokens());
        request.temperature().ifPresent(t -> body.put("temperature", t));
        request.system().ifPresent(s -> body.put("system", s));
        if (!request.stopSequences().isEmpty()) {
            ArrayNode stops = body.putArray("stop_sequences");
            request.stopSequences().forEach(stops::add);
        }
        ArrayNode messages = body.putArray("messages");
        for (Message m : request.messages()) {
            ObjectNode message = messages.addObject();
            message.put("role", m.role().name().toLowerCase(Locale.ROOT));
            if (m.content().size() == 1 && m.content().get(0) instanceof ContentBlock.Text t) {
                message.put("content", t.text());
                continue;
            }
            ArrayNode content = message.putArray("content");
            for (ContentBlock block : m.content()) {
                if (block instanceof ContentBlock.Text t) {
                    content.addObject().put("type", "text").put("text", t.text());
                } else if (block instanceof ContentBlock.ToolUse u) {
                    content.addObject().put("type", "tool_use").put("id", u.id()).put("name", u.name())
                        .set("input", u.input());
                } else if (block instanceof ContentBlock.ToolResult r) {
                    ObjectNode result = content.addObject().put("type", "tool_result").put("tool_use_id", r.toolUseId())
                        .put("content", r.content());
                    if (r.error()) {
                        result.put("is_error", true);
                    }
                }
                // Thinking blocks are not sent back: Anthropic wants them only with their signature.
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                tools.addObject().put("name", t.name()).put("description", t.description())
                    .set("input_schema", t.inputSchema());
            }
            ToolChoice choice = request.toolChoice();
            ObjectNode tc = body.putObject("tool_choice");
            tc.put("type", choice.kind().name().toLowerCase(Locale.ROOT));
            if (choice.kind() == ToolChoice.Kind.TOOL) {
                tc.put("name", choice.toolName());
            }
        }
        request.responseFormat().ifPresent(f -> body.putObject("output_config").putObject("format")
            .put("type", "json_schema").set("schema", f.schema()));
        return Json.bytes(body);
    }

    @Override
    public HttpLlmTransport.Decoded decode(byte[] bytes) {
        JsonNode root = Json.read(bytes);
        JsonNode content = root.get("content");
        if (content == null || !content.isArray()) {
            throw new LlmException.MalformedResponse(provider, 200, "no content array in the answer", null, null);
        }
        List<ContentBlock> blocks = new ArrayList<>();
        for (JsonNode block : content) {
            String type = Json.text(block, "type");
            if ("text".equals(type)) {
                blocks.add(new ContentBlock.Text(block.path("text").asText()));
            } else if ("tool_use".equals(type)) {
                blocks.add(new ContentBlock.ToolUse(Json.text(block, "id"), Json.text(block, "name"), block.get("input")));
            } else if ("thinking".equals(type)) {
                blocks.add(new ContentBlock.Thinking(block.path("thinking").asText()));
            }
            // redacted_thinking and server-tool blocks carry nothing the caller can use.
        }
        String raw = Json.text(root, "stop_reason");
        JsonNode u = root.get("usage");
        Usage usage = u == null || !u.isObject() ? null : new Usage(Json.count(u, "input_tokens"),
            Json.count(u, "output_tokens"), Json.count(u, "cache_read_input_tokens"),
            Json.count(u, "cache_creation_input_tokens"), 0);
        LlmResponse partial = new LlmResponse(Json.text(root, "id"), String.valueOf(Json.text(root, "model")), blocks,
            stopReason(raw), raw, null, usage == null ? Usage.ZERO : usage, null, null, null, 1, Duration.ZERO);
        return new HttpLlmTransport.Decoded(partial, usage);
    }

    static StopReason stopReason(String raw) {
        if (raw == null) {
            return StopReason.OTHER;
        }
        return switch (raw) {
            case "end_turn" -> StopReason.END_TURN;
            case "max_tokens" -> StopReason.MAX_TOKENS;
            case "stop_sequence" -> StopReason.STOP_SEQUENCE;
            case "tool_use" -> StopReason.TOOL_USE;
            case "refusal" -> StopReason.REFUSAL;
            case "pause_turn" -> StopReason.PAUSE_TURN;
            case "model_context_window_exceeded" -> StopReason.CONTEXT_WINDOW_EXCEEDED;
            default -> StopReason.OTHER;
        };
    }
}
