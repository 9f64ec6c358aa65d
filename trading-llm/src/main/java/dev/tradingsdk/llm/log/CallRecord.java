package dev.tradingsdk.llm.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.StopReason;
import dev.tradingsdk.llm.Usage;
import dev.tradingsdk.llm.internal.Canonical;
import java.util.Objects;

/**
 * One model call as journaled: what was asked (its provider-neutral hash and the bytes actually sent), what
 * came back (the normalised answer and the bytes received), and what it cost.
 *
 * @param provider      client provider
 * @param model         model asked for
 * @param answeringModel model that answered (empty when the call failed)
 * @param requestHash   SHA-256 of the provider-neutral request; {@link ScriptedLlm} replays by it
 * @param maxTokens     the request's max tokens
 * @param temperature   the request's temperature, or null
 * @param seed          the request's seed, or null
 * @param requestBytes  the wire request
 * @param responseBytes the wire response (empty when the call failed)
 * @param content       the normalised answer blocks (JSON), empty array when the call failed
 * @param stopReason    normalised stop reason, or null when the call failed
 * @param rawStopReason provider stop reason, or null
 * @param refusal       refusal text, or null
 * @param usage         tokens
 * @param costUsd       cost as a plain decimal string in USD
 * @param latencyMillis latency, backoff included
 * @param attempts      HTTP attempts
 * @param error         the failure (type and message) when the call threw, else null
 */
public record CallRecord(String provider, String model, String answeringModel, String requestHash, int maxTokens,
                         Double temperature, Long seed, byte[] requestBytes, byte[] responseBytes, JsonNode content,
                         StopReason stopReason, String rawStopReason, String refusal, Usage usage, String costUsd,
                         long latencyMillis, int attempts, String error) {

    public CallRecord {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(requestHash, "requestHash");
        requestBytes = requestBytes == null ? new byte[0] : requestBytes.clone();
        responseBytes = responseBytes == null ? new byte[0] : responseBytes.clone();
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(costUsd, "costUsd");
    }

    public static CallRecord of(String provider, LlmRequest request, LlmResponse response, String costUsd) {
        return new CallRecord(provider, request.model(), response.model(), Canonical.requestHash(request),
            request.maxTokens(), request.temperature().orElse(null), request.seed().orElse(null),
            response.requestBytes(), response.responseBytes(), Canonical.blocks(response.content()),
            response.stopReason(), response.rawStopReason(), response.refusal(), response.usage(), costUsd,
            response.latency().toMillis(), response.attempts(), null);
    }

    public static CallRecord failed(String provider, LlmRequest request, RuntimeException failure) {
        return new CallRecord(provider, request.model(), "", Canonical.requestHash(request), request.maxTokens(),
            request.temperature().orElse(null), request.seed().orElse(null), Canonical.request(request), null,
            Canonical.blocks(java.util.List.of()), null, null, null, Usage.ZERO, "0", 0, 0,
            failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    @Override
    public byte[] requestBytes() {
        return requestBytes.clone();
    }

    @Override
    public byte[] responseBytes() {
        return responseBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallRecord c && provider.equals(c.provider) && model.equals(c.model)
            && Objects.equals(answeringModel, c.answeringModel) && requestHash.equals(c.requestHash)
            && maxTokens == c.maxTokens && Objects.equals(temperature, c.temperature) && Objects.equals(seed, c.seed)
            && java.util.Arrays.equals(requestBytes, c.requestBytes)
            && java.util.Arrays.equals(responseBytes, c.responseBytes) && Objects.equals(content, c.content)
            && stopReason == c.stopReason && Objects.equals(rawStopReason, c.rawStopReason)
            && Objects.equals(refusal, c.refusal) && usage.equals(c.usage) && costUsd.equals(c.costUsd)
            && latencyMillis == c.latencyMillis && attempts == c.attempts && Objects.equals(error, c.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, model, requestHash, usage, costUsd);
    }

    @Override
    public String toString() {
        return "CallRecord[" + provider + " " + model + ", " + requestHash.substring(0, 12) + ", " + usage + ", $"
            + costUsd + (error == null ? "" : ", " + error) + "]";
    }
}
