package dev.tradingsdk.core.strategy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The engine forgets ended orders beyond a fixed number, so a long run holds a bounded set of orders. */
class OrderRetentionTest {

    private static final Instrument BTC = Instrument.builder("BTC-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    private static List<Bar> flatBars(int count) {
        List<Bar> bars = new ArrayList<>(count);
        Price price = Price.of("100.00");
        for (int i = 0; i < count; i++) {
            Instant open = T0.plus(Duration.ofMinutes(i));
            bars.add(new Bar(BTC, open, open.plusSeconds(60), price, price, price, price, Quantity.of("1")));
        }
        return bars;
    }

    /** Rests a bid under the market on every bar, canceling the previous one, as the engine benchmark does. */
    private static final class RestingBids implements Strategy {
        final List<ClientOrderId> ids = new ArrayList<>();
        final List<Order> updates = new ArrayList<>();
        Optional<Order> firstAtEnd;
        Optional<Order> recentAtEnd;
        RuntimeException reuseOfRecent;
        Order reuseOfForgotten;
        int held = -1;
        EventLoop engine;

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribe(BTC);
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            if (!ids.isEmpty()) {
                assertThat(context.orders().cancel(ids.get(ids.size() - 1))).isTrue();
            }
            ClientOrderId id = ClientOrderId.of("bid-" + ids.size());
            ids.add(id);
            Order ack = context.orders().submit(bid(id));
            assertThat(ack.status()).isEqualTo(OrderStatus.ACCEPTED);
            assertThat(ack.isReadOnly()).as("the acknowledgement handed out is read-only").isTrue();
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext context) {
            if (updates.size() < 4) {
                updates.add(order);
            }
        }

        @Override
        public void onStop(StrategyContext context) {
            held = engine.ordersHeld();
            firstAtEnd = context.orders().order(ids.get(0));
            recentAtEnd = context.orders().order(ids.get(ids.size() - 2));
            try {
                context.orders().submit(bid(ids.get(ids.size() - 2)));
            } catch (IllegalArgumentException e) {
                reuseOfRecent = e;
            }
        }

        static OrderRequest bid(ClientOrderId id) {
            return OrderRequest.buy(BTC).clientOrderId(id).quantity("0.0100").limit("90.00")
                    .timeInForce(TimeInForce.GTC).build();
        }
    }

    private static RestingBids run(int bars) {
        RestingBids strategy = new RestingBids();
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(new SimulatedClock(T0))
                .feed("bars", MarketReplay.of(List.of(flatBars(bars).iterator())))
                .simulatedAccount(new Portfolio("acct", Money.of("100000", Currency.USD)), SimulatedVenue.builder())
                .strategy("bids", strategy).build();
        strategy.engine = (EventLoop) engine;
        engine.run();
        return strategy;
    }

    @Test
    void aLongRunHoldsTheOpenOrdersPlusTheRetainedEndedOnes() {
        RestingBids shorter = run(3_000);
        RestingBids longer = run(12_000);
        // one open bid, the last RETAINED_ENDED_ORDERS canceled ones
        assertThat(shorter.held).isEqualTo(EventLoop.RETAINED_ENDED_ORDERS + 1);
        assertThat(longer.held).as("four times the orders, the same held").isEqualTo(shorter.held);

        assertThat(longer.firstAtEnd).as("ended long ago: forgotten").isEmpty();
        assertThat(longer.recentAtEnd).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(longer.reuseOfRecent).as("a retained id is still refused")
                .hasMessageContaining("was already used");
        assertThat(longer.updates).extracting(Order::status).containsExactly(OrderStatus.ACCEPTED,
                OrderStatus.CANCELED, OrderStatus.ACCEPTED, OrderStatus.CANCELED);
        assertThat(longer.updates).allSatisfy(o -> assertThatThrownBy(() -> o.markExpired(T0))
                .isInstanceOf(IllegalStateException.class));
    }

    @Test
    void theTableAgreesWithALinkedHashMapUnderRandomPutsAndRemoves() {
        OrderTable<Entry> table = new OrderTable<>();
        Map<ClientOrderId, Entry> model = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        List<Entry> spare = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            ClientOrderId id = ClientOrderId.of("o-" + random.nextInt(3_000));
            Entry present = model.get(id);
            assertThat(table.get(id)).isSameAs(present);
            if (present != null) {
                table.remove(present);
                model.remove(id);
                spare.add(present);
            } else {
                Entry e = spare.isEmpty() ? new Entry() : spare.remove(spare.size() - 1);
                table.put(id, e);
                model.put(id, e);
            }
            if (step % 10_000 == 0) {
                assertThat(table.values()).containsExactlyElementsOf(model.values());
            }
        }
        assertThat(table.size()).isEqualTo(model.size());
        List<Entry> walked = new ArrayList<>();
        for (Entry e = table.first(); e != null; e = table.next(e)) {
            walked.add(e);
        }
        assertThat(walked).containsExactlyElementsOf(model.values());
        Entry inTable = table.first();
        assertThatThrownBy(() -> table.put(ClientOrderId.of("again"), inTable))
                .isInstanceOf(IllegalStateException.class);
    }

    private static final class Entry extends OrderTable.Entry {
    }
}
