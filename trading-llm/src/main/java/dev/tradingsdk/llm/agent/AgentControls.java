package dev.tradingsdk.llm.agent;

import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What operators control across every tenant: a global switch that disables autonomous mode (an autonomous agent's
 * orders are then refused and audited, nothing is sent), and the engine's halt, which blocks everything agents do,
 * approvals included. Shared by all agents of a deployment; thread-safe.
 */
public final class AgentControls {

    private final BooleanSupplier halted;
    private final AuditLog audit;
    private volatile boolean autonomousEnabled = true;

    /**
     * @param halted whether trading is halted, e.g. {@code () -> engine.status().tradingState() == TradingState.HALTED}
     * @param audit  where mode changes, refusals and everything else agents do are recorded
     */
    public AgentControls(BooleanSupplier halted, AuditLog audit) {
        this.halted = Objects.requireNonNull(halted, "halted");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public boolean halted() {
        return halted.getAsBoolean();
    }

    public boolean autonomousEnabled() {
        return autonomousEnabled;
    }

    /** Turns autonomous mode on or off for every agent, audited under the tenant {@code *}. */
    public void setAutonomousEnabled(boolean enabled, String operator, String reason, Instant at) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(reason, "reason");
        this.autonomousEnabled = enabled;
        audit.append(new AuditEntry(at, "*", AuditEntry.Type.MODE_CHANGE, operator,
            "autonomous mode " + (enabled ? "enabled" : "disabled") + ": " + reason));
    }

    public AuditLog audit() {
        return audit;
    }
}
