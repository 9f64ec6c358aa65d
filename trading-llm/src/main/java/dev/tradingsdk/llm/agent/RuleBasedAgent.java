package dev.tradingsdk.llm.agent;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.strategy.DecisionContext;
import dev.tradingsdk.core.strategy.DecisionFunction;
import dev.tradingsdk.llm.decision.DecisionOutcome;
import dev.tradingsdk.llm.decision.DecisionParser;
import dev.tradingsdk.llm.decision.DecisionRules;
import dev.tradingsdk.llm.internal.Json;
import dev.tradingsdk.llm.log.InvocationLog;
import dev.tradingsdk.llm.log.InvocationRecord;
import dev.tradingsdk.llm.prompt.Indicators;
import dev.tradingsdk.llm.prompt.MarketHistory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A keyless baseline behind the same interfaces as {@link TradingAgent}: a moving-average crossover on the bars
 * closed by the decision time. Long {@code percent} of equity when the fast average is above the slow one and the
 * book is flat; close when it falls below. Its decisions go through the same {@link DecisionParser} validation and
 * are journaled in the same {@link InvocationLog} (with no model calls).
 */
public final class RuleBasedAgent implements DecisionFunction {

    private final String tenant;
    private final Instrument instrument;
    private final MarketHistory history;
    private final int fast;
    private final int slow;
    private final BigDecimal percent;
    private final InvocationLog log;
    private final ClientOrderId.Generator ids;

    public RuleBasedAgent(String tenant, Instrument instrument, MarketHistory history, int fast, int slow,
                          BigDecimal percent, InvocationLog log) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.history = Objects.requireNonNull(history, "history");
        if (fast < 1 || slow <= fast) {
            throw new IllegalArgumentException("need 1 <= fast < slow, were fast=" + fast + " slow=" + slow);
        }
        this.fast = fast;
        this.slow = slow;
        this.percent = Objects.requireNonNull(percent, "percent");
        this.log = Objects.requireNonNull(log, "log");
        this.ids = ClientOrderId.sequence(tenant);
    }

    public String agentId() {
        return "rule:sma-" + fast + "/" + slow;
    }

    @Override
    public List<OrderRequest> decide(DecisionContext context) {
        if (!context.quotes().containsKey(instrument.id())) {
            return List.of();
        }
        List<Bar> bars = history.at(context.time()).recentBars(instrument, slow);
        BigDecimal net = context.account().position(instrument.id()).map(p -> p.netQuantity()).orElse(BigDecimal.ZERO);
        String action = "HOLD";
        if (bars.size() == slow) {
            double f = Indicators.sma(bars, fast).orElseThrow();
            double s = Indicators.sma(bars, slow).orElseThrow();
            if (f > s && net.signum() == 0) {
                action = "BUY";
            } else if (f < s && net.signum() > 0) {
                action = "CLOSE";
            }
        }
        var json = Json.object().put("action", action).put("symbol", instrument.symbol()).put("confidence", 1)
            .put("reasoning", "sma" + fast + " vs sma" + slow);
        if (action.equals("BUY")) {
            json.put("percent_of_equity", percent);
        }
        DecisionRules rules = DecisionRules.builder().price(instrument, context.mid(instrument))
            .maxPercentOfEquity(percent).positionsFrom(context.account()).build();
        DecisionOutcome outcome = new DecisionParser(rules).parseObject(json, json.toString());
        List<OrderRequest> orders = outcome instanceof DecisionOutcome.Decided d
            ? OrderSizer.orders(d.decision(), context.account(), context.mid(instrument), ids.next()) : List.of();
        List<String> placed = new ArrayList<>();
        orders.forEach(o -> placed.add(o.side() + " " + o.quantity() + " " + o.instrument().symbol() + " id "
            + o.clientOrderId()));
        log.append(new InvocationRecord(tenant, agentId(), context.time(), "decision", "", List.of(), List.of(),
            outcome.kind(), outcome instanceof DecisionOutcome.Decided d ? d.decision().toString() : outcome.toString(),
            placed, List.of()));
        return orders;
    }

    @Override
    public String toString() {
        return "RuleBasedAgent[" + tenant + ", " + agentId() + "]";
    }
}
