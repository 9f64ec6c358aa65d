package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.order.OrderRequest;

/**
 * A check run on every request before the simulated venue accepts it, e.g. a risk governor. Returns the
 * rejection reason, or {@code null} to let the order through.
 */
@FunctionalInterface
public interface PreTradeCheck {

    PreTradeCheck NONE = request -> null;

    String rejectionReason(OrderRequest request);
}
