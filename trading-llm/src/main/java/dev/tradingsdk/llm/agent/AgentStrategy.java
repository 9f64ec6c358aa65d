package dev.tradingsdk.llm.agent;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.strategy.DecisionFunction;
import dev.tradingsdk.core.strategy.DecisionStrategy;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TimerEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An agent on the engine's schedule ({@link DecisionStrategy}) that also audits what the engine did with its
 * orders: every order the risk governor or the venue rejected becomes a {@code RISK_VIOLATION} entry of the
 * tenant, naming each violated rule, and every fill an {@code EXECUTION} entry.
 */
public final class AgentStrategy implements Strategy {

    private final String tenant;
    private final String actor;
    private final DecisionStrategy schedule;
    private final AuditLog audit;

    private AgentStrategy(String tenant, String actor, DecisionStrategy schedule, AuditLog audit) {
        this.tenant = tenant;
        this.actor = actor;
        this.schedule = schedule;
        this.audit = audit;
    }

    /** {@code agent} deciding every {@code interval} on {@code instruments}, audited in its controls' log. */
    public static AgentStrategy every(Duration interval, TradingAgent agent, List<Instrument> instruments,
                                      AgentControls controls) {
        return of(interval, agent, agent.tenant(), agent.agentId(), instruments, controls.audit());
    }

    /** Any decision function (a {@link RuleBasedAgent}, say) under {@code tenant}. */
    public static AgentStrategy of(Duration interval, DecisionFunction decisions, String tenant, String actor,
                                   List<Instrument> instruments, AuditLog audit) {
        return new AgentStrategy(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(actor, "actor"),
            DecisionStrategy.every(interval, decisions, instruments), Objects.requireNonNull(audit, "audit"));
    }

    @Override
    public void onStart(StrategyContext context) {
        schedule.onStart(context);
    }

    @Override
    public void onEvent(MarketEvent event, StrategyContext context) {
        schedule.onEvent(event, context);
    }

    @Override
    public void onTimer(TimerEvent timer, StrategyContext context) {
        schedule.onTimer(timer, context);
    }

    @Override
    public void onOrderUpdate(Order order, StrategyContext context) {
        if (order.status() == OrderStatus.REJECTED) {
            List<RiskViolation> violations = context.orders().violations(order.clientOrderId());
            String why = violations.isEmpty() ? "venue: " + order.reason()
                : violations.stream().map(RiskViolation::toString).collect(Collectors.joining("; "));
            audit.append(new AuditEntry(context.clock().now(), tenant, AuditEntry.Type.RISK_VIOLATION, actor,
                order.clientOrderId() + " " + order.side() + " " + order.request().quantity() + " "
                    + order.instrument().symbol() + " rejected: " + why));
        }
    }

    @Override
    public void onFill(Fill fill, Order order, StrategyContext context) {
        audit.append(new AuditEntry(context.clock().now(), tenant, AuditEntry.Type.EXECUTION, actor,
            "filled " + fill));
    }

    @Override
    public String toString() {
        return "AgentStrategy[" + tenant + ", " + schedule + "]";
    }
}
