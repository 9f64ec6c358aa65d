package dev.tradingsdk.llm.agent;

import dev.tradingsdk.core.order.OrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Proposals of one tenant's agent in CONFIRMATION mode. A person approves or rejects them through this API;
 * approval is refused while trading is halted, after the proposal expired, or when the risk check re-run at the
 * current prices finds a violation (then the proposal is rejected with the violations). Approved orders are
 * released to the agent, which submits them at its next cycle through the engine's risk path (checked again
 * there). Every step is audited. Thread-safe.
 */
public final class ProposalDesk {

    private final String tenant;
    private final Duration timeToLive;
    private final AgentControls controls;
    private final ApprovalCheck check;
    private final Map<String, Proposal> proposals = new LinkedHashMap<>();
    private final List<OrderRequest> released = new ArrayList<>();
    private long sequence;

    public ProposalDesk(String tenant, Duration timeToLive, AgentControls controls, ApprovalCheck check) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        if (timeToLive == null || timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("proposal time to live must be positive, was " + timeToLive);
        }
        this.timeToLive = timeToLive;
        this.controls = Objects.requireNonNull(controls, "controls");
        this.check = Objects.requireNonNull(check, "check");
    }

    synchronized Proposal propose(String decision, List<OrderRequest> orders, Instant at, String actor) {
        Proposal p = new Proposal(tenant + "-P" + (++sequence), tenant, decision, orders, at, at.plus(timeToLive),
            Proposal.Status.PENDING, "");
        proposals.put(p.id(), p);
        audit(at, AuditEntry.Type.PROPOSAL, actor, p.id() + ": " + decision + " expires " + p.expiresAt());
        return p;
    }

    /** Approves a pending proposal at {@code now}; returns it with its new status (which may be a refusal). */
    public synchronized Proposal approve(String id, String approver, Instant now) {
        Proposal p = pending(id);
        if (controls.halted()) {
            audit(now, AuditEntry.Type.HALT_BLOCKED, approver, "approval of " + id + " refused: trading is halted");
            return p;
        }
        if (now.isAfter(p.expiresAt())) {
            return expire(p, now);
        }
        List<String> violations = new ArrayList<>();
        for (OrderRequest order : p.orders()) {
            for (String v : check.violations(order)) {
                violations.add(order.clientOrderId() + ": " + v);
            }
        }
        if (!violations.isEmpty()) {
            Proposal rejected = p.with(Proposal.Status.REJECTED, "risk check at approval: " + String.join("; ", violations));
            proposals.put(id, rejected);
            audit(now, AuditEntry.Type.RISK_VIOLATION, approver, id + ": " + rejected.reason());
            return rejected;
        }
        Proposal approved = p.with(Proposal.Status.APPROVED, "approved by " + approver);
        proposals.put(id, approved);
        released.addAll(p.orders());
        audit(now, AuditEntry.Type.APPROVAL, approver, id + " approved");
        return approved;
    }

    public synchronized Proposal reject(String id, String person, String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        Proposal rejected = pending(id).with(Proposal.Status.REJECTED, "rejected by " + person + ": " + reason);
        proposals.put(id, rejected);
        audit(now, AuditEntry.Type.REJECTION, person, id + ": " + reason);
        return rejected;
    }

    /** Marks every pending proposal past its expiry as EXPIRED; returns how many. */
    public synchronized int expire(Instant now) {
        int n = 0;
        for (Proposal p : List.copyOf(proposals.values())) {
            if (p.status() == Proposal.Status.PENDING && now.isAfter(p.expiresAt())) {
                expire(p, now);
                n++;
            }
        }
        return n;
    }

    private Proposal expire(Proposal p, Instant now) {
        Proposal expired = p.with(Proposal.Status.EXPIRED, "expired at " + p.expiresAt());
        proposals.put(p.id(), expired);
        audit(now, AuditEntry.Type.EXPIRY, "system", p.id() + " expired at " + p.expiresAt());
        return expired;
    }

    /** The approved orders not yet submitted, handed over once (nothing while halted). */
    synchronized List<OrderRequest> takeReleased() {
        if (controls.halted() || released.isEmpty()) {
            return List.of();
        }
        List<OrderRequest> out = List.copyOf(released);
        released.clear();
        for (Proposal p : List.copyOf(proposals.values())) {
            if (p.status() == Proposal.Status.APPROVED) {
                proposals.put(p.id(), p.with(Proposal.Status.EXECUTED, p.reason()));
            }
        }
        return out;
    }

    public synchronized Optional<Proposal> proposal(String id) {
        return Optional.ofNullable(proposals.get(id));
    }

    public synchronized List<Proposal> proposals() {
        return List.copyOf(proposals.values());
    }

    public synchronized List<Proposal> pending() {
        return proposals.values().stream().filter(p -> p.status() == Proposal.Status.PENDING).toList();
    }

    private Proposal pending(String id) {
        Proposal p = proposals.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no proposal " + id + " for tenant " + tenant);
        }
        if (p.status() != Proposal.Status.PENDING) {
            throw new IllegalStateException("proposal " + id + " is " + p.status() + ", not PENDING");
        }
        return p;
    }

    private void audit(Instant at, AuditEntry.Type type, String actor, String detail) {
        controls.audit().append(new AuditEntry(at, tenant, type, actor, detail));
    }
}
