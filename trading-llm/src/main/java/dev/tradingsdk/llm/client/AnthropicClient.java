package dev.tradingsdk.llm.client;

import dev.tradingsdk.core.http.Secret;
import dev.tradingsdk.llm.LlmClient;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.internal.AnthropicWire;
import dev.tradingsdk.llm.internal.HttpLlmTransport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}, {@code anthropic-version: 2023-06-01}): system prompt,
 * messages, temperature, max tokens, stop sequences, tools with tool choice, and structured output
 * ({@code output_config.format}). Only text and tool-use blocks are the answer; thinking blocks are kept apart.
 *
 * <pre>{@code
 * LlmClient claude = AnthropicClient.fromEnvironment();   // ANTHROPIC_API_KEY
 * }</pre>
 */
public final class AnthropicClient implements LlmClient {

    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String API_VERSION = "2023-06-01";

    private final HttpLlmTransport transport;

    private AnthropicClient(HttpLlmTransport transport) {
        this.transport = transport;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A client keyed by {@code ANTHROPIC_API_KEY}, at {@code ANTHROPIC_BASE_URL} if that is set. */
    public static AnthropicClient fromEnvironment() {
        return builder().fromEnvironment(System.getenv()).build();
    }

    @Override
    public String provider() {
        return transport.provider();
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        return transport.send(request);
    }

    @Override
    public String toString() {
        return "AnthropicClient[" + transport + "]";
    }

    /** Requires an API key. */
    public static final class Builder extends HttpLlmClientBuilder<Builder> {
        private String provider = "anthropic";

        private Builder() {
            super(DEFAULT_BASE_URL);
        }

        /** Takes the key from {@code ANTHROPIC_API_KEY} and the base URL from {@code ANTHROPIC_BASE_URL} if set. */
        public Builder fromEnvironment(Map<String, String> env) {
            String key = env(env, "ANTHROPIC_API_KEY");
            if (key == null) {
                throw new IllegalStateException("ANTHROPIC_API_KEY is not set");
            }
            apiKey(Secret.of(key));
            String url = env(env, "ANTHROPIC_BASE_URL");
            return url == null ? this : baseUrl(url);
        }

        /** The name in prices and records (default {@code anthropic}). */
        public Builder provider(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("provider must not be blank, was \"" + name + "\"");
            }
            once("provider", provider, name);
            this.provider = name;
            return this;
        }

        public AnthropicClient build() {
            if (apiKey == null) {
                throw new IllegalStateException("an Anthropic client needs an API key (apiKey or ANTHROPIC_API_KEY)");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-api-key", apiKey.reveal());
            headers.put("anthropic-version", API_VERSION);
            return new AnthropicClient(transport(provider, "/v1/messages", headers, new AnthropicWire(provider)));
        }
    }
}
