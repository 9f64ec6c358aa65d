package dev.tradingsdk.core.strategy;

import static dev.tradingsdk.core.strategy.EngineFixtures.BTC;
import static dev.tradingsdk.core.strategy.EngineFixtures.T0;
import static dev.tradingsdk.core.strategy.EngineFixtures.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.gateway.GatewayCapabilities;
import dev.tradingsdk.core.gateway.MarketDataListener;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.gateway.OrderListener;
import dev.tradingsdk.core.journal.FsyncPolicy;
import dev.tradingsdk.core.journal.Journal;
import dev.tradingsdk.core.journal.JournalCodec;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.risk.rules.OrderRateThrottleRule;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.core.time.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingEngineTest {

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final Portfolio portfolio = new Portfolio("acc", Money.of("100000", Currency.USD));
    private final SimulatedVenue venue = SimulatedVenue.builder().build(portfolio, clock);

    private static List<Bar> bars(int n) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bars.add(bar(BTC, i, "100"));
        }
        return bars;
    }

    private TradingEngine.Builder replay(List<? extends MarketEvent> events) {
        return TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock)
                .feed("bars", MarketReplay.of(List.of(events.iterator()))).account(venue, portfolio);
    }

    @Test
    void timersFireFromSimulatedTimeBeforeTheEventsAtOrAfterTheirDueTime() {
        List<String> log = new ArrayList<>();
        Strategy strategy = new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
                context.timers().scheduleEvery("tick", Duration.ofMinutes(2));
                context.timers().scheduleOnce("once", T0.plusSeconds(150));
                TimerId canceled = context.timers().scheduleOnce("never", T0.plusSeconds(10));
                assertThat(context.timers().cancel(canceled)).isTrue();
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                log.add("bar " + Duration.between(T0, context.clock().now()).toSeconds());
            }

            @Override
            public void onTimer(TimerEvent timer, StrategyContext context) {
                assertThat(timer.firedAt()).isEqualTo(timer.dueAt()).isEqualTo(context.clock().now());
                log.add(timer.name() + " " + Duration.between(T0, timer.dueAt()).toSeconds());
            }
        };
        replay(bars(5)).strategy("s", strategy).build().run();

        assertThat(log).containsExactly("bar 60", "tick 120", "bar 120", "once 150", "bar 180", "tick 240",
                "bar 240", "bar 300");
    }

    @Test
    void aDeniedOrderComesBackRejectedWithEveryViolationAndNothingReachesTheVenue() {
        List<Order> updates = new ArrayList<>();
        List<Order> acks = new ArrayList<>();
        List<List<RiskViolation>> violations = new ArrayList<>();
        Strategy strategy = new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                if (acks.isEmpty()) {
                    Order ack = context.orders().submit(OrderRequest.buy(BTC).clientOrderId("big").quantity("50")
                            .build());
                    acks.add(ack);
                    violations.add(context.orders().violations(ack.clientOrderId()));
                }
            }

            @Override
            public void onOrderUpdate(Order order, StrategyContext context) {
                updates.add(order);
            }
        };
        replay(bars(3)).rules(new MaxOrderQuantityRule(Quantity.of("10")),
                new MaxOrderNotionalRule(Money.of("1000", Currency.USD))).strategy("s", strategy).build().run();

        assertThat(acks.get(0).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(acks.get(0).reason()).contains(MaxOrderQuantityRule.CODE, MaxOrderNotionalRule.CODE);
        assertThat(violations.get(0)).extracting(RiskViolation::code)
                .containsExactly(MaxOrderQuantityRule.CODE, MaxOrderNotionalRule.CODE);
        assertThat(updates).extracting(Order::status).containsExactly(OrderStatus.REJECTED);
        assertThat(venue.allOrders()).isEmpty();
    }

    @Test
    void whatTheGatewayCannotDoIsDeniedWithACodeInsteadOfReachingIt() {
        MarketOnly gateway = new MarketOnly(venue);
        List<Order> acks = new ArrayList<>();
        Strategy strategy = new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
                OrderRequest limit = OrderRequest.buy(BTC).clientOrderId("lim").quantity("1").limit("99").build();
                acks.add(context.orders().submit(limit));
                OrderRequest ioc = OrderRequest.buy(BTC).clientOrderId("ioc").quantity("1")
                        .timeInForce(TimeInForce.IOC).build();
                acks.add(context.orders().submit(ioc));
                acks.addAll(context.orders().submit(BracketOrder.of(OrderRequest.buy(BTC).clientOrderId("e")
                        .quantity("1").build(), BTC.price("110"), BTC.price("90"), BTC.price("100"))));
                acks.add(context.orders().submit(OrderRequest.sell(BTC).clientOrderId("short").quantity("1")
                        .build()));
                acks.add(context.orders().submit(OrderRequest.buy(BTC).clientOrderId("ok").quantity("1").build()));
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
            }
        };
        TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock)
                .feed("bars", MarketReplay.of(List.of(bars(2).iterator()))).account(gateway, portfolio)
                .strategy("s", strategy).build().run();

        assertThat(acks).extracting(o -> o.clientOrderId().value() + ":" + o.status())
                .containsExactly("lim:REJECTED", "ioc:REJECTED", "e:REJECTED", "e-tp:REJECTED", "e-sl:REJECTED",
                        "short:REJECTED", "ok:ACCEPTED");
        assertThat(acks.get(0).reason()).contains(TradingEngine.UNSUPPORTED_ORDER_TYPE);
        assertThat(acks.get(1).reason()).contains(TradingEngine.UNSUPPORTED_TIME_IN_FORCE);
        assertThat(acks.get(2).reason()).contains(TradingEngine.UNSUPPORTED_BRACKET);
        assertThat(acks.get(5).reason()).contains(TradingEngine.UNSUPPORTED_SHORT_SELLING);
        assertThat(gateway.submissions).isEqualTo(1);
    }

    @Test
    void anOrderTheGatewayFailedToSendAndTheVenueDoesNotKnowIsNotCountedByTheGovernor() {
        MarketOnly gateway = new MarketOnly(venue);
        gateway.failNext = true;
        List<Order> acks = new ArrayList<>();
        Strategy strategy = new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
                acks.add(context.orders().submit(OrderRequest.buy(BTC).clientOrderId("lost").quantity("1").build()));
                acks.add(context.orders().submit(OrderRequest.buy(BTC).clientOrderId("sent").quantity("1").build()));
                acks.add(context.orders().submit(OrderRequest.buy(BTC).clientOrderId("over").quantity("1").build()));
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
            }
        };
        TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock)
                .feed("bars", MarketReplay.of(List.of(bars(2).iterator()))).account(gateway, portfolio)
                .rules(new OrderRateThrottleRule(1, Duration.ofHours(1))).strategy("s", strategy).build().run();

        assertThat(acks).extracting(o -> o.clientOrderId().value() + ":" + o.status())
                .containsExactly("lost:REJECTED", "sent:ACCEPTED", "over:REJECTED");
        assertThat(acks.get(0).reason()).startsWith(TradingEngine.GATEWAY_ERROR);
        assertThat(acks.get(2).reason()).contains(OrderRateThrottleRule.CODE);
        assertThat(gateway.submissions).isEqualTo(2);
    }

    @Test
    void aThrowingStrategyIsStoppedAndReportedWhileTheOthersKeepRunning(@TempDir Path dir) {
        List<String> seen = new ArrayList<>();
        Strategy recursing = new Strategy() {
            int events;

            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                if (++events >= 2) {
                    onEvent(event, context);
                }
            }
        };
        Strategy counting = new Strategy() {
            int events;

            @Override
            public void onStart(StrategyContext context) {
                context.marketData().subscribe(BTC);
                context.timers().scheduleEvery("t", Duration.ofMinutes(1));
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                events++;
            }

            @Override
            public void onTimer(TimerEvent timer, StrategyContext context) {
                if (events == 2) {
                    throw new IllegalStateException("timer bug");
                }
            }
        };
        Strategy steady = (event, context) -> seen.add("steady");
        TradingEngine engine = replay(bars(5)).strategy("recursing", recursing).strategy("counting", counting)
                .strategy("steady", new Strategy() {
                    @Override
                    public void onStart(StrategyContext context) {
                        context.marketData().subscribeAll();
                    }

                    @Override
                    public void onEvent(MarketEvent event, StrategyContext context) {
                        steady.onEvent(event, context);
                    }
                }).journal(dir, FsyncPolicy.os()).build();
        engine.run();

        EngineStatus status = engine.status();
        assertThat(status.strategy("recursing").state()).isEqualTo(StrategyState.FAILED);
        assertThat(status.strategy("recursing").failure()).hasValueSatisfying(f -> assertThat(f)
                .contains("StackOverflowError"));
        assertThat(status.strategy("recursing").failedAt()).contains(T0.plusSeconds(120));
        assertThat(status.strategy("counting").state()).isEqualTo(StrategyState.FAILED);
        assertThat(status.strategy("counting").failure()).hasValueSatisfying(f -> assertThat(f).contains("timer bug"));
        assertThat(status.strategy("steady").state()).isEqualTo(StrategyState.STOPPED);
        assertThat(seen.stream().filter("steady"::equals)).hasSize(5);
        assertThat(journalLines(dir)).filteredOn(l -> l.startsWith("strategy-failed")).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("recursing", "StackOverflowError"))
                .anySatisfy(l -> assertThat(l).contains("counting", "timer+bug"));
    }

    @Test
    void aFailureOutsideAnyStrategyStopsTheLoopAsFailedWithTheReason() {
        Iterator<Bar> source = bars(3).iterator();
        Iterator<Bar> breaking = new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Bar next() {
                if (++read > 2) {
                    throw new IllegalStateException("recording file truncated");
                }
                return source.next();
            }
        };
        TradingEngine engine = TradingEngine.builder().mode(EngineMode.REPLAY).clock(clock)
                .feed("bars", MarketReplay.of(List.of(breaking))).account(venue, portfolio)
                .strategy("s", new Strategy() {
                    @Override
                    public void onStart(StrategyContext context) {
                        context.marketData().subscribe(BTC);
                    }

                    @Override
                    public void onEvent(MarketEvent event, StrategyContext context) {
                    }
                }).build();

        assertThatThrownBy(engine::run).hasMessageContaining("recording file truncated");

        EngineStatus status = engine.status();
        assertThat(status.state()).isEqualTo(EngineState.FAILED);
        assertThat(status.failure()).hasValueSatisfying(f -> assertThat(f).contains("recording file truncated"));
    }

    @Test
    void aStrategyCannotReachTheVenueThePortfolioOrTheClockSetterByCasting() {
        List<Object> handedOut = new ArrayList<>();
        replay(bars(1)).strategy("s", new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                handedOut.addAll(List.of(context, context.clock(), context.account(), context.orders(),
                        context.marketData(), context.timers()));
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
            }
        }).build().run();

        for (Object o : handedOut) {
            assertThat(o).isNotInstanceOfAny(SimulatedVenue.class, OrderGateway.class, Portfolio.class,
                    SimulatedClock.class, TradingEngine.class, OperatorControls.class);
        }
        Clock strategyClock = (Clock) handedOut.get(1);
        assertThat(strategyClock.getClass().getMethods()).noneMatch(m -> m.getName().startsWith("set")
                || m.getName().equals("advance"));
        AccountView account = (AccountView) handedOut.get(2);
        assertThat(account).isInstanceOf(ReadOnlyAccount.class);
    }

    @Test
    void theBuilderRefusesIncompleteOrConflictingConfiguration() {
        assertThatThrownBy(() -> TradingEngine.builder().mode(EngineMode.REPLAY).clock(Clock.system())
                .account(venue, portfolio).strategy("s", (e, c) -> { }).feed("f", MarketReplay.of(List.of()))
                .build()).hasMessageContaining("REPLAY requires a SimulatedClock");
        assertThatThrownBy(() -> replay(bars(1)).strategy("s", (e, c) -> { }, "other").build())
                .hasMessageContaining("trades account other");
        assertThatThrownBy(() -> replay(bars(1)).strategy("s", (e, c) -> { }).strategy("s", (e, c) -> { }))
                .hasMessageContaining("strategy s is already configured");
        assertThatThrownBy(() -> TradingEngine.builder().mode(EngineMode.PAPER).mode(EngineMode.LIVE))
                .hasMessageContaining("PAPER").hasMessageContaining("LIVE");
        assertThatThrownBy(() -> TradingEngine.builder().mode(EngineMode.PAPER).account(venue, portfolio)
                .feed("f", MarketReplay.of(List.of())).strategy("s", (e, c) -> { }).build())
                .hasMessageContaining("MarketReplay");
        assertThatThrownBy(() -> TradingEngine.builder().mode(EngineMode.LIVE).account(venue, portfolio)
                .strategy("s", (e, c) -> { }).build()).hasMessageContaining("SimulatedVenue (use PAPER)");
    }

    static List<String> journalLines(Path dir) {
        JournalCodec<String> text = new JournalCodec<>() {
            @Override
            public byte[] encode(String value) {
                return value.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String decode(byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        };
        List<String> lines = new ArrayList<>();
        try (Journal<String> journal = Journal.builder(dir, text).open()) {
            journal.replay(journal.firstSequence(), (sequence, line) -> lines.add(line));
        }
        return lines;
    }

    /** A gateway that only takes GTC/DAY market orders, no brackets, no shorting. */
    static final class MarketOnly implements OrderGateway, MarketDataListener {
        private final SimulatedVenue venue;
        int submissions;
        boolean failNext;

        MarketOnly(SimulatedVenue venue) {
            this.venue = venue;
        }

        @Override
        public Order submit(OrderRequest request) {
            submissions++;
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("connection reset before the request was written");
            }
            return venue.submit(request);
        }

        @Override
        public boolean cancel(ClientOrderId id) {
            return venue.cancel(id);
        }

        @Override
        public Optional<Order> order(ClientOrderId id) {
            return venue.order(id);
        }

        @Override
        public List<Order> openOrders() {
            return venue.openOrders();
        }

        @Override
        public void addListener(OrderListener listener) {
            venue.addListener(listener);
        }

        @Override
        public GatewayCapabilities capabilities() {
            return new GatewayCapabilities(EnumSet.of(OrderType.MARKET), EnumSet.of(TimeInForce.GTC,
                    TimeInForce.DAY), false, false, false, false);
        }

        @Override
        public void onEvent(MarketEvent event) {
            venue.onEvent(event);
        }
    }
}
