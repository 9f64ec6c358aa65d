package dev.tradingsdk.llm.log;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One agent invocation as journaled: who (tenant), when (decision time), which prompt (hash), the model calls it
 * made (tool rounds included), the tool calls and their results, what the answer was read as, and the orders it
 * led to and those refused.
 *
 * @param tenant        the agent's tenant or participant name
 * @param agent         the agent's identity, e.g. {@code anthropic:claude-sonnet-4-5}
 * @param time          decision time
 * @param kind          {@code decision} or {@code chat}
 * @param promptHash    hash of the rendered prompt
 * @param calls         every model call, in order
 * @param toolCalls     every tool call with its result, in order
 * @param outcome       {@code decided}, {@code abstained}, {@code failed} or {@code error} (the call threw)
 * @param outcomeDetail the decision, the abstention reason or the problems
 * @param orders        orders placed (descriptions with client order ids)
 * @param rejections    orders or requests refused, with reasons
 */
public record InvocationRecord(String tenant, String agent, Instant time, String kind, String promptHash,
                               List<CallRecord> calls, List<ToolCallRecord> toolCalls, String outcome,
                               String outcomeDetail, List<String> orders, List<String> rejections) {

    /** One tool call: name, input JSON text, result text. */
    public record ToolCallRecord(String id, String name, String input, String result, boolean error) {
    }

    public InvocationRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(promptHash, "promptHash");
        calls = List.copyOf(calls);
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(outcomeDetail, "outcomeDetail");
        orders = List.copyOf(orders);
        rejections = List.copyOf(rejections);
    }
}
