package dev.tradingsdk.llm.log;

import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.LlmClient;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.StopReason;
import dev.tradingsdk.llm.Usage;
import dev.tradingsdk.llm.internal.Canonical;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A model with no network: either it replays a recorded {@link InvocationLog}, serving each request the answer
 * recorded for the same request hash (several identical requests get their answers in recorded order), or it
 * answers by a deterministic script. A request the recording does not hold throws: a replay that diverges says
 * so instead of inventing an answer. Usage of scripted answers is counted as one token per four bytes, so budgets
 * and costs have something to work on.
 */
public final class ScriptedLlm implements LlmClient {

    private final String provider;
    private final Map<String, Deque<CallRecord>> recorded;
    private final Function<LlmRequest, List<ContentBlock>> script;
    private int calls;

    private ScriptedLlm(String provider, Map<String, Deque<CallRecord>> recorded,
                        Function<LlmRequest, List<ContentBlock>> script) {
        this.provider = provider;
        this.recorded = recorded;
        this.script = script;
    }

    /** Serves the answers of every successful call recorded in {@code log}. */
    public static ScriptedLlm replaying(InvocationLog log) {
        Map<String, Deque<CallRecord>> byHash = new HashMap<>();
        String provider = null;
        for (InvocationRecord r : log.records()) {
            for (CallRecord c : r.calls()) {
                if (c.error() == null) {
                    byHash.computeIfAbsent(c.requestHash(), h -> new ArrayDeque<>()).add(c);
                    provider = provider == null ? c.provider() : provider;
                }
            }
        }
        return new ScriptedLlm(provider == null ? "scripted" : provider, byHash, null);
    }

    /** Answers every request with the text {@code script} returns for it. */
    public static ScriptedLlm answering(Function<LlmRequest, String> script) {
        Objects.requireNonNull(script, "script");
        return new ScriptedLlm("scripted", null, r -> List.of(new ContentBlock.Text(script.apply(r))));
    }

    /** Answers every request with the blocks {@code script} returns (tool calls, for instance). */
    public static ScriptedLlm answeringBlocks(Function<LlmRequest, List<ContentBlock>> script) {
        return new ScriptedLlm("scripted", null, Objects.requireNonNull(script, "script"));
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public synchronized LlmResponse complete(LlmRequest request) {
        calls++;
        byte[] canonical = Canonical.request(request);
        String hash = Canonical.requestHash(request);
        if (script != null) {
            List<ContentBlock> blocks = script.apply(request);
            boolean tools = blocks.stream().anyMatch(ContentBlock.ToolUse.class::isInstance);
            long out = 0;
            for (ContentBlock b : blocks) {
                out += Canonical.blocks(List.of(b)).toString().getBytes(StandardCharsets.UTF_8).length;
            }
            Usage usage = new Usage(Math.max(1, canonical.length / 4), Math.max(1, out / 4), 0, 0, 0);
            byte[] response = Canonical.blocks(blocks).toString().getBytes(StandardCharsets.UTF_8);
            return new LlmResponse("scripted-" + calls, request.model(), blocks,
                tools ? StopReason.TOOL_USE : StopReason.END_TURN, tools ? "tool_use" : "end_turn", null, usage,
                canonical, response, null, 1, Duration.ZERO);
        }
        Deque<CallRecord> queue = recorded.get(hash);
        if (queue == null || queue.isEmpty()) {
            throw new IllegalStateException("no recorded answer for request " + hash + " (model " + request.model()
                + "): the replay diverged from the recording");
        }
        CallRecord c = queue.poll();
        return new LlmResponse("replayed-" + calls, c.answeringModel(), Canonical.blocks(c.content()), c.stopReason(),
            c.rawStopReason(), c.refusal(), c.usage(), c.requestBytes(), c.responseBytes(), null, c.attempts(),
            Duration.ofMillis(c.latencyMillis()));
    }

    /** How many recorded answers were not asked for (0 after a faithful replay). */
    public synchronized int unusedAnswers() {
        return recorded == null ? 0 : recorded.values().stream().mapToInt(Deque::size).sum();
    }

    @Override
    public String toString() {
        return script != null ? "ScriptedLlm[script]" : "ScriptedLlm[replaying " + provider + "]";
    }
}
