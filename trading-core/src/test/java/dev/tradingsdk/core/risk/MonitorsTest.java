package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.ES;
import static dev.tradingsdk.core.risk.RiskFixtures.ETH;
import static dev.tradingsdk.core.risk.RiskFixtures.T0;
import static dev.tradingsdk.core.risk.RiskFixtures.T0_NANOS;
import static dev.tradingsdk.core.risk.RiskFixtures.book;
import static dev.tradingsdk.core.risk.RiskFixtures.market;
import static dev.tradingsdk.core.risk.RiskFixtures.position;
import static dev.tradingsdk.core.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.risk.monitor.LiquidationPlanner;
import dev.tradingsdk.core.risk.monitor.MarginMonitor;
import dev.tradingsdk.core.risk.monitor.StopLossMonitor;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MonitorsTest {

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final List<RiskEvent> events = new ArrayList<>();
    /** BTC mid 40,000 (long from 50,000 loses 10,000 per coin); ETH mid 3,100. */
    private final MarketState market = market(book(BTC, "39999.00", "1", "40001.00", "1", T0_NANOS),
            book(ETH, "3099.00", "1", "3101.00", "1", T0_NANOS));

    @Test
    void stopLossTriggersOnceAtTheLossLevelWithACloseEverythingPlan() {
        StopLossMonitor monitor = new StopLossMonitor(usd("100000"), new BigDecimal("10"), MarginModel.CASH,
                clock, events::add);
        assertThat(monitor.lossLimit()).isEqualTo(usd("10000"));
        TestAccount account = new TestAccount("acc-1", usd("90000.01"))
                .hold(position(ETH, BUY, "10", "3000.00")).hold(position(BTC, BUY, "1", "50000.00"));
        assertThat(monitor.evaluate(account, market)).isEmpty();
        account.equity(usd("90000"));
        RiskEvent event = monitor.evaluate(account, market).orElseThrow();
        assertThat(event).isInstanceOfSatisfying(RiskEvent.StopLossTriggered.class, e -> {
            assertThat(e.loss()).isEqualTo(usd("10000"));
            assertThat(e.plan().steps()).extracting(LiquidationPlan.Step::instrument)
                    .containsExactly(BTC.id(), ETH.id());
            assertThat(e.plan().steps().get(0).side()).isEqualTo(SELL);
            assertThat(e.plan().steps().get(0).unrealizedPnl()).isEqualTo(usd("-10000"));
        });
        account.equity(usd("80000"));
        assertThat(monitor.evaluate(account, market)).isEmpty();
        account.equity(usd("95000"));
        assertThat(monitor.evaluate(account, market).orElseThrow()).isInstanceOf(RiskEvent.MonitorCleared.class);
        assertThat(events).hasSize(2);
    }

    @Test
    void marginMonitorMovesBetweenOkMarginCallAndStopOutAtTheExactLevels() {
        MarginMonitor monitor = new MarginMonitor(new BigDecimal("100"), new BigDecimal("50"),
                MarginModel.rate(new BigDecimal("0.1")), clock, events::add);
        TestAccount account = new TestAccount("acc-1", usd("10000.01"))
                .hold(position(BTC, BUY, "2", "50000.00")).hold(position(ETH, BUY, "10", "3000.00"))
                .margin(usd("10000"), usd("0.01"));
        assertThat(monitor.evaluate(account, market)).isEmpty();
        // Strictly below, as ESMA's close-out ("falls to less than half"): exactly 100 % is no call yet.
        account.equity(usd("10000"));
        assertThat(monitor.evaluate(account, market)).isEmpty();
        account.equity(usd("9999.99"));
        assertThat(monitor.evaluate(account, market).orElseThrow())
                .isInstanceOfSatisfying(RiskEvent.MarginCall.class,
                        e -> assertThat(e.marginLevelPercent()).isEqualByComparingTo("99.9999"));
        account.equity(usd("5000"));
        assertThat(monitor.evaluate(account, market)).isEmpty();
        account.equity(usd("4999.99"));
        RiskEvent stopOut = monitor.evaluate(account, market).orElseThrow();
        assertThat(stopOut).isInstanceOfSatisfying(RiskEvent.StopOut.class, e -> {
            assertThat(e.marginLevelPercent()).isEqualByComparingTo("49.9999");
            // BTC (largest loss, margin 8,000) alone brings 5,000 / 2,000 back above 100 %.
            assertThat(e.plan().steps()).extracting(LiquidationPlan.Step::instrument).containsExactly(BTC.id());
            assertThat(e.plan().steps().get(0).quantity()).isEqualTo(Quantity.of("2"));
            assertThat(e.plan().restoresLevel()).isTrue();
        });
        account.equity(usd("20000"));
        assertThat(monitor.evaluate(account, market).orElseThrow()).isInstanceOf(RiskEvent.MonitorCleared.class);
        assertThatThrownBy(() -> new MarginMonitor(new BigDecimal("50"), new BigDecimal("100"), MarginModel.CASH,
                clock, events::add)).hasMessageContaining("stopOutPercent");
    }

    @Test
    void stopLossComparesWithTheExactPercentageNotTheRoundedLimit() {
        StopLossMonitor monitor = new StopLossMonitor(usd("100.00"), new BigDecimal("33.3333"), MarginModel.CASH,
                clock, events::add);
        assertThat(monitor.lossLimit()).isEqualTo(usd("33.33"));
        TestAccount account = new TestAccount("acc-1", usd("66.67"));
        // A loss of 33.33 is below 33.3333 % of 100.00.
        assertThat(monitor.evaluate(account, market)).isEmpty();
        account.equity(usd("66.6667"));
        assertThat(monitor.evaluate(account, market)).hasValueSatisfying(
                e -> assertThat(e).isInstanceOf(RiskEvent.StopLossTriggered.class));
    }

    /** Throws while {@code down[0]} is set, else charges notional / {@code divisor}. */
    private static MarginModel flaky(boolean[] down, long divisor) {
        return (instrument, notionalRaw) -> {
            if (down[0]) {
                throw new IllegalStateException("margin service down");
            }
            return notionalRaw / divisor;
        };
    }

    private void reportedOnceTheFailureIsGone(boolean[] marginFails, Supplier<Optional<RiskEvent>> evaluate,
                                              Class<? extends RiskEvent> expected) {
        assertThatThrownBy(evaluate::get).isInstanceOf(IllegalStateException.class);
        marginFails[0] = false;
        assertThat(evaluate.get()).hasValueSatisfying(e -> assertThat(e).isInstanceOf(expected));
        assertThat(events).hasSize(1);
    }

    @Test
    void aStopLossWhosePlanFailsIsReportedOnTheNextEvaluation() {
        boolean[] marginFails = {true};
        MarginModel flaky = flaky(marginFails, 1);
        StopLossMonitor monitor = new StopLossMonitor(usd("100000"), new BigDecimal("10"), flaky, clock,
                events::add);
        TestAccount account = new TestAccount("acc-1", usd("90000")).hold(position(BTC, BUY, "1", "50000.00"));
        reportedOnceTheFailureIsGone(marginFails, () -> monitor.evaluate(account, market), RiskEvent.StopLossTriggered.class);
    }

    @Test
    void aStopOutWhosePlanFailsIsReportedOnTheNextEvaluation() {
        boolean[] marginFails = {true};
        MarginModel flaky = flaky(marginFails, 10);
        MarginMonitor monitor = new MarginMonitor(new BigDecimal("100"), new BigDecimal("50"), flaky, clock,
                events::add);
        TestAccount account = new TestAccount("acc-1", usd("4999.99")).hold(position(BTC, BUY, "2", "50000.00"))
                .margin(usd("10000"), usd("0"));
        reportedOnceTheFailureIsGone(marginFails, () -> monitor.evaluate(account, market), RiskEvent.StopOut.class);
    }

    @Test
    void plannerClosesLargestLossesFirstUntilTheLevelIsRestored() {
        List<LiquidationPlanner.Candidate> candidates = List.of(
                new LiquidationPlanner.Candidate(ETH, 10_0000, usd("-500"), usd("3000")),
                new LiquidationPlanner.Candidate(ES, -2, usd("-2000"), usd("4000")),
                new LiquidationPlanner.Candidate(BTC, 1_0000, usd("300"), usd("5000")));
        // equity 6,000 against 12,000 used = 50 %; target 100 % needs used ≤ 6,000.
        LiquidationPlan plan = LiquidationPlanner.plan(candidates, usd("6000"), usd("12000"), new BigDecimal("100"));
        assertThat(plan.steps()).extracting(LiquidationPlan.Step::instrument).containsExactly(ES.id(), ETH.id());
        assertThat(plan.steps().get(0).side()).isEqualTo(BUY);
        assertThat(plan.steps().get(0).quantity()).isEqualTo(Quantity.of("2"));
        assertThat(plan.marginReleased()).isEqualTo(usd("7000"));
        assertThat(plan.restoresLevel()).isTrue();

        // After two closes 5,000 stays used: equity 5,000 is exactly 100 %, a cent less needs the third close.
        assertThat(LiquidationPlanner.plan(candidates, usd("5000"), usd("12000"), new BigDecimal("100")).steps())
                .hasSize(2);
        assertThat(LiquidationPlanner.plan(candidates, usd("4999.99"), usd("12000"), new BigDecimal("100"))
                .steps()).hasSize(3);
        LiquidationPlan impossible = LiquidationPlanner.plan(candidates, usd("-1"), usd("12000"),
                new BigDecimal("100"));
        assertThat(impossible.steps()).hasSize(3);
        assertThat(impossible.restoresLevel()).isTrue();
        assertThat(LiquidationPlanner.plan(candidates, usd("12000"), usd("12000"), new BigDecimal("100")).isEmpty())
                .isTrue();
    }

    @Test
    void plannerReportsWhenClosingEverythingCannotRestoreTheLevel() {
        List<LiquidationPlanner.Candidate> candidates = List.of(
                new LiquidationPlanner.Candidate(ETH, 10_0000, usd("-500"), usd("3000")));
        LiquidationPlan plan = LiquidationPlanner.plan(candidates, usd("1000"), usd("5000"), new BigDecimal("100"));
        assertThat(plan.steps()).hasSize(1);
        assertThat(plan.restoresLevel()).isFalse();
        assertThatThrownBy(() -> new LiquidationPlanner.Candidate(ETH, 0, usd("0"), usd("0")))
                .hasMessageContaining("flat");
    }
}
