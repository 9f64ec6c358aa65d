package dev.tradingsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderGateway} promises, as a JUnit 5 suite: extend it once per gateway (the simulated venue, a
 * CFD account, each venue adapter on MockWebServer, each broker) and implement the fixture methods.
 *
 * <p>The promises: the request's client order id identifies the order everywhere; a request the gateway will not
 * take comes back {@code REJECTED} with a reason instead of throwing; a fill is reported before the order update
 * that reflects it; a reduce-only order with nothing to reduce ends (rejected or canceled) without an execution, and
 * a duplicate id places no second order (it is rejected, or refused with an exception naming the id); the declared capabilities
 * are honored; what the gateway hands out are snapshots that later events do not change; cancelling an unknown
 * order says so; concurrent submissions lose nothing.
 */
public abstract class OrderGatewayContract {

    /** The gateway under test, new for each test. */
    protected OrderGateway gateway;

    /** A new gateway with no orders and a flat account, able to price {@link #instrument()}. */
    protected abstract OrderGateway newGateway();

    /** The instrument the suite trades. */
    protected abstract Instrument instrument();

    /**
     * A buy the gateway accepts and leaves open, such as a limit far below the market; null for a gateway on which
     * nothing rests (a CFD account that fills market orders at once), and the tests about open orders are then
     * skipped.
     */
    protected abstract OrderRequest restingBuy(ClientOrderId id);

    private OrderRequest resting(ClientOrderId id) {
        OrderRequest request = restingBuy(id);
        assumeTrue(request != null, "nothing rests on this gateway (restingBuy returned null)");
        return request;
    }

    /** A buy that fills completely as soon as it is submitted or the market next moves, such as a market order. */
    protected abstract OrderRequest fillingBuy(ClientOrderId id);

    /**
     * Lets an asynchronous gateway deliver what is pending (drain a stream, advance a simulated market) so the
     * effects of the last call are visible. The default does nothing, for gateways that act synchronously.
     */
    protected void settle() {
    }

    /**
     * Whether the gateway may be called from several threads at once. Gateways confined to an engine's loop thread
     * say false, and the concurrency test is not run for them.
     */
    protected boolean threadSafe() {
        return true;
    }

    @BeforeEach
    void createGateway() {
        gateway = newGateway();
    }

    private static ClientOrderId id(String value) {
        return ClientOrderId.of(value);
    }

    private Order submitAndSettle(OrderRequest request) {
        Order ack = gateway.submit(request);
        settle();
        return ack;
    }

    private Order current(ClientOrderId id) {
        return gateway.order(id).orElseThrow(() -> new AssertionError("the gateway forgot order " + id));
    }

    @Test
    void the_request_client_order_id_identifies_the_order() {
        ClientOrderId id = id("contract-id-1");
        Order ack = submitAndSettle(resting(id));
        assertThat(ack.clientOrderId()).isEqualTo(id);
        assertThat(current(id).clientOrderId()).isEqualTo(id);
        assertThat(current(id).instrument()).isEqualTo(instrument());
        assertThat(current(id).side()).isEqualTo(Side.BUY);
    }

    @Test
    void an_unknown_order_is_absent_and_its_cancel_says_false() {
        assertThat(gateway.order(id("never-sent"))).isEmpty();
        assertThat(gateway.cancel(id("never-sent"))).isFalse();
    }

    @Test
    void a_resting_order_is_open_until_canceled_and_a_second_cancel_says_false() {
        ClientOrderId id = id("contract-rest-1");
        submitAndSettle(resting(id));
        assertThat(ids(gateway.openOrders())).contains(id);
        assertThat(current(id).status().isOpen()).as("status %s", current(id).status()).isTrue();

        assertThat(gateway.cancel(id)).isTrue();
        settle();
        assertThat(current(id).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(ids(gateway.openOrders())).doesNotContain(id);
        assertThat(gateway.cancel(id)).isFalse();
    }

    @Test
    void what_the_gateway_hands_out_are_snapshots() {
        ClientOrderId id = id("contract-snap-1");
        Order ack = submitAndSettle(resting(id));
        List<Order> open = gateway.openOrders();
        OrderStatus before = ack.status();
        Order looked = current(id);
        OrderStatus lookedBefore = looked.status();

        gateway.cancel(id);
        settle();

        assertThat(ack.status()).isEqualTo(before);
        assertThat(looked.status()).isEqualTo(lookedBefore);
        assertThat(ids(open)).contains(id);
        assertThatThrownBy(() -> open.add(ack)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_fill_is_reported_before_the_update_that_reflects_it() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<Fill> fills = Collections.synchronizedList(new ArrayList<>());
        ClientOrderId id = id("contract-fill-1");
        gateway.addListener(new OrderListener() {
            @Override
            public void onOrderUpdate(Order order) {
                if (order.clientOrderId().equals(id)) {
                    seen.add("update:" + order.status() + ":" + order.filledQuantity().toString());
                }
            }

            @Override
            public void onFill(Fill fill, Order order) {
                if (order.clientOrderId().equals(id)) {
                    fills.add(fill);
                    seen.add("fill:" + fill.quantity().toString());
                }
            }
        });
        OrderRequest request = fillingBuy(id);
        submitAndSettle(request);

        assertThat(current(id).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fills).isNotEmpty();
        Quantity total = Quantity.zero(request.quantity().precision());
        for (Fill f : fills) {
            total = total.plus(f.quantity());
        }
        assertThat(total).isEqualTo(request.quantity());
        int firstFill = indexOfPrefix(seen, "fill:");
        int filledUpdate = indexOfPrefix(seen, "update:" + OrderStatus.FILLED);
        assertThat(filledUpdate).as("events %s", seen).isGreaterThan(firstFill);
    }

    @Test
    void a_duplicate_client_order_id_is_refused_without_a_second_order() {
        ClientOrderId id = id("contract-dup-1");
        OrderRequest first = restingBuy(id) != null ? restingBuy(id) : fillingBuy(id);
        submitAndSettle(first);
        OrderStatus before = current(id).status();
        Order second;
        try {
            second = gateway.submit(first);
        } catch (RuntimeException refused) {
            // Refusing by exception is allowed, as long as it says which id and nothing was placed.
            assertThat(refused.getMessage()).contains(id.value());
            second = null;
        }
        settle();
        if (second != null) {
            assertThat(second.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(second.reason()).isNotBlank();
        }
        assertThat(current(id).status()).as("the first order is untouched").isEqualTo(before);
        assertThat(gateway.openOrders().stream().filter(o -> o.clientOrderId().equals(id)).count())
                .isLessThanOrEqualTo(1);
    }

    @Test
    void a_reduce_only_sell_with_nothing_held_never_executes() {
        ClientOrderId id = id("contract-reduce-1");
        OrderRequest sell = OrderRequest.sell(instrument()).clientOrderId(id)
                .quantity(fillingBuy(id("unused")).quantity()).market().reduceOnly(true).build();
        Order ack = submitAndSettle(sell);
        Order after = gateway.order(id).orElse(ack);
        assertThat(after.status()).as("reduce-only with no position (capabilities %s)", gateway.capabilities())
                .isIn(OrderStatus.REJECTED, OrderStatus.CANCELED);
        assertThat(after.filledQuantity().isZero()).isTrue();
        assertThat(after.reason()).isNotBlank();
    }

    @Test
    void bracket_submission_agrees_with_the_declared_capabilities() throws Exception {
        boolean overridden = gateway.getClass().getMethod("submit", BracketOrder.class).getDeclaringClass()
                != OrderGateway.class;
        if (gateway.capabilities().brackets()) {
            assertThat(overridden).as("a gateway declaring brackets implements submit(BracketOrder)").isTrue();
            return;
        }
        OrderRequest entry = resting(id("bracket"));
        assumeTrue(entry.limitPrice().isPresent() && entry.side() == Side.BUY, "the resting buy has no limit price");
        Price lowest = Price.ofRaw(instrument().tickRaw(), instrument().pricePrecision());
        assumeTrue(entry.limitPrice().get().isGreaterThan(lowest), "the resting buy is at the lowest tick");
        BracketOrder bracket = BracketOrder.of(entry, entry.limitPrice().get().times(2), lowest, null);
        List<Order> placed;
        try {
            placed = gateway.submit(bracket);
        } catch (UnsupportedOperationException refused) {
            placed = List.of();
        }
        settle();
        assertThat(placed).as("a gateway without brackets places none of a bracket's legs")
                .allMatch(order -> order.status() == OrderStatus.REJECTED);
        assertThat(gateway.openOrders()).isEmpty();
    }

    @Test
    void capabilities_are_declared() {
        GatewayCapabilities capabilities = gateway.capabilities();
        assertThat(capabilities).isNotNull();
        assertThat(capabilities.orderTypes()).as("a gateway takes at least one order type").isNotEmpty();
        assertThat(capabilities.timesInForce()).isNotEmpty();
        assertThat(capabilities.orderTypes()).contains(fillingBuy(id("probe-2")).type());
        OrderRequest resting = restingBuy(id("probe"));
        if (resting != null) {
            assertThat(capabilities.orderTypes()).contains(resting.type());
        }
    }

    @Test
    void concurrent_submissions_lose_nothing() throws Exception {
        assumeTrue(threadSafe(), "the gateway is confined to one thread");
        boolean rests = restingBuy(id("probe")) != null;
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        ClientOrderId id = id("contract-c-" + thread + "-" + i);
                        gateway.submit(rests ? restingBuy(id) : fillingBuy(id));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        settle();
        Set<ClientOrderId> open = ids(gateway.openOrders());
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                ClientOrderId id = id("contract-c-" + t + "-" + i);
                assertThat(gateway.order(id)).as("order %s after concurrent submits", id).isPresent();
                if (rests) {
                    assertThat(open).as("open orders after concurrent submits").contains(id);
                }
            }
        }
    }

    private static Set<ClientOrderId> ids(List<Order> orders) {
        Set<ClientOrderId> ids = new HashSet<>();
        for (Order o : orders) {
            ids.add(o.clientOrderId());
        }
        return ids;
    }

    private static int indexOfPrefix(List<String> events, String prefix) {
        synchronized (events) {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).startsWith(prefix)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The order, when the gateway knows it. Subclasses may use it in their own tests. */
    protected Optional<Order> order(ClientOrderId id) {
        return gateway.order(id);
    }
}
