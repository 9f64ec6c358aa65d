package dev.tradingsdk.llm.client;

import static dev.tradingsdk.llm.Vectors.JSON;
import static dev.tradingsdk.llm.Vectors.assertSameFields;
import static dev.tradingsdk.llm.Vectors.requestBody;
import static dev.tradingsdk.llm.Vectors.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.http.Secret;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.FakeTime;
import dev.tradingsdk.llm.JsonSchemaFormat;
import dev.tradingsdk.llm.LlmException;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.Message;
import dev.tradingsdk.llm.Role;
import dev.tradingsdk.llm.StopReason;
import dev.tradingsdk.llm.ToolChoice;
import dev.tradingsdk.llm.ToolDefinition;
import dev.tradingsdk.llm.Usage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class OpenAiClientTest {

    private static final String KEY = "sk-proj-test-0123456789abcdef";
    private static final String CHAT = "openai-chat.json";
    private static final String ERRORS = "openai-errors.json";

    private MockWebServer server;
    private FakeTime time;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        time = new FakeTime();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private OpenAiClient openAi() {
        return OpenAiClient.builder().baseUrl(server.url("/v1").toString()).apiKey(Secret.of(KEY)).timeSource(time)
            .random(new Random(3)).build();
    }

    /** The request of a vector with a json_schema response_format, rebuilt through our API. */
    private static LlmRequest schemaRequest(JsonNode body) {
        JsonNode messages = body.get("messages");
        LlmRequest.Builder b = LlmRequest.builder(body.get("model").asText())
            .temperature(body.get("temperature").asDouble());
        for (JsonNode m : messages) {
            if (m.get("role").asText().equals("system")) {
                b.system(m.get("content").asText());
            } else {
                b.user(m.get("content").asText());
            }
        }
        JsonNode js = body.get("response_format").get("json_schema");
        return b.responseFormat(new JsonSchemaFormat(js.get("name").asText(), js.get("schema"),
            js.get("strict").asBoolean())).build();
    }

    @Test
    void structuredOutputRequestAndAnswer() throws Exception {
        JsonNode body = requestBody(CHAT, "structured_output_json_schema");
        server.enqueue(response(CHAT, "structured_output_json_schema"));

        LlmResponse answer = openAi().complete(schemaRequest(body));

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode actual = JSON.readTree(sent.getBody().readUtf8());
        assertSameFields(actual, body, "max_completion_tokens");
        assertThat(actual.get("max_completion_tokens").asInt()).isEqualTo(1024);
        assertThat(answer.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(JSON.readTree(answer.text()).get("symbol").asText()).isEqualTo("AAPL");
        assertThat(answer.requestId()).isEqualTo("req_5f1c0e3b2a7d4e");
        assertThat(answer.model()).isEqualTo("gpt-4o-mini-2024-07-18");
    }

    @Test
    void usageIsNormalisedCachedTokensOutOfInput() {
        server.enqueue(new MockResponse().setBody("{\"id\":\"c\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":300,\"total_tokens\":1300,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":600},\"completion_tokens_details\":{\"reasoning_tokens\":120}}}"));
        LlmResponse answer = openAi().complete(LlmRequest.builder("gpt-4o").user("hi").build());
        assertThat(answer.usage()).isEqualTo(new Usage(400, 300, 600, 0, 120));
        assertThat(answer.usage().totalTokens()).isEqualTo(1300);
    }

    @Test
    void refusalIsTyped() {
        server.enqueue(response(CHAT, "refusal_in_structured_mode"));
        LlmResponse answer = openAi().complete(LlmRequest.builder("gpt-4o-mini").user("x").build());
        assertThat(answer.stopReason()).isEqualTo(StopReason.REFUSAL);
        assertThat(answer.refusalText()).contains("I can't help with that.");
        assertThat(answer.text()).isEmpty();
    }

    @Test
    void functionCallArgumentsAreParsedAndToolsEncoded() throws Exception {
        server.enqueue(response(CHAT, "tool_calls"));
        JsonNode schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"action\":{\"type\":\"string\"}}}");
        LlmResponse answer = openAi().complete(LlmRequest.builder("gpt-4o-mini").user("decide")
            .tool(new ToolDefinition("submit_trade_decision", "Record the decision.", schema))
            .toolChoice(ToolChoice.tool("submit_trade_decision")).build());

        JsonNode sent = JSON.readTree(server.takeRequest().getBody().readUtf8());
        assertThat(sent.get("tools").get(0)).isEqualTo(JSON.readTree("{\"type\":\"function\",\"function\":{\"name\":"
            + "\"submit_trade_decision\",\"description\":\"Record the decision.\",\"parameters\":" + schema + "}}"));
        assertThat(sent.get("tool_choice")).isEqualTo(
            JSON.readTree("{\"type\":\"function\",\"function\":{\"name\":\"submit_trade_decision\"}}"));
        assertThat(answer.stopReason()).isEqualTo(StopReason.TOOL_USE);
        ContentBlock.ToolUse use = answer.toolUses().get(0);
        assertThat(use.id()).isEqualTo("call_abc123");
        assertThat(use.input().get("stop_loss").decimalValue()).isEqualByComparingTo("182.5");
    }

    @Test
    void toolTurnsBecomeToolMessages() throws Exception {
        server.enqueue(response(CHAT, "structured_output_json_schema"));
        JsonNode input = JSON.readTree("{\"symbol\":\"AAPL\"}");
        openAi().complete(LlmRequest.builder("gpt-4o-mini").system("sys").user("decide")
            .message(Message.of(Role.ASSISTANT, List.of(new ContentBlock.ToolUse("call_1", "get_quote", input))))
            .message(Message.of(Role.USER, List.of(new ContentBlock.ToolResult("call_1", "{\"bid\":1}", false))))
            .build());
        JsonNode messages = JSON.readTree(server.takeRequest().getBody().readUtf8()).get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0)).isEqualTo(JSON.readTree("{\"role\":\"system\",\"content\":\"sys\"}"));
        assertThat(messages.get(2)).isEqualTo(JSON.readTree("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
            + "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_quote\",\"arguments\":"
            + "\"{\\\"symbol\\\":\\\"AAPL\\\"}\"}}]}"));
        assertThat(messages.get(3)).isEqualTo(JSON.readTree("{\"role\":\"tool\",\"tool_call_id\":\"call_1\","
            + "\"content\":\"{\\\"bid\\\":1}\"}"));
    }

    @Test
    void invalidToolArgumentsAreAMalformedAnswer() {
        server.enqueue(new MockResponse().setBody("{\"id\":\"c\",\"model\":\"m\",\"choices\":[{\"message\":{\"role\":"
            + "\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"k\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\"}}]},\"finish_reason\":\"tool_calls\"}]}"));
        assertThatThrownBy(() -> openAi().complete(LlmRequest.builder("m").user("x").build()))
            .isInstanceOf(LlmException.MalformedResponse.class).hasMessageContaining("tool call f");
    }

    @Test
    void lengthMeansTruncated() {
        server.enqueue(response(CHAT, "length_truncated"));
        assertThat(openAi().complete(LlmRequest.builder("gpt-4o-mini").user("x").build()).stopReason())
            .isEqualTo(StopReason.MAX_TOKENS);
    }

    @Test
    void rateLimitIsRetriedButQuotaIsNot() {
        server.enqueue(response(ERRORS, "rate_limit_429"));
        server.enqueue(response(CHAT, "structured_output_json_schema"));
        server.enqueue(response(ERRORS, "insufficient_quota_429"));
        OpenAiClient client = openAi();
        assertThat(client.complete(LlmRequest.builder("gpt-4o-mini").user("x").build()).attempts()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThatThrownBy(() -> client.complete(LlmRequest.builder("gpt-4o-mini").user("x").build()))
            .isInstanceOfSatisfying(LlmException.QuotaExceeded.class, e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.code()).contains("insufficient_quota");
            });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void invalidSchemaAndBadKeyAreTyped() {
        server.enqueue(response(ERRORS, "invalid_schema_400"));
        server.enqueue(response(ERRORS, "auth_401"));
        OpenAiClient client = openAi();
        assertThatThrownBy(() -> client.complete(LlmRequest.builder("gpt-4o-mini").user("x").build()))
            .isInstanceOf(LlmException.InvalidRequest.class).hasMessageContaining("Missing 'stop_loss'");
        assertThatThrownBy(() -> client.complete(LlmRequest.builder("gpt-4o-mini").user("x").build()))
            .isInstanceOf(LlmException.Authentication.class).hasMessageContaining("invalid_api_key")
            .hasMessageNotContaining(KEY);
    }

    @Test
    void contextLengthExceededIsContextTooLong() {
        // OpenAI's documented error code for an oversized prompt, in its error shape.
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"This model's "
            + "maximum context length is 128000 tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\","
            + "\"code\":\"context_length_exceeded\"}}"));
        assertThatThrownBy(() -> openAi().complete(LlmRequest.builder("gpt-4o").user("x").build()))
            .isInstanceOf(LlmException.ContextTooLong.class);
    }

    @Test
    void ollamaByBaseUrl() throws Exception {
        JsonNode body = requestBody("ollama-chat.json", "local_json_schema");
        server.enqueue(response("ollama-chat.json", "local_json_schema"));
        OpenAiClient ollama = OpenAiClient.compatible("ollama").baseUrl(server.url("/v1").toString())
            .apiKey(Secret.of("ollama")).timeSource(time).build();

        JsonNode js = body.get("response_format").get("json_schema");
        LlmResponse answer = ollama.complete(LlmRequest.builder("qwen2.5:7b-instruct").temperature(0)
            .user(body.get("messages").get(0).get("content").asText())
            .responseFormat(new JsonSchemaFormat("trade_decision", js.get("schema"), true)).build());

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer ollama");
        assertSameFields(JSON.readTree(sent.getBody().readUtf8()), body, "max_tokens");
        assertThat(ollama.provider()).isEqualTo("ollama");
        assertThat(answer.usage()).isEqualTo(new Usage(87, 52, 0, 0, 0));
    }

    @Test
    void llamaCppAnswerAndNumericErrorCode() throws Exception {
        server.enqueue(response("llamacpp-chat.json", "completion_with_timings"));
        server.enqueue(response("llamacpp-chat.json", "error_numeric_code"));
        OpenAiClient local = OpenAiClient.compatible("llamacpp").fromEnvironment(
            Map.of("LLM_BASE_URL", server.url("/v1").toString())).timeSource(time).build();

        LlmResponse answer = local.complete(LlmRequest.builder("local").user("x").build());
        assertThat(server.takeRequest().getHeader("Authorization")).isNull();
        assertThat(answer.model()).isEqualTo("local");
        assertThat(answer.usage()).isEqualTo(new Usage(14, 52, 0, 0, 0));
        assertThatThrownBy(() -> local.complete(LlmRequest.builder("local").user("x").build()))
            .isInstanceOfSatisfying(LlmException.InvalidRequest.class, e -> {
                assertThat(e.code()).contains("invalid_request_error");
                assertThat(e.getMessage()).contains("json_schema");
            });
    }

    @Test
    void answerWithoutUsageIsChargedTheWorstCase() {
        server.enqueue(new MockResponse().setBody("{\"id\":\"c\",\"model\":\"local\",\"choices\":[{\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}"));
        OpenAiClient local = OpenAiClient.compatible("llamacpp").baseUrl(server.url("/v1").toString()).build();
        LlmResponse answer = local.complete(LlmRequest.builder("local").maxTokens(50).user("abcd").build());
        assertThat(answer.usage().outputTokens()).isEqualTo(50);
        assertThat(answer.usage().inputTokens()).isEqualTo(12);
    }

    @Test
    void openAiNeedsItsKey() {
        assertThatThrownBy(() -> OpenAiClient.builder().fromEnvironment(Map.of()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("OPENAI_API_KEY");
        assertThatThrownBy(() -> OpenAiClient.builder().build()).hasMessageContaining("API key");
    }
}
