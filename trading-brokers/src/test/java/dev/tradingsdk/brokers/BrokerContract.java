package dev.tradingsdk.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What every broker promises through core's {@link OrderGateway} beyond the test kit's
 * {@code OrderGatewayContract} (which every adapter runs too): the venue's order id and the request come back
 * with the order, a venue's refusal is a REJECTED order with the reason, a bracket is an entry with two exits
 * that are not active yet, and listeners hear of what was submitted. Written against core's interface only, so it
 * can move to the test kit; a subclass supplies the gateway and three requests its venue treats as described.
 */
public abstract class BrokerContract {

    private static final AtomicLong IDS = new AtomicLong();

    /** A fresh gateway for each test. */
    protected abstract OrderGateway gateway();

    /** A limit order far enough from the market that it rests unfilled. */
    protected abstract OrderRequest restingOrder(ClientOrderId id);

    /** An order the venue refuses (funds, rules), valid as a request. */
    protected abstract OrderRequest refusedOrder(ClientOrderId id);

    /** A bracket whose entry rests unfilled, so its exits are not yet active. */
    protected abstract BracketOrder restingBracket(ClientOrderId entry, ClientOrderId takeProfit,
                                                   ClientOrderId stopLoss);

    protected ClientOrderId newId() {
        return ClientOrderId.of("contract-" + IDS.incrementAndGet());
    }

    @Test
    void aRestingOrderIsAcceptedAndFoundByItsClientOrderId() {
        OrderGateway gateway = gateway();
        ClientOrderId id = newId();
        Order placed = gateway.submit(restingOrder(id));

        assertThat(placed.clientOrderId()).isEqualTo(id);
        assertThat(placed.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(placed.venueOrderId()).isPresent();
        Order found = gateway.order(id).orElseThrow();
        assertThat(found.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(found.request().quantity()).isEqualTo(placed.request().quantity());
        assertThat(found.request().limitPrice()).isEqualTo(placed.request().limitPrice());
        assertThat(found.filledQuantity().isZero()).isTrue();
    }

    @Test
    void aRefusedOrderComesBackRejectedWithTheReasonNotAsAnException() {
        OrderGateway gateway = gateway();
        ClientOrderId id = newId();
        Order order = gateway.submit(refusedOrder(id));

        assertThat(order.clientOrderId()).isEqualTo(id);
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.reason()).isNotBlank();
        assertThat(gateway.openOrders()).extracting(Order::clientOrderId).doesNotContain(id);
    }

    @Test
    void aBracketReturnsItsEntryAndTwoInactiveExits() {
        OrderGateway gateway = gateway();
        ClientOrderId entry = newId();
        ClientOrderId tp = newId();
        ClientOrderId sl = newId();
        List<Order> orders = gateway.submit(restingBracket(entry, tp, sl));

        assertThat(orders).extracting(Order::clientOrderId).containsExactly(entry, tp, sl);
        assertThat(orders.get(0).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(orders.get(1).status()).isEqualTo(OrderStatus.NEW);
        assertThat(orders.get(2).status()).isEqualTo(OrderStatus.NEW);
        assertThat(gateway.cancel(entry)).isTrue();
        assertThat(gateway.order(entry).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void listenersSeeTheSubmittedOrder() {
        OrderGateway gateway = gateway();
        List<Order> seen = new ArrayList<>();
        gateway.addListener(seen::add);
        ClientOrderId id = newId();
        gateway.submit(restingOrder(id));

        assertThat(seen).extracting(Order::clientOrderId).contains(id);
        assertThat(seen).filteredOn(o -> o.clientOrderId().equals(id)).extracting(Order::status)
                .contains(OrderStatus.ACCEPTED);
    }
}
