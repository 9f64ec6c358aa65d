package dev.tradingsdk.core.strategy;

import static dev.tradingsdk.core.strategy.EngineFixtures.BTC;
import static dev.tradingsdk.core.strategy.EngineFixtures.ETH;
import static dev.tradingsdk.core.strategy.EngineFixtures.T0;
import static dev.tradingsdk.core.strategy.EngineFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A LIVE engine restarted from its journal asks the venue about every order the journal leaves open and adopts
 * the answers as journaled inputs: orders filled, partly filled or canceled while it was down, an order whose
 * submission the venue never received (the journal ends before its acknowledgement), and an order whose lookup
 * throws, which blocks its instrument until a later lookup settles it. A second restart reaches the same state.
 */
class LiveReconciliationTest {

    static final Instrument SOL = Instrument.builder("SOL-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
    static final Instrument ADA = Instrument.builder("ADA-USD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();

    /**
     * The venue, outliving every engine run: acknowledges orders ACCEPTED, fills and cancels when the test says
     * so (telling listening engines from the test's thread, as a venue's stream would), and answers lookups from
     * its own book; {@link #account} is the venue's view of the account. The test scripts what happens while no
     * engine listens.
     */
    static final class ScriptedVenue implements OrderGateway {
        final Portfolio account = new Portfolio("live", Money.of("100000", Currency.USD));
        final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
        final List<OrderListener> listeners = new CopyOnWriteArrayList<>();
        final AtomicInteger submissions = new AtomicInteger();
        final CountDownLatch inHungSubmit = new CountDownLatch(1);
        final CountDownLatch releaseHungSubmit = new CountDownLatch(1);
        volatile ClientOrderId hangOn;
        /** Whether the venue takes the order it hangs on before the answer is lost, or never receives it. */
        volatile boolean hangAfterTaking;
        volatile ClientOrderId failLookupsOf;
        private int trades;

        /** The script acknowledges any order, brackets included. */
        @Override
        public GatewayCapabilities capabilities() {
            return GatewayCapabilities.all();
        }

        @Override
        public Order submit(OrderRequest request) {
            submissions.incrementAndGet();
            if (request.clientOrderId().equals(hangOn)) {
                // The engine dies while waiting for the answer, which never comes.
                if (hangAfterTaking) {
                    take(request);
                }
                inHungSubmit.countDown();
                try {
                    releaseHungSubmit.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("connection reset");
            }
            return take(request);
        }

        private synchronized Order take(OrderRequest request) {
            Instant at = T0.plusSeconds(orders.size());
            Order order = new Order(request, at);
            order.markSubmitted(at);
            order.markAccepted("V-" + (orders.size() + 1), at);
            orders.put(request.clientOrderId(), order);
            return order.snapshot();
        }

        @Override
        public List<Order> submit(BracketOrder bracket) {
            return List.of(submit(bracket.entry()), submit(bracket.takeProfit()), submit(bracket.stopLoss()));
        }

        /** The venue loses an order it acknowledged (a purge of its order history, a failover). */
        synchronized void forget(String id) {
            orders.remove(ClientOrderId.of(id));
        }

        @Override
        public synchronized boolean cancel(ClientOrderId id) {
            Order order = orders.get(id);
            if (order == null || !order.status().isOpen()) {
                return false;
            }
            order.markCanceled("canceled on request", order.updatedAt());
            return true;
        }

        @Override
        public synchronized Optional<Order> order(ClientOrderId id) {
            if (id.equals(failLookupsOf)) {
                throw new IllegalStateException("venue timeout looking up " + id);
            }
            return Optional.ofNullable(orders.get(id)).map(Order::snapshot);
        }

        @Override
        public synchronized List<Order> openOrders() {
            return orders.values().stream().filter(o -> o.status().isOpen()).map(Order::snapshot).toList();
        }

        @Override
        public void addListener(OrderListener listener) {
            listeners.add(listener);
        }

        /** Fills {@code quantity} of order {@code id} at {@code price} into the account, telling the listeners. */
        void fill(String id, String quantity, String price) {
            Fill fill;
            Order after;
            synchronized (this) {
                Order order = orders.get(ClientOrderId.of(id));
                Instrument instrument = order.instrument();
                fill = new Fill(order.clientOrderId(), "T-" + (++trades), instrument, order.side(),
                        instrument.price(price), instrument.size(quantity), Money.zero(Currency.USD),
                        T0.plus(Duration.ofMinutes(trades)));
                order.applyFill(fill);
                account.apply(fill);
                after = order.snapshot();
            }
            for (OrderListener l : listeners) {
                l.onFill(fill, after);
                l.onOrderUpdate(after);
            }
        }

        /** The venue cancels order {@code id} by itself (expiry, self-trade prevention, an exchange's sweep). */
        void cancelByVenue(String id) {
            Order after;
            synchronized (this) {
                Order order = orders.get(ClientOrderId.of(id));
                order.markCanceled("canceled by the venue", T0.plus(Duration.ofMinutes(30)));
                after = order.snapshot();
            }
            for (OrderListener l : listeners) {
                l.onOrderUpdate(after);
            }
        }
    }

    /** Submits the orders scripted for its n-th market event and logs every callback. */
    static final class ScriptStrategy implements Strategy {
        final List<String> log = new CopyOnWriteArrayList<>();
        private int events;

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribe(BTC);
            log.add("start");
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            events++;
            for (OrderRequest request : script(events)) {
                Order ack = context.orders().submit(request);
                log.add("ack " + ack.clientOrderId() + " " + ack.status() + " " + context.orders()
                        .violations(ack.clientOrderId()).stream().map(RiskViolation::code).toList());
            }
        }

        private static List<OrderRequest> script(int event) {
            return switch (event) {
                case 1 -> List.of(OrderRequest.buy(BTC).clientOrderId("open-long").quantity("2").build());
                case 2 -> List.of(
                        OrderRequest.sell(BTC).clientOrderId("filled").quantity("2").limit("100").build(),
                        OrderRequest.buy(ETH).clientOrderId("partial").quantity("4").limit("50").build(),
                        OrderRequest.sell(ETH).clientOrderId("canceled").quantity("3").limit("60").build(),
                        OrderRequest.buy(ADA).clientOrderId("throws").quantity("1").limit("5").build(),
                        OrderRequest.buy(SOL).clientOrderId("forgotten").quantity("1").limit("19").build());
                case 3 -> List.of(OrderRequest.buy(SOL).clientOrderId("unknown").quantity("1").limit("20").build());
                case 4 -> List.of(OrderRequest.buy(ADA).clientOrderId("ada-2").quantity("1").limit("5").build(),
                        OrderRequest.buy(BTC).clientOrderId("btc-2").quantity("1").limit("90").build());
                case 5 -> List.of(OrderRequest.buy(ADA).clientOrderId("ada-3").quantity("1").limit("5").build());
                default -> List.of();
            };
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext context) {
            log.add("order " + order.clientOrderId() + " " + order.status()
                    + (order.reason().isEmpty() ? "" : " " + order.reason()));
        }

        @Override
        public void onFill(Fill fill, Order order, StrategyContext context) {
            log.add("fill " + fill.orderId() + " " + fill.quantity() + "@" + fill.price());
        }

        @Override
        public void onStop(StrategyContext context) {
            log.add("stop");
        }
    }

    /** One engine run on the venue: a new engine, strategy and governor over the same journal. */
    static final class Run {
        final ScriptStrategy strategy = new ScriptStrategy();
        final CircuitBreakerRule breaker = new CircuitBreakerRule(3, Money.of("10", Currency.USD));
        final EngineFixtures.WallClock clock;
        final EngineFixtures.ScriptedFeed feed = new EngineFixtures.ScriptedFeed();
        final TradingEngine engine;

        Run(ScriptedVenue venue, Path journal, Instant start) {
            this.clock = new EngineFixtures.WallClock(start);
            this.engine = TradingEngine.builder().mode(EngineMode.LIVE).clock(clock).feed("bars", feed)
                    .account(venue, venue.account).rule(breaker).strategy("live", strategy)
                    .journal(journal, FsyncPolicy.os()).build();
        }

        /** Plays a BTC bar and waits until the strategy handled it. */
        void bar(int minute, String price) throws InterruptedException {
            long before = engine.status().feeds().get(0).events();
            feed.play(List.of(EngineFixtures.bar(BTC, minute, price)));
            await("bar " + minute, () -> engine.status().feeds().get(0).events() > before);
        }

        /** Everything a restart must restore: the strategy's log without its lifecycle, orders, account, governor. */
        String state(ScriptedVenue venue) {
            EngineStatus status = engine.status();
            List<String> lines = new ArrayList<>(strategy.log);
            lines.removeIf(l -> l.equals("start") || l.equals("stop"));
            status.openOrders().forEach(o -> lines.add("open " + o.clientOrderId() + " " + o.status() + " "
                    + o.filledQuantity()));
            status.account("live").positions().forEach(p -> lines.add("position " + p));
            status.unreconciledOrders().forEach(u -> lines.add("unreconciled " + u));
            lines.add("streak " + breaker.streak("live") + " trading " + status.tradingState());
            lines.add("venue submissions " + venue.submissions.get());
            return String.join("\n", lines);
        }
    }

    @Test
    void aRestartedLiveEngineAdoptsWhatTheVenueDidWhileItWasDownAndNeverResendsALostOrder(@TempDir Path dir)
            throws Exception {
        ScriptedVenue venue = new ScriptedVenue();
        Path running = dir.resolve("running");
        Run first = new Run(venue, running, T0);
        first.engine.start();
        first.bar(0, "110");
        venue.fill("open-long", "2", "110");
        await("the long's fill", () -> first.strategy.log.contains("order open-long FILLED"));
        first.bar(1, "109");
        venue.fill("partial", "1", "50");
        await("the first partial fill", () -> first.strategy.log.contains("order partial PARTIALLY_FILLED"));
        venue.hangOn = ClientOrderId.of("unknown");
        // The engine dies sending "unknown": the journal ends with its submission and no acknowledgement.
        first.feed.play(List.of(EngineFixtures.bar(BTC, 2, "108")));
        assertThat(venue.inHungSubmit.await(10, TimeUnit.SECONDS)).isTrue();
        Path journal = dir.resolve("crashed");
        EngineRestartTest.copyJournal(running, journal);
        venue.releaseHungSubmit.countDown();
        first.engine.stop();
        venue.listeners.clear();
        int submitted = venue.submissions.get();

        // While no engine runs: "filled" fills in two trades, closing the long at a loss; "partial" trades once
        // more; the venue cancels "canceled"; lookups of "throws" time out.
        venue.fill("filled", "1", "100");
        venue.fill("filled", "1", "99.50");
        venue.fill("partial", "1", "49.90");
        venue.cancelByVenue("canceled");
        venue.forget("forgotten");
        venue.failLookupsOf = ClientOrderId.of("throws");

        Run second = new Run(venue, journal, T0.plus(Duration.ofHours(1)));
        second.engine.start();
        EngineStatus status = second.engine.status();
        assertThat(venue.submissions.get()).as("nothing is sent again").isEqualTo(submitted);
        List<String> log = second.strategy.log;
        int restored = log.indexOf("ack unknown SUBMITTED []");
        assertThat(restored).as("log %s", log).isPositive();
        assertThat(log.subList(restored + 1, log.size())).containsExactly(
                "fill filled 1.0000@100.00", "fill filled 1.0000@99.50", "order filled FILLED",
                "fill partial 1.0000@49.90", "order partial PARTIALLY_FILLED",
                "order canceled CANCELED canceled by the venue",
                "order forgotten CANCELED " + TradingEngine.ORDER_LOST + ": the venue does not know order"
                        + " forgotten after the engine's restart; it is not sent again",
                "order unknown REJECTED " + TradingEngine.ORDER_LOST + ": the venue does not know order unknown"
                        + " after the engine's restart; it is not sent again");
        assertThat(log.stream().filter(l -> l.startsWith("fill partial"))).containsExactly(
                "fill partial 1.0000@50.00", "fill partial 1.0000@49.90");
        assertThat(status.openOrders().stream().map(o -> o.clientOrderId() + " " + o.status() + " "
                + o.filledQuantity())).containsExactly("partial PARTIALLY_FILLED 2.0000", "throws ACCEPTED 0.0000");
        assertThat(status.unreconciledOrders()).singleElement().satisfies(u -> {
            assertThat(u.orderId()).isEqualTo(ClientOrderId.of("throws"));
            assertThat(u.instrument()).isEqualTo(ADA.id());
            assertThat(u.reason()).contains("the venue lookup failed").contains("venue timeout");
        });
        // The long closed by the adopted fills lost 20.50: the circuit breaker counted it.
        assertThat(second.breaker.streak("live")).isEqualTo(1);
        assertThat(status.account("live").positions().stream().map(p -> p.instrument() + " " + p.quantity()))
                .containsExactly(ETH.id() + " 2.0000");

        second.bar(3, "107");
        assertThat(log).contains("ack ada-2 REJECTED [" + TradingEngine.UNRECONCILED_ORDER + "]",
                "ack btc-2 ACCEPTED []");

        // The venue answers again; it filled "throws" meanwhile without telling: the retry adopts the fill.
        synchronized (venue) {
            List<OrderListener> listening = List.copyOf(venue.listeners);
            venue.listeners.clear();
            venue.fill("throws", "1", "5");
            venue.listeners.addAll(listening);
        }
        venue.failLookupsOf = null;
        second.clock.advance(Duration.ofSeconds(2));
        await("the retried lookup", () -> second.engine.status().unreconciledOrders().isEmpty());
        assertThat(log).containsSubsequence("fill throws 1.0000@5.00", "order throws FILLED");
        second.bar(4, "106");
        assertThat(log).contains("ack ada-3 ACCEPTED []");
        String expected = second.state(venue);
        List<String> journaled = journalAfterStop(second, journal);
        venue.listeners.clear();

        Run third = new Run(venue, journal, T0.plus(Duration.ofHours(2)));
        third.engine.start();
        assertThat(third.state(venue)).isEqualTo(expected);
        third.engine.stop();
        List<String> afterThird = TradingEngineTest.journalLines(journal);
        assertThat(afterThird.subList(0, journaled.size())).isEqualTo(journaled);
        assertThat(afterThird.subList(journaled.size(), afterThird.size()).stream()
                .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toList()))
                .as("the venue agrees with the journal: nothing new to adopt").containsExactly("started", "stopped");
    }

    /** Submits what {@code orders} submits on its first event; logs the acknowledgements, updates and fills. */
    static final class OnFirstEvent implements Strategy {
        final List<String> log = new CopyOnWriteArrayList<>();
        private final Function<OrderEntry, List<Order>> orders;
        private boolean submitted;

        OnFirstEvent(Function<OrderEntry, List<Order>> orders) {
            this.orders = orders;
        }

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribe(BTC);
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            if (!submitted) {
                submitted = true;
                for (Order ack : orders.apply(context.orders())) {
                    log.add("ack " + ack.clientOrderId() + " " + ack.status());
                }
            }
        }

        @Override
        public void onOrderUpdate(Order order, StrategyContext context) {
            log.add("order " + order.clientOrderId() + " " + order.status());
        }

        @Override
        public void onFill(Fill fill, Order order, StrategyContext context) {
            log.add("fill " + fill.orderId() + " " + fill.quantity() + "@" + fill.price());
        }
    }

    static OnFirstEvent bracket() {
        OrderRequest entry = OrderRequest.buy(BTC).clientOrderId("entry").quantity("1").limit("100").build();
        return new OnFirstEvent(orders -> orders.submit(BracketOrder.of(entry, BTC.price("110"), BTC.price("95"),
                BTC.price("100"))));
    }

    @Test
    void anOrderTheVenueTookBeforeTheEngineDiedIsAdoptedFromTheVenue(@TempDir Path dir) throws Exception {
        ScriptedVenue venue = new ScriptedVenue();
        venue.hangOn = ClientOrderId.of("taken");
        venue.hangAfterTaking = true;
        OrderRequest taken = OrderRequest.buy(BTC).clientOrderId("taken").quantity("2").limit("100").build();
        Path running = dir.resolve("running");
        EngineFixtures.ScriptedFeed feed = new EngineFixtures.ScriptedFeed();
        TradingEngine first = TradingEngine.builder().mode(EngineMode.LIVE).clock(new EngineFixtures.WallClock(T0))
                .feed("bars", feed).account(venue, venue.account)
                .strategy("one", new OnFirstEvent(orders -> List.of(orders.submit(taken))))
                .journal(running, FsyncPolicy.os()).build();
        first.start();
        feed.play(List.of(EngineFixtures.bar(BTC, 0, "100")));
        assertThat(venue.inHungSubmit.await(10, TimeUnit.SECONDS)).isTrue();
        Path journal = dir.resolve("crashed");
        EngineRestartTest.copyJournal(running, journal);
        venue.releaseHungSubmit.countDown();
        first.stop();
        venue.listeners.clear();
        venue.fill("taken", "2", "99.90");

        OnFirstEvent strategy = new OnFirstEvent(orders -> List.of(orders.submit(taken)));
        try (TradingEngine restarted = TradingEngine.builder().mode(EngineMode.LIVE)
                .clock(new EngineFixtures.WallClock(T0.plus(Duration.ofHours(1)))).feed("bars", feed)
                .account(venue, venue.account).strategy("one", strategy).journal(journal, FsyncPolicy.os())
                .build()) {
            restarted.start();
            assertThat(strategy.log).containsExactly("ack taken SUBMITTED", "fill taken 2.0000@99.90",
                    "order taken FILLED");
            assertThat(restarted.status().openOrders()).isEmpty();
            assertThat(venue.submissions.get()).isEqualTo(1);
        }
    }

    @Test
    void aLiveBracketReRunsFromItsThreeJournaledAcknowledgementsAndAMisfittingAnswerIsNotAdopted(@TempDir Path dir)
            throws Exception {
        ScriptedVenue venue = new ScriptedVenue();
        Path journal = dir.resolve("journal");
        List<String> expected = null;
        for (int run = 0; run < 2; run++) {
            OnFirstEvent strategy = bracket();
            EngineFixtures.ScriptedFeed feed = new EngineFixtures.ScriptedFeed();
            try (TradingEngine engine = TradingEngine.builder().mode(EngineMode.LIVE)
                    .clock(new EngineFixtures.WallClock(T0.plus(Duration.ofHours(run)))).feed("bars", feed)
                    .account(venue, venue.account).strategy("bracket", strategy)
                    .journal(journal, FsyncPolicy.os()).build()) {
                engine.start();
                if (run == 0) {
                    feed.play(List.of(EngineFixtures.bar(BTC, 0, "100")));
                    await("the bracket", () -> strategy.log.size() == 3);
                    expected = List.copyOf(strategy.log);
                }
                assertThat(strategy.log).isEqualTo(expected);
                assertThat(engine.status().openOrders().stream().map(o -> o.clientOrderId().value()))
                        .containsExactly("entry", "entry-tp", "entry-sl");
                assertThat(engine.status().unreconciledOrders()).isEmpty();
            }
            venue.listeners.clear();
        }
        assertThat(expected).containsExactly("ack entry ACCEPTED", "ack entry-tp ACCEPTED", "ack entry-sl ACCEPTED");
        assertThat(venue.submissions.get()).isEqualTo(3);

        // The venue now answers for the take-profit with an order of another size: the engine does not adopt it.
        ClientOrderId tp = ClientOrderId.of("entry-tp");
        Order journaled;
        synchronized (venue) {
            journaled = venue.orders.get(tp);
            OrderRequest resized = OrderRequest.sell(BTC).clientOrderId("entry-tp").quantity("3").limit("110")
                    .build();
            venue.orders.put(tp, new Order(resized, T0));
        }
        EngineFixtures.WallClock clock = new EngineFixtures.WallClock(T0.plus(Duration.ofHours(3)));
        try (TradingEngine engine = TradingEngine.builder().mode(EngineMode.LIVE).clock(clock)
                .feed("bars", new EngineFixtures.ScriptedFeed()).account(venue, venue.account)
                .strategy("bracket", bracket()).journal(journal, FsyncPolicy.os()).build()) {
            engine.start();
            assertThat(engine.status().unreconciledOrders()).singleElement().satisfies(u -> {
                assertThat(u.orderId()).isEqualTo(tp);
                assertThat(u.reason()).contains("does not match the journal's");
            });
            synchronized (venue) {
                venue.orders.put(tp, journaled);
            }
            clock.advance(Duration.ofSeconds(2));
            await("the retried lookup", () -> engine.status().unreconciledOrders().isEmpty());
        }
        assertThat(TradingEngineTest.journalLines(journal).stream().filter(l -> l.startsWith("reconcile,")))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("entry-tp"));
    }

    private static List<String> journalAfterStop(Run run, Path journal) {
        run.engine.stop();
        return TradingEngineTest.journalLines(journal);
    }
}
