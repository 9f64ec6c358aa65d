package dev.tradingsdk.llm.client;

import dev.tradingsdk.core.http.Secret;
import dev.tradingsdk.llm.LlmClient;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.internal.HttpLlmTransport;
import dev.tradingsdk.llm.internal.OpenAiWire;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenAI Chat Completions ({@code POST {base}/chat/completions}, bearer key) with JSON-schema structured output
 * and function calling, and the same for any OpenAI-compatible server (Ollama, llama.cpp's
 * {@code llama-server}) by base URL, with or without a key, for local and offline use.
 *
 * <pre>{@code
 * LlmClient gpt = OpenAiClient.fromEnvironment();                 // OPENAI_API_KEY
 * LlmClient local = OpenAiClient.compatibleFromEnvironment();     // LLM_BASE_URL, default Ollama on 11434
 * }</pre>
 */
public final class OpenAiClient implements LlmClient {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** Ollama's OpenAI-compatible root. */
    public static final String OLLAMA_BASE_URL = "http://localhost:11434/v1";

    private final HttpLlmTransport transport;

    private OpenAiClient(HttpLlmTransport transport) {
        this.transport = transport;
    }

    /** A client for OpenAI itself (needs a key). */
    public static Builder builder() {
        return new Builder("openai", DEFAULT_BASE_URL, false);
    }

    /** A client for an OpenAI-compatible server, Ollama on its default port unless {@link Builder#baseUrl}. */
    public static Builder compatible(String provider) {
        return new Builder(provider, OLLAMA_BASE_URL, true);
    }

    /** OpenAI keyed by {@code OPENAI_API_KEY}, at {@code OPENAI_BASE_URL} if set. */
    public static OpenAiClient fromEnvironment() {
        return builder().fromEnvironment(System.getenv()).build();
    }

    /**
     * A local server at {@code LLM_BASE_URL} (default Ollama's {@code http://localhost:11434/v1}), key
     * {@code LLM_API_KEY} if set, provider name {@code LLM_PROVIDER} (default {@code openai-compatible}).
     */
    public static OpenAiClient compatibleFromEnvironment() {
        Map<String, String> env = System.getenv();
        String provider = HttpLlmClientBuilder.env(env, "LLM_PROVIDER");
        return compatible(provider == null ? "openai-compatible" : provider).fromEnvironment(env).build();
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
        return "OpenAiClient[" + transport + "]";
    }

    /** OpenAI needs a key; a compatible server does not. */
    public static final class Builder extends HttpLlmClientBuilder<Builder> {
        private final String provider;
        private final boolean compatible;
        private boolean legacyMaxTokens;

        private Builder(String provider, String baseUrl, boolean compatible) {
            super(baseUrl);
            if (provider == null || provider.isBlank()) {
                throw new IllegalArgumentException("provider must not be blank, was \"" + provider + "\"");
            }
            this.provider = provider;
            this.compatible = compatible;
            this.legacyMaxTokens = compatible;
        }

        /**
         * OpenAI: {@code OPENAI_API_KEY} (required) and {@code OPENAI_BASE_URL}; compatible servers:
         * {@code LLM_BASE_URL} and {@code LLM_API_KEY}, both optional.
         */
        public Builder fromEnvironment(Map<String, String> env) {
            String keyName = compatible ? "LLM_API_KEY" : "OPENAI_API_KEY";
            String key = env(env, keyName);
            if (key == null && !compatible) {
                throw new IllegalStateException("OPENAI_API_KEY is not set");
            }
            if (key != null) {
                apiKey(Secret.of(key));
            }
            String url = env(env, compatible ? "LLM_BASE_URL" : "OPENAI_BASE_URL");
            return url == null ? this : baseUrl(url);
        }

        /**
         * Send {@code max_tokens} instead of {@code max_completion_tokens} (the default for compatible servers,
         * which predate the new name).
         */
        public Builder legacyMaxTokens(boolean legacy) {
            once("legacyMaxTokens", legacyMaxTokens, legacy);
            this.legacyMaxTokens = legacy;
            return this;
        }

        public OpenAiClient build() {
            if (apiKey == null && !compatible) {
                throw new IllegalStateException("an OpenAI client needs an API key (apiKey or OPENAI_API_KEY)");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            if (apiKey != null) {
                headers.put("Authorization", "Bearer " + apiKey.reveal());
            }
            return new OpenAiClient(transport(provider, "/chat/completions", headers,
                new OpenAiWire(provider, legacyMaxTokens)));
        }
    }
}
