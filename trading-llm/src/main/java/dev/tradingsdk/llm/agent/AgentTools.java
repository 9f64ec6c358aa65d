package dev.tradingsdk.llm.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.options.GreeksSnapshot;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.strategy.DecisionContext;
import dev.tradingsdk.llm.ContentBlock;
import dev.tradingsdk.llm.ToolDefinition;
import dev.tradingsdk.llm.decision.DecisionParser;
import dev.tradingsdk.llm.decision.DecisionRules;
import dev.tradingsdk.llm.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tools an agent's model may call. All but {@code propose_trade} only read: the account, positions, a quote,
 * the risk limits, and the options greeks per underlying when the agent was given a greeks source. Their results
 * are JSON text; a bad call gets an error result the model can read, never an exception.
 */
final class AgentTools {

    static final String ACCOUNT = "get_account";
    static final String POSITIONS = "get_positions";
    static final String QUOTE = "get_quote";
    static final String LIMITS = "get_risk_limits";
    static final String GREEKS = "get_greeks";

    private AgentTools() {
    }

    static List<ToolDefinition> readOnly(boolean withGreeks) {
        JsonNode none = Json.read("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");
        JsonNode symbol = Json.read("{\"type\":\"object\",\"properties\":{\"symbol\":{\"type\":\"string\"}},"
            + "\"required\":[\"symbol\"],\"additionalProperties\":false}");
        List<ToolDefinition> tools = new ArrayList<>(List.of(
            new ToolDefinition(ACCOUNT, "Equity, cash, margin and P&L of your account.", none),
            new ToolDefinition(POSITIONS, "Your open positions with average price.", none),
            new ToolDefinition(QUOTE, "Latest bid and ask of a tradable symbol.", symbol),
            new ToolDefinition(LIMITS, "What a decision may be: leverage, sizes, shorting, symbols.", none)));
        if (withGreeks) {
            tools.add(new ToolDefinition(GREEKS, "Net delta, gamma, vega and theta of your options book per underlying"
                + " (computed by code from the current prices and volatilities).", none));
        }
        return List.copyOf(tools);
    }

    static ToolDefinition proposeTrade() {
        return new ToolDefinition(DecisionParser.PROPOSE_TOOL,
            "Propose your trade decision (one per answer). It is validated and then executed or sent for approval.",
            DecisionParser.schema());
    }

    /** Runs read-only tool {@code use}; the result block carries the same id. */
    static ContentBlock.ToolResult run(ContentBlock.ToolUse use, DecisionContext context, DecisionRules rules,
                                       Supplier<GreeksSnapshot> greeks) {
        try {
            return new ContentBlock.ToolResult(use.id(), Json.MAPPER.writeValueAsString(result(use, context, rules,
                greeks)), false);
        } catch (IllegalArgumentException e) {
            return new ContentBlock.ToolResult(use.id(), e.getMessage(), true);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new ContentBlock.ToolResult(use.id(), "cannot render the result", true);
        }
    }

    private static JsonNode result(ContentBlock.ToolUse use, DecisionContext context, DecisionRules rules,
                                   Supplier<GreeksSnapshot> greeks) {
        AccountView a = context.account();
        switch (use.name()) {
            case ACCOUNT: {
                return Json.object().put("currency", a.currency().code()).put("equity", a.equity().toBigDecimal())
                    .put("cash", a.cash().toBigDecimal()).put("margin_used", a.marginUsed().toBigDecimal())
                    .put("margin_available", a.marginAvailable().toBigDecimal())
                    .put("realized_pnl", a.realizedPnl().toBigDecimal())
                    .put("unrealized_pnl", a.unrealizedPnl().toBigDecimal());
            }
            case POSITIONS: {
                ArrayNode out = Json.object().arrayNode();
                for (Position p : a.positions()) {
                    if (!p.isFlat()) {
                        out.addObject().put("symbol", p.instrument().symbol()).put("net_quantity", p.netQuantity())
                            .put("average_price", p.averagePrice().toBigDecimal());
                    }
                }
                return out;
            }
            case QUOTE: {
                String symbol = use.input().path("symbol").asText();
                Instrument i = rules.instrument(symbol).orElseThrow(() ->
                    new IllegalArgumentException("unknown symbol \"" + symbol + "\"; tradable: " + rules.instruments().keySet()));
                Quote q = context.quotes().get(i.id());
                if (q == null) {
                    throw new IllegalArgumentException("no quote for " + symbol + " yet");
                }
                return Json.object().put("symbol", symbol).put("bid", q.bid().toBigDecimal())
                    .put("ask", q.ask().toBigDecimal()).put("time", q.timestamp().toString());
            }
            case LIMITS: {
                ObjectNode out = Json.object().put("max_leverage", rules.maxLeverage())
                    .put("max_percent_of_equity", rules.maxPercentOfEquity()).put("shorting_allowed",
                        rules.shortingAllowed());
                ObjectNode max = out.putObject("max_quantity");
                for (Map.Entry<String, Instrument> e : rules.instruments().entrySet()) {
                    rules.maxQuantity(e.getKey()).ifPresent(q -> max.put(e.getKey(), q.toBigDecimal()));
                }
                return out;
            }
            case GREEKS: {
                if (greeks == null) {
                    throw new IllegalArgumentException("unknown tool \"" + use.name() + "\"");
                }
                GreeksSnapshot snapshot = greeks.get();
                ObjectNode out = Json.object().put("account", snapshot.accountId())
                    .put("positions_outside_book", snapshot.positionsOutsideBook());
                ArrayNode rows = out.putArray("underlyings");
                for (GreeksSnapshot.Underlying u : snapshot.underlyings()) {
                    rows.addObject().put("underlying", u.underlying()).put("net_delta", u.netDelta())
                        .put("gamma", u.gamma()).put("vega", u.vega()).put("theta", u.theta())
                        .put("complete", u.complete());
                }
                return out;
            }
            default:
                throw new IllegalArgumentException("unknown tool \"" + use.name() + "\"");
        }
    }
}
