package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.context;
import static dev.tradingsdk.core.risk.RiskFixtures.limit;
import static dev.tradingsdk.core.risk.RiskFixtures.nanos;
import static dev.tradingsdk.core.risk.RiskFixtures.position;
import static dev.tradingsdk.core.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.PositionSide;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import dev.tradingsdk.core.risk.rules.MaxDailyLossRule;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossRulesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final TestAccount account = new TestAccount("acc-1", usd("100000.00"));
    private final OrderRequest order = limit(BTC, BUY, "1", "50000.00");

    /** As the governor does: the rule checks, and an order it passes is accepted. */
    private RuleResult checkAt(RiskRule rule, OrderRequest o, String instant) {
        RiskContext context = context(o, account, MarketState.NONE, nanos(Instant.parse(instant)));
        RuleResult result = rule.check(context);
        if (result.passed()) {
            rule.onAccepted(context);
        }
        return result;
    }

    @Test
    void dailyLossAtJustBelowAndAboveTheLimit() {
        MaxDailyLossRule rule = new MaxDailyLossRule(usd("1000"), NEW_YORK);
        account.pnl(usd("200"), usd("0"));
        assertThat(checkAt(rule, order, "2026-11-20T15:00:00Z").passed()).isTrue();
        account.pnl(usd("-300"), usd("-499.99"));
        assertThat(checkAt(rule, order, "2026-11-20T16:00:00Z").passed()).isTrue();
        account.pnl(usd("-300"), usd("-500"));
        RuleResult at = checkAt(rule, order, "2026-11-20T16:00:01Z");
        assertThat(((RiskViolation) at).code()).isEqualTo(MaxDailyLossRule.CODE);
        assertThat(((RiskViolation) at).actual()).isEqualByComparingTo("1000");
        account.pnl(usd("-300"), usd("-500.01"));
        assertThat(((RiskViolation) checkAt(rule, order, "2026-11-20T16:00:02Z")).actual())
                .isEqualByComparingTo("1000.01");
    }

    @Test
    void dailyLossResetsAtTheSessionStartInTheAccountTimeZone() {
        MaxDailyLossRule rule = new MaxDailyLossRule(usd("1000"), NEW_YORK, LocalTime.of(17, 0));
        account.pnl(usd("0"), usd("0"));
        assertThat(checkAt(rule, order, "2026-11-20T21:59:00Z").passed()).isTrue();
        account.pnl(usd("-1500"), usd("0"));
        assertThat(checkAt(rule, order, "2026-11-20T21:59:59Z").passed()).isFalse();
        // 17:00 in New York (EST) is 22:00 UTC: a new session with the current P&L as its baseline.
        assertThat(checkAt(rule, order, "2026-11-20T22:00:00Z").passed()).isTrue();
        account.pnl(usd("-2499.99"), usd("0"));
        assertThat(checkAt(rule, order, "2026-11-21T10:00:00Z").passed()).isTrue();
        account.pnl(usd("-2500"), usd("0"));
        assertThat(checkAt(rule, order, "2026-11-21T10:00:01Z").passed()).isFalse();
    }

    @Test
    void dailyLossLetsAReducingOrderThroughAndAcceptsAnExplicitBaseline() {
        MaxDailyLossRule rule = new MaxDailyLossRule(usd("1000"), NEW_YORK);
        account.hold(position(BTC, BUY, "1", "50000.00")).pnl(usd("0"), usd("-400"));
        rule.startSession("acc-1", usd("600"), nanos(Instant.parse("2026-11-20T15:00:00Z")));
        assertThat(checkAt(rule, order, "2026-11-20T15:00:00Z").passed()).isFalse();
        assertThat(checkAt(rule, limit(BTC, SELL, "1", "50000.00"), "2026-11-20T15:00:00Z").passed()).isTrue();
    }

    @Test
    void circuitBreakerHaltsTheAccountAfterThreeLossesEachWorseThanTheThreshold() {
        List<RiskEvent> events = new ArrayList<>();
        SimulatedClock clock = new SimulatedClock(RiskFixtures.T0);
        CircuitBreakerRule breaker = CircuitBreakerRule.defaults(Currency.USD);
        RiskGovernor governor = RiskGovernor.builder().clock(clock).rule(breaker).listener(events::add).build();
        governor.onClosedTrade(loss("500.01"));
        governor.onClosedTrade(loss("600"));
        assertThat(breaker.streak("acc-1")).isEqualTo(2);
        assertThat(governor.state("acc-1")).isEqualTo(TradingState.ACTIVE);
        governor.onClosedTrade(loss("500.01"));
        assertThat(governor.state("acc-1")).isEqualTo(TradingState.HALTED);
        assertThat(governor.state("other")).isEqualTo(TradingState.ACTIVE);
        StateChange change = governor.lastChange("acc-1").orElseThrow();
        assertThat(change.who()).isEqualTo(CircuitBreakerRule.WHO);
        assertThat(change.why()).contains("3 consecutive losing trades").contains("500.00 USD");
        assertThat(change.at()).isEqualTo(RiskFixtures.T0);
        assertThat(governor.check(order, account, MarketState.NONE).codes()).containsExactly(RiskGovernor.HALTED);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(RiskEvent.TradingStateChanged.class));
    }

    @Test
    void lossesAtTheThresholdOrAWinResetTheStreak() {
        CircuitBreakerRule breaker = new CircuitBreakerRule(3, usd("500"));
        KillSwitch failIfHalted = (id, who, why) -> {
            throw new AssertionError("halted " + id);
        };
        breaker.onClosedTrade(loss("600"), failIfHalted);
        breaker.onClosedTrade(loss("600"), failIfHalted);
        breaker.onClosedTrade(loss("500"), failIfHalted);
        assertThat(breaker.streak("acc-1")).isZero();
        breaker.onClosedTrade(loss("600"), failIfHalted);
        breaker.onClosedTrade(loss("600"), failIfHalted);
        breaker.onClosedTrade(trade("10"), failIfHalted);
        assertThat(breaker.streak("acc-1")).isZero();
        assertThatThrownBy(() -> breaker.onClosedTrade(trade(Money.of("-600", Currency.EUR)), failIfHalted))
                .hasMessageContaining("EUR");
    }

    private static ClosedTrade loss(String amount) {
        return trade("-" + amount);
    }

    private static ClosedTrade trade(String pnl) {
        return trade(usd(pnl));
    }

    /** A long round trip with {@code netPnl} and no fees. */
    private static ClosedTrade trade(Money netPnl) {
        return new ClosedTrade("acc-1", BTC.id(), PositionSide.LONG, RiskFixtures.T0, RiskFixtures.T0,
                Price.of("100"), Price.of("100"), Quantity.of("1"), netPnl, Money.zero(netPnl.currency()));
    }
}
