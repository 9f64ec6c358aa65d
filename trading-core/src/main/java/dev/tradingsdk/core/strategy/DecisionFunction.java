package dev.tradingsdk.core.strategy;

import dev.tradingsdk.core.order.OrderRequest;
import java.util.List;

/**
 * A strategy written as a decision: given the time, a read-only view of its account and the latest quotes, the
 * orders it wants placed now (empty to do nothing). {@link DecisionStrategy} runs one on a schedule inside a
 * {@link TradingEngine}, so its orders pass the same risk governor as any strategy's. LLM agents and competition
 * participants implement it.
 *
 * <p>Throwing (an exception or an error such as {@link StackOverflowError}) stops this decision function's
 * strategy with the reason; nothing it returned earlier is undone and the engine keeps running the others.
 */
@FunctionalInterface
public interface DecisionFunction {

    /** The orders to submit now, in order; never null. Called on the engine's loop thread. */
    List<OrderRequest> decide(DecisionContext context);
}
