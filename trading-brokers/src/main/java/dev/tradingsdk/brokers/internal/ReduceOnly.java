package dev.tradingsdk.brokers.internal;

import dev.tradingsdk.brokers.BrokerPosition;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.util.List;

/**
 * Reduce-only for venues without the flag: checked against the positions just read, before sending. A fill
 * between the read and the order can still make it increase a position; venues with the flag do better.
 */
public final class ReduceOnly {

    private ReduceOnly() {
    }

    /** Why {@code request} would not reduce a position, or null when it would (or is not reduce-only). */
    public static String refusal(OrderRequest request, List<BrokerPosition> positions) {
        if (!request.reduceOnly()) {
            return null;
        }
        PositionSide reducible = request.side() == Side.SELL ? PositionSide.LONG : PositionSide.SHORT;
        for (BrokerPosition p : positions) {
            if (p.instrument().symbol().equals(request.instrument().symbol()) && p.side() == reducible) {
                if (request.quantity().toBigDecimal().compareTo(p.quantity().toBigDecimal()) > 0) {
                    return "reduce-only " + request.side() + " of " + request.quantity() + " exceeds the " + reducible
                            + " position of " + p.quantity();
                }
                return null;
            }
        }
        return "reduce-only " + request.side() + " of " + request.instrument().symbol() + ": no " + reducible
                + " position to reduce";
    }
}
