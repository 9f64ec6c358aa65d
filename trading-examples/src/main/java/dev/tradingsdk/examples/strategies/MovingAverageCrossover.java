package dev.tradingsdk.examples.strategies;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import java.util.Objects;

/**
 * A long-only moving-average crossover on bar closes: when the fast simple moving average crosses above the
 * slow one it buys a fixed quantity with a market order; when it crosses below it sells the whole position.
 * The first bar with both averages defined only sets the state (no trade). Averages are compared exactly, as
 * {@code fastSum · slow > slowSum · fast} on raw prices, so no rounding decides a signal. Bars of other
 * instruments are ignored. Allocation-free except when it trades.
 */
public final class MovingAverageCrossover implements Strategy {

    private final Instrument instrument;
    private final int fast;
    private final int slow;
    private final Quantity quantity;
    private final long[] closes;
    private final ClientOrderId.Generator ids = ClientOrderId.sequence("ma");
    private long count;
    private long fastSum;
    private long slowSum;
    private int state;

    public MovingAverageCrossover(Instrument instrument, int fast, int slow, Quantity quantity) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        if (fast <= 0 || slow <= fast) {
            throw new IllegalArgumentException("need 0 < fast < slow, was fast=" + fast + " slow=" + slow);
        }
        this.fast = fast;
        this.slow = slow;
        this.quantity = Objects.requireNonNull(quantity, "quantity");
        this.closes = new long[slow];
    }

    @Override
    public void onStart(StrategyContext context) {
        context.marketData().subscribe(instrument);
    }

    @Override
    public void onEvent(MarketEvent event, StrategyContext context) {
        if (!(event instanceof Bar bar) || !bar.instrument().equals(instrument)) {
            return;
        }
        long close = bar.close().rawAt(instrument.pricePrecision());
        int slot = (int) (count % slow);
        long newFast = count >= fast ? Math.subtractExact(fastSum, closes[(int) ((count - fast) % slow)]) : fastSum;
        long newSlow = count >= slow ? Math.subtractExact(slowSum, closes[slot]) : slowSum;
        // Checked sums: a wrapped sum would silently flip the crossover signal. Nothing changes if one throws.
        newFast = Math.addExact(newFast, close);
        newSlow = Math.addExact(newSlow, close);
        fastSum = newFast;
        slowSum = newSlow;
        closes[slot] = close;
        count++;
        if (count < slow) {
            return;
        }
        int next = Long.compare(Math.multiplyExact(fastSum, slow), Math.multiplyExact(slowSum, fast)) > 0 ? 1 : -1;
        int previous = state;
        state = next;
        if (previous == 0 || previous == next) {
            return;
        }
        long net = context.account().position(instrument.id()).map(Position::netRaw).orElse(0L);
        if (next > 0 && net == 0) {
            context.orders().submit(OrderRequest.buy(instrument).clientOrderId(ids.next()).quantity(quantity).build());
        } else if (next < 0 && net > 0) {
            context.orders().submit(OrderRequest.sell(instrument).clientOrderId(ids.next())
                    .quantity(Quantity.ofRaw(net, instrument.sizePrecision())).build());
        }
    }
}
