package dev.tradingsdk.core.gateway;

import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.TimeInForce;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a gateway supports, declared up front so callers learn it before trading rather than from a runtime
 * "not implemented" error.
 */
public record GatewayCapabilities(Set<OrderType> orderTypes, Set<TimeInForce> timesInForce, boolean brackets,
                                  boolean postOnly, boolean reduceOnly, boolean shortSelling) {

    public GatewayCapabilities {
        orderTypes = Set.copyOf(orderTypes);
        timesInForce = Set.copyOf(timesInForce);
    }

    /** Every order type and time in force, brackets, post-only, reduce-only and shorting. */
    public static GatewayCapabilities all() {
        return new GatewayCapabilities(EnumSet.allOf(OrderType.class), EnumSet.allOf(TimeInForce.class), true, true,
                true, true);
    }
}
