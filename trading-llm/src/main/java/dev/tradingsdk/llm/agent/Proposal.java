package dev.tradingsdk.llm.agent;

import dev.tradingsdk.core.order.OrderRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A decision waiting for a person: the orders it would place, until when it may be approved, and where it stands.
 *
 * @param id        unique within its desk, e.g. {@code tenant-a-P3}
 * @param tenant    whose agent proposed it
 * @param decision  the decision as text
 * @param orders    what approval would submit
 * @param createdAt decision time
 * @param expiresAt after this it can no longer be approved
 * @param status    where it stands
 * @param reason    why it is not pending (approver, rejection reason, risk violations), empty while pending
 */
public record Proposal(String id, String tenant, String decision, List<OrderRequest> orders, Instant createdAt,
                       Instant expiresAt, Status status, String reason) {

    public enum Status { PENDING, APPROVED, EXECUTED, REJECTED, EXPIRED }

    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(decision, "decision");
        orders = List.copyOf(orders);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    Proposal with(Status newStatus, String why) {
        return new Proposal(id, tenant, decision, orders, createdAt, expiresAt, newStatus, why);
    }
}
