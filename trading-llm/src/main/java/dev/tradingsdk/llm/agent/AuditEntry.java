package dev.tradingsdk.llm.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited fact about a tenant's agent.
 *
 * @param time   when (the engine's time for cycles, the approver's for approvals)
 * @param tenant whose agent
 * @param type   what happened
 * @param actor  who did it: the agent's identity, a person, or {@code system}
 * @param detail what exactly (decision, proposal id, reason)
 */
public record AuditEntry(Instant time, String tenant, Type type, String actor, String detail) {

    public enum Type {
        DECISION, ABSTENTION, PARSE_FAILURE, CALL_FAILURE, PROPOSAL, APPROVAL, REJECTION, EXPIRY, EXECUTION,
        MODE_CHANGE, AUTONOMOUS_REFUSED, HALT_BLOCKED, RISK_VIOLATION, CHAT
    }

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
    }
}
