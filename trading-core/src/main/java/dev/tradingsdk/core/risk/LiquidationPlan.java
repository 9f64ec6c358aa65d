package dev.tradingsdk.core.risk;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.util.List;
import java.util.Objects;

/**
 * Which positions to close, in which order, to bring an account back to a margin level. The plan is advice
 * carried by an event; whoever owns the account executes it.
 *
 * @param steps          the closes, in execution order
 * @param marginReleased margin freed if every step is executed
 * @param restoresLevel  whether executing every step reaches the target level
 */
public record LiquidationPlan(List<Step> steps, Money marginReleased, boolean restoresLevel) {

    public LiquidationPlan {
        steps = List.copyOf(steps);
        Objects.requireNonNull(marginReleased, "marginReleased");
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Close {@code quantity} of {@code instrument} with an order on {@code side}. */
    public record Step(InstrumentId instrument, Side side, Quantity quantity, Money unrealizedPnl,
                       Money marginReleased) {
        public Step {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
            Objects.requireNonNull(marginReleased, "marginReleased");
        }
    }
}
