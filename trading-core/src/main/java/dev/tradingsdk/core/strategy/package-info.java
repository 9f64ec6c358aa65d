/**
 * The strategy runtime: one {@link dev.tradingsdk.core.strategy.Strategy} API run by one
 * {@link dev.tradingsdk.core.strategy.TradingEngine} in replay, paper and live trading.
 *
 * <p>A strategy sees only narrow interfaces through its {@link dev.tradingsdk.core.strategy.StrategyContext}: a
 * read-only account, a clock it cannot set, an order API whose every order passes the engine's
 * {@link dev.tradingsdk.core.risk.RiskGovernor} before any gateway sees it, market-data subscriptions and timers.
 * Everything a strategy is told (market events, timers, order updates, fills, loss of market-data continuity)
 * arrives on the engine's single loop thread, in time order, so a strategy is never called concurrently and a
 * replay is deterministic.
 *
 * <p>{@link dev.tradingsdk.core.strategy.DecisionFunction} is the decision-shaped alternative ("given the time, my
 * account and the prices, the orders I want now"), run on a schedule by
 * {@link dev.tradingsdk.core.strategy.DecisionStrategy}; LLM agents and competition participants implement it.
 */
package dev.tradingsdk.core.strategy;
