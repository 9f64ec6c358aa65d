package dev.tradingsdk.llm.client;

import static dev.tradingsdk.llm.Vectors.JSON;
import static dev.tradingsdk.llm.Vectors.requestBody;
import static dev.tradingsdk.llm.Vectors.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.core.http.Secret;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.time.SimulatedClock;
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
import dev.tradingsdk.llm.cost.PriceTable;
import dev.tradingsdk.llm.cost.RunBudget;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AnthropicClientTest {

    private static final String KEY = "sk-ant-test-key-0123456789";
    private static final String MESSAGES = "anthropic-messages.json";
    private static final String ERRORS = "anthropic-errors.json";

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

    private AnthropicClient.Builder builder() {
        return AnthropicClient.builder().baseUrl(server.url("/").toString()).apiKey(Secret.of(KEY)).timeSource(time)
            .random(new Random(7));
    }

    private AnthropicClient client() {
        return builder().build();
    }

    private static LlmRequest vectorTextRequest() {
        JsonNode body = requestBody(MESSAGES, "text_decision_end_turn");
        return LlmRequest.builder(body.get("model").asText()).maxTokens(body.get("max_tokens").asInt())
            .temperature(body.get("temperature").asDouble()).system(body.get("system").asText())
            .user(body.get("messages").get(0).get("content").asText()).build();
    }

    @Test
    void sendsTheDocumentedRequestAndReadsTheAnswer() throws Exception {
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));

        LlmResponse answer = client().complete(vectorTextRequest());

        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getPath()).isEqualTo("/v1/messages");
        assertThat(sent.getHeader("x-api-key")).isEqualTo(KEY);
        assertThat(sent.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(sent.getBody().readUtf8())).isEqualTo(requestBody(MESSAGES, "text_decision_end_turn"));

        assertThat(answer.id()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(answer.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(answer.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(answer.text()).startsWith("{\"action\":\"BUY\"");
        assertThat(answer.usage()).isEqualTo(new Usage(212, 61, 0, 0, 0));
        assertThat(answer.requestId()).isEqualTo("req_011CTz7h3bWq2pY8Fv1eXq9A");
        assertThat(answer.attempts()).isEqualTo(1);
        assertThat(JSON.readTree(answer.requestBytes())).isEqualTo(requestBody(MESSAGES, "text_decision_end_turn"));
        assertThat(answer.responseText()).contains("msg_01XFDUDYJgAACzvnptvVoYEL");
    }

    @Test
    void theSameRequestGivesTheSameBytes() {
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));
        AnthropicClient client = client();
        assertThat(client.complete(vectorTextRequest()).requestBytes())
            .isEqualTo(client.complete(vectorTextRequest()).requestBytes());
    }

    @Test
    void forcedToolRequestAndToolUseAnswer() throws Exception {
        JsonNode body = requestBody("anthropic-tool-use.json", "forced_tool_for_structured_decision");
        JsonNode tool = body.get("tools").get(0);
        server.enqueue(response("anthropic-tool-use.json", "forced_tool_for_structured_decision"));

        LlmResponse answer = client().complete(LlmRequest.builder(body.get("model").asText()).maxTokens(512)
            .tool(new ToolDefinition(tool.get("name").asText(), tool.get("description").asText(),
                tool.get("input_schema")))
            .toolChoice(ToolChoice.tool("submit_trade_decision"))
            .user(body.get("messages").get(0).get("content").asText()).build());

        assertThat(JSON.readTree(server.takeRequest().getBody().readUtf8())).isEqualTo(body);
        assertThat(answer.toolUses()).hasSize(1);
        ContentBlock.ToolUse use = answer.toolUses().get(0);
        assertThat(use.id()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(use.name()).isEqualTo("submit_trade_decision");
        assertThat(use.input().get("quantity").asInt()).isEqualTo(10);
        assertThat(answer.stopReason()).isEqualTo(StopReason.TOOL_USE);
    }

    @Test
    void toolResultTurnIsEncodedAsDocumented() throws Exception {
        JsonNode body = requestBody("anthropic-tool-use.json", "tool_result_turn");
        JsonNode use = body.get("messages").get(1).get("content").get(0);
        JsonNode result = body.get("messages").get(2).get("content").get(0);
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));

        client().complete(LlmRequest.builder(body.get("model").asText()).maxTokens(256)
            .user("AAPL: decide.")
            .message(Message.of(Role.ASSISTANT, List.of(new ContentBlock.ToolUse(use.get("id").asText(),
                use.get("name").asText(), use.get("input")))))
            .message(Message.of(Role.USER, List.of(new ContentBlock.ToolResult(result.get("tool_use_id").asText(),
                result.get("content").asText(), false))))
            .build());

        assertThat(JSON.readTree(server.takeRequest().getBody().readUtf8())).isEqualTo(body);
    }

    @Test
    void structuredOutputGoesInOutputConfig() throws Exception {
        JsonNode body = requestBody("anthropic-structured-output.json", "json_schema_output");
        server.enqueue(response("anthropic-structured-output.json", "json_schema_output"));

        LlmResponse answer = client().complete(LlmRequest.builder(body.get("model").asText()).maxTokens(1024)
            .responseFormat(new JsonSchemaFormat("trade_decision",
                body.get("output_config").get("format").get("schema"), true))
            .user(body.get("messages").get(0).get("content").asText()).build());

        assertThat(JSON.readTree(server.takeRequest().getBody().readUtf8())).isEqualTo(body);
        assertThat(JSON.readTree(answer.text()).get("action").asText()).isEqualTo("BUY");
    }

    @Test
    void thinkingIsKeptApartFromTheAnswer() {
        server.enqueue(response(MESSAGES, "thinking_block_before_text"));
        LlmResponse answer = client().complete(vectorTextRequest());
        assertThat(answer.content().get(0)).isInstanceOf(ContentBlock.Thinking.class);
        assertThat(answer.text()).startsWith("{\"action\"").doesNotContain("RSI is neutral");
        assertThat(answer.asMessage().content()).noneMatch(ContentBlock.Thinking.class::isInstance);
    }

    @Test
    void truncatedAndRefusedAnswersSaySo() {
        server.enqueue(response(MESSAGES, "truncated_max_tokens"));
        server.enqueue(response(MESSAGES, "refusal"));
        AnthropicClient client = client();
        LlmResponse truncated = client.complete(vectorTextRequest());
        assertThat(truncated.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(truncated.stopReason().complete()).isFalse();
        assertThat(truncated.usage()).isEqualTo(new Usage(212, 16, 0, 0, 0));
        LlmResponse refused = client.complete(vectorTextRequest());
        assertThat(refused.stopReason()).isEqualTo(StopReason.REFUSAL);
        assertThat(refused.text()).isEmpty();
    }

    @Test
    void rateLimitIsRetriedAfterTheAskedWait() {
        server.enqueue(response(ERRORS, "rate_limited_429"));
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));

        LlmResponse answer = client().complete(vectorTextRequest());

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
        assertThat(answer.attempts()).isEqualTo(2);
        assertThat(answer.latency()).isGreaterThanOrEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        server.enqueue(response(ERRORS, "rate_limited_429").setHeader("retry-after-ms", "1500"));
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));
        client().complete(vectorTextRequest());
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void overloadIsRetriedWithBackoffThenReportedTyped() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(response(ERRORS, "overloaded_529"));
        }
        assertThatThrownBy(() -> client().complete(vectorTextRequest()))
            .isInstanceOfSatisfying(LlmException.Overloaded.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(529);
                assertThat(e.code()).contains("overloaded_error");
                assertThat(e.requestId()).contains("req_011CSHoEeqs5C35K2UUqR7Fy");
                assertThat(e.getMessage()).contains("Overloaded").doesNotContain(KEY);
            });
        assertThat(server.getRequestCount()).isEqualTo(3);
        // min(0.5 * 2^(n-1), 8) s with up to a quarter taken off.
        assertThat(time.sleeps()).hasSize(2);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(time.sleeps().get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
    }

    @Test
    void serverErrorIsRetried() {
        server.enqueue(response(ERRORS, "api_error_500"));
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));
        assertThat(client().complete(vectorTextRequest()).attempts()).isEqualTo(2);
    }

    @Test
    void xShouldRetryFalseStopsRetrying() {
        server.enqueue(response(ERRORS, "api_error_500").setHeader("x-should-retry", "false"));
        assertThatThrownBy(() -> client().complete(vectorTextRequest())).isInstanceOf(LlmException.Server.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void invalidRequestAndAuthenticationAreNotRetried() {
        server.enqueue(response(ERRORS, "invalid_request_400"));
        server.enqueue(response(ERRORS, "auth_401"));
        AnthropicClient client = client();
        assertThatThrownBy(() -> client.complete(vectorTextRequest()))
            .isInstanceOfSatisfying(LlmException.InvalidRequest.class, e ->
                assertThat(e.getMessage()).contains("max_tokens: Field required").contains("req_018EeWyXxfu5pfWkrYcMdjWG"));
        assertThatThrownBy(() -> client.complete(vectorTextRequest()))
            .isInstanceOf(LlmException.Authentication.class)
            .hasMessageContaining("invalid x-api-key").hasMessageNotContaining(KEY);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void promptTooLongIsContextTooLong() {
        // Body constructed in the documented error shape with the message Anthropic gives for an oversized prompt.
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"type\":\"error\",\"error\":{\"type\":"
            + "\"invalid_request_error\",\"message\":\"prompt is too long: 215000 tokens > 200000 maximum\"}}"));
        assertThatThrownBy(() -> client().complete(vectorTextRequest()))
            .isInstanceOf(LlmException.ContextTooLong.class).hasMessageContaining("215000 tokens");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void timeoutIsRetriedAsTransportFailure() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));
        LlmResponse answer = builder().readTimeout(Duration.ofMillis(200)).build().complete(vectorTextRequest());
        assertThat(answer.attempts()).isEqualTo(2);
    }

    @Test
    void timeoutsExhaustedAreReportedAsTransport() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        }
        AnthropicClient client = builder().readTimeout(Duration.ofMillis(200))
            .retryPolicy(HttpLlmClientBuilder.defaultRetryPolicy().withMaxAttempts(2)).build();
        assertThatThrownBy(() -> client.complete(vectorTextRequest()))
            .isInstanceOfSatisfying(LlmException.Transport.class, e -> assertThat(e.timedOut()).isTrue());
    }

    @Test
    void aMalformedAnswerIsTyped() {
        server.enqueue(new MockResponse().setBody("{\"id\":\"x\",\"model\":\"m\"}"));
        server.enqueue(new MockResponse().setBody("not json"));
        AnthropicClient client = client();
        assertThatThrownBy(() -> client.complete(vectorTextRequest())).isInstanceOf(LlmException.MalformedResponse.class);
        assertThatThrownBy(() -> client.complete(vectorTextRequest())).isInstanceOf(LlmException.MalformedResponse.class);
    }

    @Test
    void retriesCountAgainstTheBudgetAndTheBudgetStopsBeforeSending() {
        server.enqueue(response(ERRORS, "rate_limited_429").setHeader("retry-after", "1"));
        server.enqueue(response(ERRORS, "rate_limited_429").setHeader("retry-after", "1"));
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));
        RunBudget budget = RunBudget.builder(PriceTable.defaults(), new SimulatedClock(Instant.parse("2026-06-01T00:00:00Z")))
            .maxCalls(2).build();

        assertThatThrownBy(() -> builder().budget(budget).build().complete(vectorTextRequest()))
            .isInstanceOf(LlmException.BudgetExceeded.class).hasMessageContaining("2 attempts");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(budget.spent().attempts()).isEqualTo(2);
        assertThat(budget.spent().usage()).isEqualTo(Usage.ZERO);
    }

    @Test
    void aDollarBudgetChargesTheActualUsage() {
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));
        RunBudget budget = RunBudget.builder(PriceTable.defaults(), new SimulatedClock(Instant.parse("2026-06-01T00:00:00Z")))
            .maxCost(Money.of("1.00", Currency.USD)).build();
        builder().budget(budget).build().complete(vectorTextRequest());
        // Sonnet 4.5: 212 x $3 + 61 x $15 per million = $0.001551.
        assertThat(budget.spent().cost().ratioTo(Money.of("1", Currency.USD), 9, java.math.RoundingMode.UNNECESSARY))
            .isEqualByComparingTo("0.001551");
    }

    @Test
    void environmentKeyIsRequiredAndNeverPrinted() {
        assertThatThrownBy(() -> AnthropicClient.builder().fromEnvironment(Map.of()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("ANTHROPIC_API_KEY");
        AnthropicClient client = AnthropicClient.builder()
            .fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", server.url("/").toString()))
            .timeSource(time).build();
        assertThat(client.toString()).doesNotContain(KEY);
        server.enqueue(response(MESSAGES, "text_decision_end_turn"));
        client.complete(vectorTextRequest());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void requestWithoutMessagesIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> LlmRequest.builder("claude-sonnet-4-5").build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messages");
        assertThatThrownBy(() -> LlmRequest.builder("m").user("x").toolChoice(ToolChoice.tool("nope"))
            .tool(new ToolDefinition("a", "d", JSON.createObjectNode().put("type", "object"))).build())
            .hasMessageContaining("nope");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void connectionFailureIsTransport() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        assertThatThrownBy(() -> client().complete(vectorTextRequest()))
            .isInstanceOfSatisfying(LlmException.Transport.class, e -> assertThat(e.timedOut()).isFalse());
        assertThat(server.takeRequest(1, TimeUnit.SECONDS)).isNotNull();
    }
}
