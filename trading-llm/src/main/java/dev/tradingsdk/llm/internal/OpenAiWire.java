package dev.tradingsdk.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmException;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.Message;
import dev.tradingsdk.llm.Role;
import dev.tradingsdk.llm.StopReason;
import dev.tradingsdk.llm.ToolChoice;
import dev.tradingsdk.llm.ToolDefinition;
import dev.tradingsdk.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI Chat Completions ({@code POST /chat/completions}) bodies, spoken by OpenAI and by OpenAI-compatible
 * servers (Ollama, llama.cpp). OpenAI wants {@code max_completion_tokens}; compatible servers {@code max_tokens}.
 */
public final class OpenAiWire implements HttpLlmTransport.WireFormat {

    private final String provider;
    private final boolean legacyMaxTokens;

    public OpenAiWire(String provider, boolean legacyMaxTokens) {
        this.provider = provider;
        this.legacyMaxTokens = legacyMaxTokens;
    }

    @Override
    public byte[] encode(LlmRequest request) {
        ObjectNode body = Json.object();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        request.system().ifPresent(s -> messages.addObject().put("role", "system").put("content", s));
        for (Message m : request.messages()) {
            encodeMessage(m, messages);
        }
        body.put(legacyMaxTokens ? "max_tokens" : "max_completion_tokens", request.maxTokens());
        request.temperature().ifPresent(t -> body.put("temperature", t));
        request.seed().ifPresent(s -> body.put("seed", s));
        if (!request.stopSequences().isEmpty()) {
            ArrayNode stops = body.putArray("stop");
            request.stopSequences().forEach(stops::add);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition t : request.tools()) {
                tools.addObject().put("type", "function").putObject("function").put("name", t.name())
                    .put("description", t.description()).set("parameters", t.inputSchema());
            }
            ToolChoice choice = request.toolChoice();
            switch (choice.kind()) {
                case AUTO -> body.put("tool_choice", "auto");
                case ANY -> body.put("tool_choice", "required");
                case NONE -> body.put("tool_choice", "none");
                case TOOL -> body.putObject("tool_choice").put("type", "function").putObject("function")
                    .put("name", choice.toolName());
                default -> throw new IllegalStateException("unknown tool choice " + choice);
            }
        }
        request.responseFormat().ifPresent(f -> {
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            schema.put("name", f.name()).put("strict", f.strict()).set("schema", f.schema());
        });
        return Json.bytes(body);
    }

    private static void encodeMessage(Message m, ArrayNode messages) {
        if (m.role() == Role.ASSISTANT) {
            ObjectNode message = messages.addObject().put("role", "assistant");
            StringBuilder text = new StringBuilder();
            ArrayNode calls = null;
            for (ContentBlock block : m.content()) {
                if (block instanceof ContentBlock.Text t) {
                    text.append(t.text());
                } else if (block instanceof ContentBlock.ToolUse u) {
                    if (calls == null) {
                        calls = Json.object().arrayNode();
                    }
                    calls.addObject().put("id", u.id()).put("type", "function").putObject("function")
                        .put("name", u.name()).put("arguments", u.input().toString());
                }
            }
            if (text.length() > 0 || calls == null) {
                message.put("content", text.toString());
            } else {
                message.putNull("content");
            }
            if (calls != null) {
                message.set("tool_calls", calls);
            }
            return;
        }
        StringBuilder text = new StringBuilder();
        for (ContentBlock block : m.content()) {
            if (block instanceof ContentBlock.ToolResult r) {
                messages.addObject().put("role", "tool").put("tool_call_id", r.toolUseId()).put("content", r.content());
            } else if (block instanceof ContentBlock.Text t) {
                text.append(t.text());
            }
        }
        if (text.length() > 0) {
            messages.addObject().put("role", "user").put("content", text.toString());
        }
    }

    @Override
    public HttpLlmTransport.Decoded decode(byte[] bytes) {
        JsonNode root = Json.read(bytes);
        JsonNode choices = root.get("choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new LlmException.MalformedResponse(provider, 200, "no choices in the answer", null, null);
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.get("message");
        if (message == null || !message.isObject()) {
            throw new LlmException.MalformedResponse(provider, 200, "choice 0 has no message", null, null);
        }
        List<ContentBlock> blocks = new ArrayList<>();
        String reasoning = Json.text(message, "reasoning_content");
        if (reasoning != null && !reasoning.isEmpty()) {
            blocks.add(new ContentBlock.Thinking(reasoning));
        }
        String content = Json.text(message, "content");
        if (content != null) {
            blocks.add(new ContentBlock.Text(content));
        }
        JsonNode calls = message.get("tool_calls");
        if (calls != null && calls.isArray()) {
            for (JsonNode call : calls) {
                JsonNode function = call.path("function");
                String name = Json.text(function, "name");
                String arguments = Json.text(function, "arguments");
                JsonNode input;
                try {
                    input = Json.read(arguments == null ? "{}" : arguments);
                } catch (RuntimeException e) {
                    throw new LlmException.MalformedResponse(provider, 200, "arguments of tool call " + name
                        + " are not JSON", null, e);
                }
                if (!input.isObject()) {
                    throw new LlmException.MalformedResponse(provider, 200, "arguments of tool call " + name
                        + " are not a JSON object", null, null);
                }
                blocks.add(new ContentBlock.ToolUse(Json.text(call, "id"), name, input));
            }
        }
        String refusal = Json.text(message, "refusal");
        String raw = Json.text(choice, "finish_reason");
        StopReason stop = refusal != null ? StopReason.REFUSAL : stopReason(raw);
        JsonNode u = root.get("usage");
        Usage usage = null;
        if (u != null && u.isObject()) {
            long prompt = Json.count(u, "prompt_tokens");
            long cached = Math.min(prompt, Json.count(u.get("prompt_tokens_details"), "cached_tokens"));
            long completion = Json.count(u, "completion_tokens");
            long reasoningTokens = Math.min(completion, Json.count(u.get("completion_tokens_details"), "reasoning_tokens"));
            usage = new Usage(prompt - cached, completion, cached, 0, reasoningTokens);
        }
        LlmResponse partial = new LlmResponse(Json.text(root, "id"), String.valueOf(Json.text(root, "model")), blocks,
            stop, raw, refusal, usage == null ? Usage.ZERO : usage, null, null, null, 1, Duration.ZERO);
        return new HttpLlmTransport.Decoded(partial, usage);
    }

    static StopReason stopReason(String raw) {
        if (raw == null) {
            return StopReason.OTHER;
        }
        return switch (raw) {
            case "stop" -> StopReason.END_TURN;
            case "length" -> StopReason.MAX_TOKENS;
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "content_filter" -> StopReason.CONTENT_FILTER;
            default -> StopReason.OTHER;
        };
    }
}
