package dev.tradingsdk.examples.cli;

import dev.tradingsdk.core.options.GreeksSnapshot;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.strategy.AccountStatus;
import dev.tradingsdk.core.strategy.EngineStatus;
import dev.tradingsdk.core.strategy.FeedStatus;
import dev.tradingsdk.core.strategy.PositionStatus;
import dev.tradingsdk.core.strategy.StrategyStatus;
import dev.tradingsdk.core.strategy.UnreconciledOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine's {@link EngineStatus} as the maps and lists {@link LoopbackApi} writes as JSON: every figure the
 * runtime exposes (strategies with their published detail, accounts with positions and greeks, open orders, feeds,
 * stale instruments, unreconciled orders), money and quantities as their exact text. The same shape for any
 * engine, so a status endpoint is one line.
 */
public final class EngineStatusJson {

    private EngineStatusJson() {
    }

    public static Map<String, Object> of(EngineStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("asOf", s.asOf().toString());
        m.put("mode", s.mode().toString());
        m.put("engine", s.state().toString());
        m.put("trading", s.tradingState().toString());
        s.failure().ifPresent(f -> m.put("failure", f));
        m.put("eventsHandled", s.eventsHandled());
        m.put("strategies", s.strategies().stream().map(EngineStatusJson::strategy).toList());
        m.put("accounts", s.accounts().stream().map(EngineStatusJson::account).toList());
        m.put("openOrders", s.openOrders().stream().map(EngineStatusJson::order).toList());
        m.put("feeds", s.feeds().stream().map(EngineStatusJson::feed).toList());
        m.put("staleInstruments", s.staleInstruments().stream().map(Object::toString).sorted().toList());
        m.put("unreconciledOrders", s.unreconciledOrders().stream().map(EngineStatusJson::unreconciled).toList());
        return m;
    }

    private static Map<String, Object> strategy(StrategyStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.strategyId());
        m.put("account", s.accountId());
        m.put("state", s.state().toString());
        s.failure().ifPresent(f -> m.put("failure", f));
        s.failedAt().ifPresent(t -> m.put("failedAt", t.toString()));
        s.detail().ifPresent(d -> {
            m.put("level", d.level());
            m.put("detail", d.fields());
        });
        return m;
    }

    private static Map<String, Object> account(AccountStatus a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.accountId());
        m.put("cash", a.cash().toString());
        m.put("equity", a.equity().toString());
        m.put("realizedPnl", a.realizedPnl().toString());
        m.put("unrealizedPnl", a.unrealizedPnl().toString());
        List<Map<String, Object>> positions = new ArrayList<>();
        for (PositionStatus p : a.positions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("instrument", p.instrument().toString());
            row.put("side", p.side().toString());
            row.put("quantity", p.quantity().toString());
            row.put("averagePrice", p.averagePrice().toString());
            row.put("realizedPnl", p.realizedPnl().toString());
            positions.add(row);
        }
        m.put("positions", positions);
        a.greeks().ifPresent(g -> m.put("greeks", greeks(g)));
        return m;
    }

    /** Per underlying: net delta (units of the underlying), gamma, vega and theta (quote currency per year). */
    public static List<Map<String, Object>> greeks(GreeksSnapshot g) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GreeksSnapshot.Underlying u : g.underlyings()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("underlying", u.underlying());
            row.put("netDelta", u.netDelta());
            row.put("gamma", u.gamma());
            row.put("vega", u.vega());
            row.put("theta", u.theta());
            row.put("complete", u.complete());
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> order(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientOrderId", o.clientOrderId().toString());
        m.put("instrument", o.instrument().id().toString());
        m.put("side", o.side().toString());
        m.put("status", o.status().toString());
        m.put("filled", o.filledQuantity().toString());
        m.put("leaves", o.leavesQuantity().toString());
        return m;
    }

    private static Map<String, Object> feed(FeedStatus f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("events", f.events());
        f.lastEventTime().ifPresent(t -> m.put("lastEventTime", t.toString()));
        return m;
    }

    private static Map<String, Object> unreconciled(UnreconciledOrder u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", u.accountId());
        m.put("clientOrderId", u.orderId().toString());
        m.put("instrument", u.instrument().toString());
        m.put("reason", u.reason());
        return m;
    }
}
