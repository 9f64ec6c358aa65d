package dev.tradingsdk.llm.council;

import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.strategy.OrderEntry;
import java.util.List;
import java.util.Objects;

/** Where the council's orders go: a gateway (a broker account) or a strategy's engine order entry (risk-checked). */
public interface CouncilOrders {

    Order submit(OrderRequest request);

    List<Order> submit(BracketOrder bracket);

    static CouncilOrders of(OrderGateway gateway) {
        Objects.requireNonNull(gateway, "gateway");
        return new CouncilOrders() {
            @Override
            public Order submit(OrderRequest request) {
                return gateway.submit(request);
            }

            @Override
            public List<Order> submit(BracketOrder bracket) {
                return gateway.submit(bracket);
            }
        };
    }

    /** Through the engine: every order passes its risk governor first. */
    static CouncilOrders of(OrderEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return new CouncilOrders() {
            @Override
            public Order submit(OrderRequest request) {
                return entry.submit(request);
            }

            @Override
            public List<Order> submit(BracketOrder bracket) {
                return entry.submit(bracket);
            }
        };
    }
}
