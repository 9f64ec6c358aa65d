package dev.tradingsdk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.TimeInForce;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayCapabilitiesTest {

    @Test
    void allMeansEverything() {
        GatewayCapabilities all = GatewayCapabilities.all();
        assertThat(all.orderTypes()).containsExactlyInAnyOrder(OrderType.values());
        assertThat(all.timesInForce()).containsExactlyInAnyOrder(TimeInForce.values());
        assertThat(all.brackets() && all.postOnly() && all.reduceOnly() && all.shortSelling()).isTrue();
    }

    @Test
    void declaredSetsAreCopiedAndImmutable() {
        Set<OrderType> types = EnumSet.of(OrderType.LIMIT);
        GatewayCapabilities limitOnly = new GatewayCapabilities(types, Set.of(TimeInForce.GTC), false, false, true,
                false);
        types.add(OrderType.MARKET);
        assertThat(limitOnly.orderTypes()).containsExactly(OrderType.LIMIT);
        assertThatThrownBy(() -> limitOnly.timesInForce().add(TimeInForce.IOC))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
