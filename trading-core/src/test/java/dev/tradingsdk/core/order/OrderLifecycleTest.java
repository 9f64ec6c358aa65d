package dev.tradingsdk.core.order;

import static dev.tradingsdk.core.TestInstruments.AAPL;
import static dev.tradingsdk.core.TestInstruments.BTC;
import static dev.tradingsdk.core.TestInstruments.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant T2 = T0.plusSeconds(2);

    /** The lifecycle as specified, written out independently of {@link OrderStatus}. */
    private static final Map<OrderStatus, Set<OrderStatus>> LEGAL = new EnumMap<>(OrderStatus.class);

    static {
        for (OrderStatus s : OrderStatus.values()) {
            LEGAL.put(s, EnumSet.noneOf(OrderStatus.class));
        }
        LEGAL.get(OrderStatus.NEW).addAll(List.of(OrderStatus.SUBMITTED, OrderStatus.REJECTED));
        LEGAL.get(OrderStatus.SUBMITTED).addAll(List.of(OrderStatus.ACCEPTED, OrderStatus.REJECTED,
                OrderStatus.CANCELED, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED, OrderStatus.EXPIRED));
        LEGAL.get(OrderStatus.ACCEPTED).addAll(List.of(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
                OrderStatus.CANCELED, OrderStatus.EXPIRED));
        LEGAL.get(OrderStatus.PARTIALLY_FILLED).addAll(List.of(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
                OrderStatus.CANCELED, OrderStatus.EXPIRED));
    }

    private static OrderRequest threeShares() {
        return OrderRequest.buy(AAPL).quantity("3").limit("100.00").clientOrderId("o-1").build();
    }

    private static Fill fill(OrderRequest request, String quantity, String price, String fee, Instant at) {
        return new Fill(request.clientOrderId(), "t-" + quantity + "-" + price, request.instrument(), request.side(),
                Price.of(price), Quantity.of(quantity), Money.of(fee, Currency.USD), at);
    }

    /** An order of three shares brought to {@code status} through legal moves. */
    private static Order orderIn(OrderStatus status) {
        OrderRequest request = threeShares();
        Order order = new Order(request, T0);
        switch (status) {
            case NEW -> { }
            case SUBMITTED -> order.markSubmitted(T0);
            case ACCEPTED -> {
                order.markSubmitted(T0);
                order.markAccepted("v-1", T0);
            }
            case PARTIALLY_FILLED -> {
                order.markSubmitted(T0);
                order.applyFill(fill(request, "1", "100.00", "0.01", T0));
            }
            case FILLED -> {
                order.markSubmitted(T0);
                order.applyFill(fill(request, "3", "100.00", "0.01", T0));
            }
            case CANCELED -> {
                order.markSubmitted(T0);
                order.markCanceled("user", T0);
            }
            case REJECTED -> order.markRejected("risk", T0);
            case EXPIRED -> {
                order.markSubmitted(T0);
                order.markExpired(T0);
            }
            default -> throw new IllegalArgumentException(status.name());
        }
        assertThat(order.status()).isEqualTo(status);
        return order;
    }

    /** Asks {@code order} to move to {@code target} through the method that makes that move. */
    private static void moveTo(Order order, OrderStatus target) {
        OrderRequest request = order.request();
        switch (target) {
            case NEW -> throw new IllegalOrderTransitionException(order.clientOrderId(), order.status(), target,
                    "no method moves an order back to NEW");
            case SUBMITTED -> order.markSubmitted(T1);
            case ACCEPTED -> order.markAccepted("v-2", T1);
            case PARTIALLY_FILLED -> order.applyFill(fill(request, "1", "101.00", "0.02", T1));
            case FILLED -> {
                Quantity rest = request.quantity().minus(order.filledQuantity());
                order.applyFill(fill(request, rest.isZero() ? "1" : rest.toString(), "101.00", "0.02", T1));
            }
            case CANCELED -> order.markCanceled("late", T1);
            case REJECTED -> order.markRejected("venue", T1);
            case EXPIRED -> order.markExpired(T1);
            default -> throw new IllegalArgumentException(target.name());
        }
    }

    static Stream<Arguments> allStatusPairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("allStatusPairs")
    void everyTransitionIsLegalOrRefusedWithoutChange(OrderStatus from, OrderStatus to) {
        Order order = orderIn(from);
        Order before = order.snapshot();
        if (LEGAL.get(from).contains(to)) {
            moveTo(order, to);
            assertThat(order.status()).isEqualTo(to);
            assertThat(order.updatedAt()).isEqualTo(T1);
            assertThat(before.status()).as("snapshot is independent").isEqualTo(from);
            return;
        }
        assertThatThrownBy(() -> moveTo(order, to))
                .isInstanceOfSatisfying(IllegalOrderTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.orderId()).isEqualTo(ClientOrderId.of("o-1"));
                    if (to != OrderStatus.NEW && !(from == OrderStatus.FILLED && to == OrderStatus.PARTIALLY_FILLED)) {
                        assertThat(e.to()).isEqualTo(to);
                    }
                })
                .hasMessageContaining("o-1").hasMessageContaining(from.name());
        assertUnchanged(order, before);
    }

    private static void assertUnchanged(Order order, Order before) {
        assertThat(order.status()).isEqualTo(before.status());
        assertThat(order.filledQuantity()).isEqualTo(before.filledQuantity());
        assertThat(order.leavesQuantity()).isEqualTo(before.leavesQuantity());
        assertThat(order.fees()).isEqualTo(before.fees());
        assertThat(order.fills()).isEqualTo(before.fills());
        assertThat(order.averageFillPrice()).isEqualTo(before.averageFillPrice());
        assertThat(order.reason()).isEqualTo(before.reason());
        assertThat(order.venueOrderId()).isEqualTo(before.venueOrderId());
        assertThat(order.updatedAt()).isEqualTo(before.updatedAt());
    }

    @Test
    void theStatusTableMatchesTheSpecification() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(LEGAL.get(from).contains(to));
            }
            assertThat(from.isTerminal()).isEqualTo(LEGAL.get(from).isEmpty());
        }
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isOpen))
                .containsExactly(OrderStatus.SUBMITTED, OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void partialFillsAverageAndFees() {
        OrderRequest request = threeShares();
        Order order = new Order(request, T0);
        assertThat(order.averageFillPrice()).isEmpty();
        assertThat(order.leavesQuantity()).isEqualTo(Quantity.of("3"));
        order.markSubmitted(T0);
        order.markAccepted("v-9", T0);
        assertThat(order.venueOrderId()).contains("v-9");
        order.applyFill(fill(request, "1", "100.00", "0.10", T1));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.filledQuantity()).isEqualTo(Quantity.of("1"));
        assertThat(order.leavesQuantity()).isEqualTo(Quantity.of("2"));
        assertThat(order.averageFillPrice()).contains(Price.of("100"));
        order.applyFill(fill(request, "2", "101.00", "0.20", T2));
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.leavesQuantity()).isEqualTo(Quantity.zero(0));
        // (100 + 2 × 101) / 3 = 100.6666..., at price precision 2 + 4 decimals, half-even.
        assertThat(order.averageFillPrice()).contains(Price.of("100.666667"));
        assertThat(order.averageFillPrice().orElseThrow().precision()).isEqualTo(6);
        assertThat(order.fees()).isEqualTo(Money.of("0.30", Currency.USD));
        assertThat(order.fills()).hasSize(2);
        assertThat(order.updatedAt()).isEqualTo(T2);
        assertThatThrownBy(() -> order.fills().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void averageFillPriceDividesOutTheMultiplier() {
        OrderRequest request = OrderRequest.buy(ES).quantity("2").limit("5000.25").clientOrderId("es-1").build();
        Order order = new Order(request, T0);
        order.markSubmitted(T0);
        order.applyFill(new Fill(request.clientOrderId(), "t1", ES, Side.BUY, Price.of("5000.25"), Quantity.of("1"),
                Money.of("2.25", Currency.USD), T1));
        order.applyFill(new Fill(request.clientOrderId(), "t2", ES, Side.BUY, Price.of("5000.50"), Quantity.of("1"),
                Money.of("-0.25", Currency.USD), T1));
        assertThat(order.averageFillPrice()).contains(Price.of("5000.375"));
        assertThat(order.fees()).isEqualTo(Money.of("2.00", Currency.USD));
    }

    @Test
    void overfillIsRefusedAndChangesNothing() {
        Order order = orderIn(OrderStatus.PARTIALLY_FILLED);
        Order before = order.snapshot();
        assertThatThrownBy(() -> order.applyFill(fill(order.request(), "3", "100.00", "0", T1)))
                .isInstanceOf(IllegalOrderTransitionException.class).hasMessageContaining("exceeds the remaining 2");
        assertUnchanged(order, before);
    }

    @Test
    void foreignFillsAreRefusedAndChangeNothing() {
        Order order = orderIn(OrderStatus.ACCEPTED);
        Order before = order.snapshot();
        OrderRequest request = order.request();
        Fill otherOrder = new Fill(ClientOrderId.of("o-2"), "t", AAPL, Side.BUY, Price.of("1"), Quantity.of("1"),
                Money.zero(Currency.USD), T1);
        assertThatThrownBy(() -> order.applyFill(otherOrder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("o-2");
        Fill otherSide = new Fill(request.clientOrderId(), "t", AAPL, Side.SELL, Price.of("1"), Quantity.of("1"),
                Money.zero(Currency.USD), T1);
        assertThatThrownBy(() -> order.applyFill(otherSide)).isInstanceOf(IllegalArgumentException.class);
        Fill otherInstrument = new Fill(request.clientOrderId(), "t", BTC, Side.BUY, Price.of("1"), Quantity.of("1"),
                Money.zero(Currency.USD), T1);
        assertThatThrownBy(() -> order.applyFill(otherInstrument)).isInstanceOf(IllegalArgumentException.class);
        Fill feeInEuro = new Fill(request.clientOrderId(), "t", AAPL, Side.BUY, Price.of("1"), Quantity.of("1"),
                Money.of("1", Currency.EUR), T1);
        assertThatThrownBy(() -> order.applyFill(feeInEuro)).isInstanceOf(CurrencyMismatchException.class);
        assertUnchanged(order, before);
    }

    @Test
    void missingArgumentsChangeNothing() {
        Order order = orderIn(OrderStatus.NEW);
        Order before = order.snapshot();
        assertThatThrownBy(() -> order.markSubmitted(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> order.markRejected(null, T1)).isInstanceOf(NullPointerException.class);
        assertUnchanged(order, before);
        order.markSubmitted(T1);
        Order submitted = order.snapshot();
        assertThatThrownBy(() -> order.markAccepted(null, T1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> order.markCanceled(null, T1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> order.markExpired(null)).isInstanceOf(NullPointerException.class);
        assertUnchanged(order, submitted);
    }

    @Test
    void reasonsAreKept() {
        Order rejected = orderIn(OrderStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo("risk");
        assertThat(rejected.leavesQuantity()).isEqualTo(Quantity.zero(0));
        Order canceled = orderIn(OrderStatus.PARTIALLY_FILLED);
        canceled.markCanceled("user asked", T1);
        assertThat(canceled.reason()).isEqualTo("user asked");
        assertThat(canceled.filledQuantity()).isEqualTo(Quantity.of("1"));
        assertThat(canceled.leavesQuantity()).isEqualTo(Quantity.zero(0));
        assertThat(canceled.toString()).contains("o-1").contains("CANCELED").contains("filled=1");
    }

    @Test
    void fillsMustHaveQuantity() {
        assertThatThrownBy(() -> new Fill(ClientOrderId.of("x"), "t", AAPL, Side.BUY, Price.of("1"), Quantity.zero(0),
                Money.zero(Currency.USD), T0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThat(new Fill(ClientOrderId.of("x"), "t", ES, Side.BUY, Price.of("4000"), Quantity.of("2"),
                Money.zero(Currency.USD), T0).notional()).isEqualTo(Money.of("400000", Currency.USD));
    }

    @Test
    void readOnlySnapshotsAreSharedUntilTheOrderChangesAndRefuseEveryTransition() {
        OrderRequest request = threeShares();
        Order order = new Order(request, T0);
        order.markSubmitted(T0);
        order.markAccepted("v-1", T0);
        Order accepted = order.readOnlySnapshot();
        assertThat(order.readOnlySnapshot()).as("no change, same copy").isSameAs(accepted);
        assertThat(accepted.readOnlySnapshot()).isSameAs(accepted);
        assertThat(accepted.isReadOnly()).isTrue();
        assertThat(order.isReadOnly()).isFalse();

        Fill first = fill(request, "1", "100.00", "0.10", T1);
        order.applyFill(first);
        Order partial = order.readOnlySnapshot();
        assertThat(partial).as("a transition makes a new copy").isNotSameAs(accepted);
        assertThat(accepted.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(accepted.fills()).isEmpty();
        assertThat(partial.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partial.fills()).containsExactly(first);
        assertThat(partial.venueOrderId()).contains("v-1");

        assertThatThrownBy(() -> partial.applyFill(fill(request, "1", "100.00", "0", T2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("o-1").hasMessageContaining("read-only");
        assertThatThrownBy(() -> partial.markCanceled("x", T2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> accepted.markExpired(T2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> partial.fills().add(first)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(partial.status()).as("refused transitions change nothing").isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partial.filledQuantity()).isEqualTo(Quantity.of("1"));

        Order writable = partial.snapshot();
        assertThat(writable.isReadOnly()).as("snapshot() stays a changeable copy").isFalse();
        writable.markCanceled("by test", T2);
        assertThat(partial.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }
}
