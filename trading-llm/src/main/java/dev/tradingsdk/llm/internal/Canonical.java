package dev.tradingsdk.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.Message;
import dev.tradingsdk.llm.Role;
import dev.tradingsdk.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The provider-neutral bytes of a request (what its hash is taken over, so a recorded run replays through any
 * client) and the JSON form of content blocks used in records.
 */
public final class Canonical {

    private Canonical() {
    }

    public static byte[] request(LlmRequest request) {
        ObjectNode n = Json.object();
        n.put("model", request.model());
        request.system().ifPresent(s -> n.put("system", s));
        ArrayNode messages = n.putArray("messages");
        for (Message m : request.messages()) {
            ObjectNode o = messages.addObject();
            o.put("role", m.role().name());
            o.set("content", blocks(m.content()));
        }
        n.put("max_tokens", request.maxTokens());
        request.temperature().ifPresent(t -> n.put("temperature", t));
        request.seed().ifPresent(s -> n.put("seed", s));
        ArrayNode stops = n.putArray("stop");
        request.stopSequences().forEach(stops::add);
        ArrayNode tools = n.putArray("tools");
        for (ToolDefinition t : request.tools()) {
            tools.addObject().put("name", t.name()).put("description", t.description()).set("schema", t.inputSchema());
        }
        if (request.toolChoice() != null) {
            n.put("tool_choice", request.toolChoice().kind() + (request.toolChoice().toolName() == null ? ""
                : ":" + request.toolChoice().toolName()));
        }
        request.responseFormat().ifPresent(f -> n.putObject("response_format").put("name", f.name())
            .put("strict", f.strict()).set("schema", f.schema()));
        return Json.bytes(n);
    }

    public static String requestHash(LlmRequest request) {
        return Json.sha256(request(request));
    }

    public static ArrayNode blocks(List<ContentBlock> content) {
        ArrayNode out = Json.object().arrayNode();
        for (ContentBlock b : content) {
            if (b instanceof ContentBlock.Text t) {
                out.addObject().put("type", "text").put("text", t.text());
            } else if (b instanceof ContentBlock.ToolUse u) {
                out.addObject().put("type", "tool_use").put("id", u.id()).put("name", u.name()).set("input", u.input());
            } else if (b instanceof ContentBlock.ToolResult r) {
                out.addObject().put("type", "tool_result").put("tool_use_id", r.toolUseId()).put("content", r.content())
                    .put("is_error", r.error());
            } else if (b instanceof ContentBlock.Thinking th) {
                out.addObject().put("type", "thinking").put("thinking", th.text());
            }
        }
        return out;
    }

    public static List<ContentBlock> blocks(JsonNode array) {
        List<ContentBlock> out = new ArrayList<>();
        for (JsonNode b : array) {
            String type = b.path("type").asText();
            switch (type) {
                case "text" -> out.add(new ContentBlock.Text(b.path("text").asText()));
                case "tool_use" -> out.add(new ContentBlock.ToolUse(b.path("id").asText(), b.path("name").asText(),
                    b.get("input")));
                case "tool_result" -> out.add(new ContentBlock.ToolResult(b.path("tool_use_id").asText(),
                    b.path("content").asText(), b.path("is_error").asBoolean()));
                case "thinking" -> out.add(new ContentBlock.Thinking(b.path("thinking").asText()));
                default -> throw new IllegalArgumentException("unknown content block type \"" + type + "\"");
            }
        }
        return out;
    }

    public static Role role(String name) {
        return Role.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
