package dev.tradingsdk.brokers.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.Credentials;
import dev.tradingsdk.brokers.TestInstruments;
import dev.tradingsdk.brokers.alpaca.AlpacaBroker;
import dev.tradingsdk.brokers.alpaca.FakeAlpaca;
import dev.tradingsdk.brokers.paper.PaperBroker;
import dev.tradingsdk.core.gateway.MarketDataFeed;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TradingEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** One strategy object of core's runtime trades the paper broker (PAPER mode) and Alpaca (LIVE mode). */
class StrategyOnAnyBrokerTest {

    private final Instrument aapl = TestInstruments.aapl("SIM");

    /** A feed the test pushes quotes into, as a venue stream would. */
    static final class PushFeed implements MarketDataFeed {
        final List<MarketDataListener> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void subscribe(Instrument instrument, MarketDataListener listener) {
            listeners.add(listener);
        }

        @Override
        public void unsubscribe(Instrument instrument, MarketDataListener listener) {
            listeners.remove(listener);
        }

        void push(MarketEvent event) {
            listeners.forEach(l -> l.onEvent(event));
        }
    }

    /** Buys 10 on the first quote, once; the same object runs on every broker. */
    static final class BuyOnce implements Strategy {
        final CountDownLatch filled = new CountDownLatch(1);
        final List<String> events = new CopyOnWriteArrayList<>();
        private final Instrument instrument;
        private final OrderRequest order;
        private boolean sent;

        BuyOnce(OrderRequest order) {
            this.instrument = order.instrument();
            this.order = order;
        }

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribe(instrument);
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            if (!sent) {
                sent = true;
                context.orders().submit(order);
            }
        }

        @Override
        public void onFill(Fill fill, Order order, StrategyContext context) {
            events.add("fill " + fill.quantity() + " @ " + fill.price());
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext context) {
            events.add("update " + order.status());
            if (order.status() == OrderStatus.FILLED) {
                filled.countDown();
            }
        }
    }

    @Test
    void aRuntimeStrategyTradesThePaperBrokerInPaperMode() throws Exception {
        PaperBroker paper = PaperBroker.builder().accountId("paper-1").initialCash(Money.of("100000", Currency.USD))
                .build();
        BrokerGateway gateway = BrokerGateway.builder(paper).maxAccountAge(Duration.ZERO).build();
        PushFeed feed = new PushFeed();
        BuyOnce strategy = new BuyOnce(OrderRequest.buy(aapl).clientOrderId("engine-buy-1").quantity("10")
                .market().build());
        try (TradingEngine engine = TradingEngine.builder().mode(EngineMode.PAPER).feed("quotes", feed)
                .account(gateway, gateway).strategy("buy-once", strategy).build()) {
            engine.start();
            Instant now = Instant.now();
            // The loop handles events in order: the strategy's order is in before the second quote matches.
            feed.push(quote(now, "99.90", "100.10"));
            feed.push(quote(now.plusSeconds(5), "100.00", "100.20"));
            assertThat(strategy.filled.await(10, TimeUnit.SECONDS)).as("events %s", strategy.events).isTrue();
        }
        List<String> events = List.copyOf(strategy.events);
        assertThat(events).contains("fill 10 @ 100.20", "update FILLED");
        assertThat(events.indexOf("fill 10 @ 100.20")).isLessThan(events.indexOf("update FILLED"));
        assertThat(paper.positions()).singleElement().satisfies(p -> assertThat(p.quantity())
                .isEqualTo(Quantity.of("10")));
    }

    @Test
    void theSameStrategyTradesAlpacaInLiveModeAndHearsOfTheFillByPolling() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            FakeAlpaca alpaca = new FakeAlpaca(FakeAlpaca.KEY_ID, JsonNodeFactory.instance.arrayNode());
            server.setDispatcher(alpaca);
            AlpacaBroker broker = AlpacaBroker.builder().baseUrl(server.url("/").toString())
                    .credentials(Credentials.of(FakeAlpaca.KEY_ID, FakeAlpaca.SECRET)).retryPolicy(RetryPolicy.none())
                    .build();
            BrokerGateway gateway = BrokerGateway.of(broker);
            Instrument spy = AlpacaBroker.usEquity("SPY");
            PushFeed feed = new PushFeed();
            BuyOnce strategy = new BuyOnce(OrderRequest.buy(spy).clientOrderId(broker.nextClientOrderId())
                    .quantity("10").limit("450.00").timeInForce(TimeInForce.DAY).build());
            try (TradingEngine engine = TradingEngine.builder().mode(EngineMode.LIVE).feed("quotes", feed)
                    .account(gateway, gateway).strategy("buy-once", strategy).build()) {
                engine.start();
                feed.push(new Quote(spy, Instant.now(), Price.of("449.90"), Quantity.of("100"), Price.of("450.10"),
                        Quantity.of("100")));
                // Wait until the submit's answer reached the strategy, so the gateway has seen the order open.
                for (int i = 0; i < 1000 && !strategy.events.contains("update ACCEPTED"); i++) {
                    Thread.sleep(10);
                }
                assertThat(strategy.events).contains("update ACCEPTED");
                assertThat(alpaca.ordersById).hasSize(1);
                alpaca.fill(alpaca.ordersById.values().iterator().next().path("client_order_id").asText(), "449.95");

                assertThat(gateway.pollOrders()).isEqualTo(1);
                assertThat(strategy.filled.await(10, TimeUnit.SECONDS)).as("events %s", strategy.events).isTrue();
            }
            List<String> events = List.copyOf(strategy.events);
            assertThat(events.indexOf("fill 10 @ 449.95")).isGreaterThanOrEqualTo(0)
                    .isLessThan(events.indexOf("update FILLED"));
        }
    }

    private Quote quote(Instant at, String bid, String ask) {
        return new Quote(aapl, at, Price.of(bid), Quantity.of("1000"), Price.of(ask), Quantity.of("1000"));
    }
}
