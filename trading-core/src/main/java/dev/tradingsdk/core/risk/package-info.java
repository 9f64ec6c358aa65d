/**
 * Pre-trade risk: {@link dev.tradingsdk.core.risk.RiskGovernor} checks each order against a list of
 * {@link dev.tradingsdk.core.risk.RiskRule}s and the {@link dev.tradingsdk.core.risk.TradingState} of the account
 * (with a global kill switch); post-trade monitors ({@link dev.tradingsdk.core.risk.monitor.StopLossMonitor},
 * {@link dev.tradingsdk.core.risk.monitor.MarginMonitor}) raise events with liquidation plans. Every decision and state
 * change is an audit {@link dev.tradingsdk.core.risk.RiskEvent}. See README-risk.md in trading-core.
 */
package dev.tradingsdk.core.risk;

