package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.indicators.ExponentialMovingAverage;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;

/**
 * The strategy core's own tests and README snippets run: long-only, it buys {@code quantity} when the fast
 * exponential average of closes rises above the slow one and sells the whole position when it falls below.
 * Core ships no sample strategies; trading-examples has the documented ones (its {@code MovingAverageCrossover}).
 * The averages are statistics (doubles) from core's indicators; the orders are exact.
 */
public final class EmaCrossover implements Strategy {

    private final Instrument instrument;
    private final Quantity quantity;
    private final ExponentialMovingAverage fast;
    private final ExponentialMovingAverage slow;
    private final ClientOrderId.Generator ids = ClientOrderId.sequence("ema");
    private int trend;

    public EmaCrossover(Instrument instrument, int fast, int slow, Quantity quantity) {
        if (fast <= 0 || slow <= fast) {
            throw new IllegalArgumentException("need 0 < fast < slow, was fast=" + fast + " slow=" + slow);
        }
        this.instrument = instrument;
        this.quantity = quantity;
        this.fast = new ExponentialMovingAverage(fast);
        this.slow = new ExponentialMovingAverage(slow);
    }

    @Override
    public void onStart(StrategyContext context) {
        context.marketData().subscribe(instrument);
    }

    @Override
    public void onEvent(MarketEvent event, StrategyContext context) {
        if (event instanceof Bar bar && bar.instrument().equals(instrument)) {
            onClose(bar.close().toDouble(), context);
        }
    }

    /** Trades toward the target position (quantity when the fast average is above, flat otherwise). */
    private void onClose(double close, StrategyContext context) {
        fast.update(close);
        slow.update(close);
        if (!slow.isReady()) {
            return;
        }
        int previous = trend;
        trend = fast.value() > slow.value() ? 1 : -1;
        if (previous == 0 || previous == trend) {
            return;
        }
        long target = trend > 0 ? quantity.rawAt(instrument.sizePrecision()) : 0;
        long change = target - context.account().position(instrument.id()).map(Position::netRaw).orElse(0L);
        if (change != 0) {
            OrderRequest.Builder order = change > 0 ? OrderRequest.buy(instrument) : OrderRequest.sell(instrument);
            context.orders().submit(order.clientOrderId(ids.next())
                    .quantity(Quantity.ofRaw(Math.abs(change), instrument.sizePrecision())).build());
        }
    }
}
