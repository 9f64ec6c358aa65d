package dev.tradingsdk.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Order;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import dev.tradingsdk.core.risk.rules.MaxDailyLossRule;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Backtest as a REPLAY configuration of the engine: its equity curve and the risk governor in its order path. */
class BacktestOnEngineTest {

    private static final Instrument XYZ = Instrument.builder("XYZ", Venue.SIM).assetClass(AssetClass.EQUITY)
            .quoteCurrency(Currency.USD).pricePrecision(6).sizePrecision(0).build();
    private static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");

    private static Bar bar(int period, Duration length, String open, String close) {
        Instant openTime = T0.plus(length.multipliedBy(period));
        Price o = Price.of(open);
        Price c = Price.of(close);
        return new Bar(XYZ, openTime, openTime.plus(length), o, o.isGreaterThan(c) ? o : c, o.isGreaterThan(c) ? c : o,
                c, Quantity.of("1000"));
    }

    @Test
    void theEquityCurveStartsWithTheInitialEquitySoAPositionOpenedAtStartKeepsItsFirstPeriod() {
        Duration day = Duration.ofDays(1);
        List<Bar> bars = List.of(bar(0, day, "100", "97"), bar(1, day, "97", "97.97"),
                bar(2, day, "97.97", "99.9294"), bar(3, day, "99.9294", "98.930106"));
        Strategy buyAndHold = new Strategy() {
            @Override
            public void onStart(StrategyContext context) {
                context.orders().submit(OrderRequest.buy(XYZ).clientOrderId("all-in").quantity("100").build());
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
            }
        };
        BacktestResult result = Backtest.builder().initialCash(Money.of("10000", Currency.USD)).events(bars)
                .strategy(buyAndHold).run();

        assertThat(result.equityCurve().size()).isEqualTo(5);
        assertThat(result.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualTo(Price.of("100")));
        assertThat(result.metrics(252).totalReturn()).isCloseTo(-0.0106989, within(1e-7));
        assertThat(result.finalEquity()).isEqualTo(Money.of("9893.0106", Currency.USD));
    }

    @Test
    void theCircuitBreakerTripsAfterThreeLosingRoundTripsAndTheStrategyThenSeesRejectedOrders() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String price = Integer.toString(200 - i);
            bars.add(bar(i, Duration.ofMinutes(1), price, price));
        }
        List<Order> rejected = new ArrayList<>();
        List<RiskViolation> violations = new ArrayList<>();
        Strategy flipper = new Strategy() {
            int ids;

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                if (!context.orders().openOrders().isEmpty()) {
                    return;
                }
                boolean flat = context.account().position(XYZ.id()).map(Position::isFlat).orElse(true);
                OrderRequest request = (flat ? OrderRequest.buy(XYZ) : OrderRequest.sell(XYZ))
                        .clientOrderId("o" + (++ids)).quantity("10").build();
                Order ack = context.orders().submit(request);
                if (ack.status() == OrderStatus.REJECTED) {
                    rejected.add(ack);
                    violations.addAll(context.orders().violations(ack.clientOrderId()));
                }
            }
        };
        BacktestResult result = Backtest.builder().initialCash(Money.of("10000", Currency.USD)).events(bars)
                .strategy(flipper).rule(new CircuitBreakerRule(3, Money.of("1", Currency.USD))).run();

        // Each round trip buys at one open and sells a minute later, 1 lower: three losses, then the halt.
        assertThat(result.trades()).hasSize(3);
        assertThat(result.fills()).hasSize(6);
        assertThat(rejected).isNotEmpty().allSatisfy(o -> assertThat(o.reason()).contains(RiskGovernor.HALTED));
        assertThat(violations).extracting(RiskViolation::code).containsOnly(RiskGovernor.HALTED);
    }

    @Test
    void maxDailyLossDeniesForTheRestOfTheSessionAndResetsAtTheSessionBoundaryInSimulatedTime() {
        Duration sixHours = Duration.ofHours(6);
        // Day 1 (2024-01-02 UTC): bought at 100, marked at 90 from the second bar on. Day 2: flat at 90.
        List<Bar> bars = new ArrayList<>();
        bars.add(bar(0, sixHours, "100", "100"));
        for (int i = 1; i < 8; i++) {
            bars.add(bar(i, sixHours, "90", "90"));
        }
        List<String> outcomes = new ArrayList<>();
        Strategy averagingDown = new Strategy() {
            int ids;

            @Override
            public void onStart(StrategyContext context) {
                context.orders().submit(OrderRequest.buy(XYZ).clientOrderId("first").quantity("10").build());
            }

            @Override
            public void onEvent(MarketEvent event, StrategyContext context) {
                Order ack = context.orders().submit(OrderRequest.buy(XYZ).clientOrderId("add" + (++ids))
                        .quantity("1").build());
                outcomes.add(context.clock().now().atZone(ZoneOffset.UTC).toLocalDate() + " " + ack.status()
                        + (ack.status() == OrderStatus.REJECTED ? " " + context.orders()
                        .violations(ack.clientOrderId()).get(0).code() : ""));
            }
        };
        Backtest.builder().initialCash(Money.of("10000", Currency.USD)).events(bars).strategy(averagingDown)
                .rule(new MaxDailyLossRule(Money.of("50", Currency.USD), ZoneOffset.UTC)).run();

        assertThat(outcomes).containsExactly(
                "2024-01-02 ACCEPTED",                       // 06:00, the first bar closed at 100: no loss yet
                "2024-01-02 REJECTED MAX_DAILY_LOSS",        // 12:00, 10 (+1) at 90: lost 100 today
                "2024-01-02 REJECTED MAX_DAILY_LOSS",
                "2024-01-03 ACCEPTED",                       // 00:00, a new session: its baseline is the loss so far
                "2024-01-03 ACCEPTED", "2024-01-03 ACCEPTED", "2024-01-03 ACCEPTED",
                "2024-01-04 ACCEPTED");
    }
}
