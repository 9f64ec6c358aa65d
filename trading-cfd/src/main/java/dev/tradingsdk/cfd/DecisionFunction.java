package dev.tradingsdk.cfd;

import dev.tradingsdk.core.order.OrderRequest;
import java.util.List;

/**
 * A participant's decision: given a read-only view of its account and the current prices, the orders it wants
 * to place now (empty to do nothing). Called on the competition's schedule; throwing disqualifies the
 * participant.
 */
@FunctionalInterface
public interface DecisionFunction {

    List<OrderRequest> decide(DecisionContext context);
}
