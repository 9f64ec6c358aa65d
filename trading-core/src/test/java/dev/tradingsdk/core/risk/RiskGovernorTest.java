package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.T0;
import static dev.tradingsdk.core.risk.RiskFixtures.limit;
import static dev.tradingsdk.core.risk.RiskFixtures.position;
import static dev.tradingsdk.core.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import dev.tradingsdk.core.risk.rules.DuplicateClientOrderIdRule;
import dev.tradingsdk.core.risk.rules.MaxLeverageRule;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.risk.rules.OrderRateThrottleRule;
import dev.tradingsdk.core.risk.rules.PriceCollarRule;
import dev.tradingsdk.core.risk.rules.StaleMarketDataRule;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskGovernorTest {

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final List<RiskEvent> events = new ArrayList<>();
    private final TestAccount account = new TestAccount("acc-1", usd("100000.00"));

    private RiskGovernor governor(RiskRule... rules) {
        return RiskGovernor.builder().clock(clock).rules(rules).listener(events::add).build();
    }

    @Test
    void readmeExample() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2026-11-20T15:00:00Z"));
        List<RiskEvent> audit = new ArrayList<>();
        RiskGovernor governor = RiskGovernor.builder()
                .clock(clock)
                .rule(new MaxOrderQuantityRule(Quantity.of("5")))
                .rule(new MaxOrderNotionalRule(Money.of("100000", Currency.USD)))
                .rule(new MaxLeverageRule(new BigDecimal("3")))
                .rule(new StaleMarketDataRule(Duration.ofSeconds(5)))
                .rule(new PriceCollarRule(new BigDecimal("2")))
                .rule(new DuplicateClientOrderIdRule())
                .rule(CircuitBreakerRule.defaults(Currency.USD))
                .listener(audit::add)
                .build();

        Instrument btc = Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();
        Portfolio account = new Portfolio("alice", Money.of("100000", Currency.USD));
        TopOfBook book = new TopOfBook(btc).update(new Quote(btc, clock.now(),
                Price.of("49990.00"), Quantity.of("2"), Price.of("50010.00"), Quantity.of("3")));
        MarketState market = id -> id.equals(btc.id()) ? book : null;

        OrderRequest order = OrderRequest.buy(btc).quantity("1").limit("50010.00").build();
        assertThat(governor.check(order, account, market)).isSameAs(RiskDecision.ACCEPTED);

        OrderRequest fatFinger = OrderRequest.buy(btc).quantity("6").limit("60000.00").build();
        RiskDecision decision = governor.check(fatFinger, account, market);
        assertThat(decision.codes()).containsExactly("MAX_ORDER_QUANTITY", "MAX_ORDER_NOTIONAL", "MAX_LEVERAGE",
                "PRICE_COLLAR");

        governor.halt("alice@desk", "venue outage");
        OrderRequest next = OrderRequest.sell(btc).quantity("1").limit("49990.00").build();
        assertThat(governor.check(next, account, market).codes()).containsExactly("HALTED");
        governor.resume("alice@desk", "venue back");
        assertThat(governor.check(next, account, market).accepted()).isTrue();
        assertThat(audit).hasSize(6);
    }

    @Test
    void acceptanceReturnsTheSharedDecisionAndEmitsAnAuditEvent() {
        RiskGovernor governor = governor(new MaxOrderQuantityRule(Quantity.of("10")));
        OrderRequest order = limit(BTC, BUY, "1", "50000.00");
        assertThat(governor.check(order, account, MarketState.NONE)).isSameAs(RiskDecision.ACCEPTED);
        assertThat(events).singleElement().isInstanceOfSatisfying(RiskEvent.OrderAccepted.class, e -> {
            assertThat(e.accountId()).isEqualTo("acc-1");
            assertThat(e.clientOrderId()).isEqualTo(order.clientOrderId());
            assertThat(e.instrument()).isEqualTo(BTC.id());
            assertThat(e.limitPrice()).isEqualTo(Price.of("50000.00"));
            assertThat(e.at()).isEqualTo(T0);
        });
    }

    @Test
    void aRejectionListsEveryFailingRuleInOrderAndIsAudited() {
        RiskGovernor governor = governor(new MaxOrderQuantityRule(Quantity.of("1")),
                new MaxOrderNotionalRule(usd("1000000")), new StaleMarketDataRule(Duration.ofSeconds(1)));
        OrderRequest order = limit(BTC, BUY, "2", "50000.00");
        RiskDecision decision = governor.check(order, account, MarketState.NONE);
        assertThat(decision.rejected()).isTrue();
        assertThat(decision.codes()).containsExactly(MaxOrderQuantityRule.CODE, StaleMarketDataRule.CODE);
        assertThat(decision.violations().get(0).actual()).isEqualByComparingTo("2");
        assertThat(decision.hasViolation(StaleMarketDataRule.CODE)).isTrue();
        assertThat(events).singleElement().isInstanceOfSatisfying(RiskEvent.OrderRejected.class,
                e -> assertThat(e.violations()).isEqualTo(decision.violations()));
    }

    @Test
    void rejectedOrdersDoNotReachTheAcceptanceHooks() {
        DuplicateClientOrderIdRule duplicates = new DuplicateClientOrderIdRule();
        RiskGovernor governor = governor(duplicates, new MaxOrderQuantityRule(Quantity.of("1")));
        OrderRequest tooLarge = limit(BTC, BUY, "2", "50000.00");
        assertThat(governor.check(tooLarge, account, MarketState.NONE).codes())
                .containsExactly(MaxOrderQuantityRule.CODE);
        OrderRequest fixed = tooLarge.toBuilder().quantity("1").build();
        assertThat(governor.check(fixed, account, MarketState.NONE).accepted()).isTrue();
        assertThat(governor.check(fixed, account, MarketState.NONE).codes())
                .containsExactly(DuplicateClientOrderIdRule.CODE);
    }

    @Test
    void killSwitchBlocksEveryAccountUntilResumedAndRecordsWhoWhyAndWhen() {
        RiskGovernor governor = governor();
        OrderRequest order = limit(BTC, BUY, "1", "50000.00");
        clock.advance(Duration.ofMinutes(5));
        governor.halt("risk-officer", "runaway strategy");
        assertThat(governor.state()).isEqualTo(TradingState.HALTED);
        assertThat(governor.isHalted("any-account")).isTrue();
        assertThat(governor.check(order, account, MarketState.NONE).codes()).containsExactly(RiskGovernor.HALTED);
        StateChange halt = governor.lastChange(StateChange.GLOBAL).orElseThrow();
        assertThat(halt).isEqualTo(new StateChange(StateChange.GLOBAL, TradingState.ACTIVE, TradingState.HALTED,
                "risk-officer", "runaway strategy", T0.plus(Duration.ofMinutes(5))));
        governor.resume("risk-officer", "strategy fixed");
        assertThat(governor.check(order, account, MarketState.NONE).accepted()).isTrue();
        assertThat(events).filteredOn(e -> e instanceof RiskEvent.TradingStateChanged).hasSize(2);
    }

    @Test
    void aHaltOrResumeWithoutWhoOrWhyIsRefusedAndChangesNothing() {
        RiskGovernor governor = governor();
        assertThatThrownBy(() -> governor.halt(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("who");
        assertThatThrownBy(() -> governor.halt("me", null)).hasMessageContaining("why");
        assertThat(governor.state()).isEqualTo(TradingState.ACTIVE);
        governor.halt("me", "test");
        assertThatThrownBy(() -> governor.resume("", "done")).hasMessageContaining("who");
        assertThat(governor.state()).isEqualTo(TradingState.HALTED);
        assertThat(events).hasSize(1);
    }

    @Test
    void accountStatesApplyOnlyToTheirAccountAndTheStricterStateWins() {
        RiskGovernor governor = governor();
        TestAccount other = new TestAccount("acc-2", usd("1000"));
        governor.haltAccount("acc-1", "ops", "margin dispute");
        OrderRequest order = limit(BTC, BUY, "1", "50000.00");
        assertThat(governor.check(order, account, MarketState.NONE).codes()).containsExactly(RiskGovernor.HALTED);
        assertThat(governor.check(order, other, MarketState.NONE).accepted()).isTrue();
        governor.setState(TradingState.REDUCING, "ops", "end of day");
        assertThat(governor.state("acc-1")).isEqualTo(TradingState.HALTED);
        assertThat(governor.state("acc-2")).isEqualTo(TradingState.REDUCING);
        governor.resumeAccount("acc-1", "ops", "resolved");
        assertThat(governor.state("acc-1")).isEqualTo(TradingState.REDUCING);
        assertThatThrownBy(() -> governor.haltAccount(StateChange.GLOBAL, "ops", "x"))
                .hasMessageContaining("reserved");
    }

    @Test
    void reducingStateAllowsOnlyOrdersThatReduceAPosition() {
        account.hold(position(BTC, BUY, "2", "50000.00"));
        RiskGovernor governor = governor();
        governor.setAccountState("acc-1", TradingState.REDUCING, "ops", "drawdown");
        assertThat(governor.check(limit(BTC, SELL, "2", "50000.00"), account, MarketState.NONE).accepted()).isTrue();
        assertThat(governor.check(limit(BTC, SELL, "2.0001", "50000.00"), account, MarketState.NONE).codes())
                .containsExactly(RiskGovernor.REDUCING);
        assertThat(governor.check(limit(BTC, BUY, "0.0001", "50000.00"), account, MarketState.NONE).codes())
                .containsExactly(RiskGovernor.REDUCING);
    }

    @Test
    void aReduceOnlyOrderThatWouldIncreaseIsRejectedInAnyState() {
        account.hold(position(BTC, BUY, "1", "50000.00"));
        RiskGovernor governor = governor();
        OrderRequest increase = OrderRequest.buy(BTC).quantity("1").limit("50000.00").reduceOnly(true).build();
        OrderRequest decrease = OrderRequest.sell(BTC).quantity("1").limit("50000.00").reduceOnly(true).build();
        assertThat(governor.check(increase, account, MarketState.NONE).codes())
                .containsExactly(RiskGovernor.REDUCE_ONLY);
        assertThat(governor.check(decrease, account, MarketState.NONE).accepted()).isTrue();
    }

    @Test
    void aRuleThatThrowsRejectsTheOrder() {
        RiskRule broken = new RiskRule() {
            @Override
            public String code() {
                return "BROKEN";
            }

            @Override
            public RuleResult check(RiskContext context) {
                throw new ArithmeticException("long overflow");
            }
        };
        RiskDecision decision = governor(broken).check(limit(BTC, BUY, "1", "50000.00"), account, MarketState.NONE);
        assertThat(decision.codes()).containsExactly(RiskGovernor.RULE_ERROR);
        assertThat(decision.violations().get(0).message()).contains("BROKEN").contains("long overflow");
    }

    /** A rule whose onAccepted hook throws while {@code failing} is set. */
    private static final class FlakyHook implements RiskRule {
        boolean failing = true;

        @Override
        public String code() {
            return "FLAKY";
        }

        @Override
        public RuleResult check(RiskContext context) {
            return RuleResult.pass();
        }

        @Override
        public void onAccepted(RiskContext context) {
            if (failing) {
                throw new IllegalStateException("bookkeeping failed");
            }
        }
    }

    @Test
    void aThrowingOnAcceptedHookRejectsTheOrderAndEveryRuleForgetsIt() {
        FlakyHook flaky = new FlakyHook();
        OrderRateThrottleRule throttle = new OrderRateThrottleRule(1, Duration.ofMinutes(1));
        RiskGovernor governor = governor(new DuplicateClientOrderIdRule(), throttle, flaky);
        OrderRequest order = limit(BTC, BUY, "1", "50000.00").toBuilder().clientOrderId("retry-me").build();

        RiskDecision failed = governor.check(order, account, MarketState.NONE);

        assertThat(failed.accepted()).isFalse();
        assertThat(failed.codes()).containsExactly(RiskGovernor.RULE_ERROR);
        assertThat(failed.violations().get(0).message()).contains("FLAKY").contains("bookkeeping failed");
        assertThat(events).last().isInstanceOf(RiskEvent.OrderRejected.class);
        flaky.failing = false;
        // Neither the duplicate-id rule nor the throttle (1 per minute) counted the unsent order.
        assertThat(governor.check(order, account, MarketState.NONE)).isSameAs(RiskDecision.ACCEPTED);
        assertThat(governor.check(limit(BTC, BUY, "1", "50000.00"), account, MarketState.NONE).codes())
                .containsExactly(OrderRateThrottleRule.CODE);
    }

    /** Counts acceptances like a throttle, and fails before counting when told to. */
    private static final class CountingHook implements RiskRule {
        final String code;
        int counted;
        boolean failing;

        CountingHook(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public RuleResult check(RiskContext context) {
            return RuleResult.pass();
        }

        @Override
        public void onAccepted(RiskContext context) {
            if (failing) {
                throw new IllegalStateException("nothing counted");
            }
            counted++;
        }

        @Override
        public void onAcceptanceRevoked(RiskContext context) {
            counted--;
        }
    }

    @Test
    void theRuleWhoseHookThrewIsNotAskedToTakeBackWhatItNeverRecorded() {
        CountingHook before = new CountingHook("BEFORE");
        CountingHook failing = new CountingHook("FAILING");
        failing.failing = true;
        RiskGovernor governor = governor(before, failing);

        assertThat(governor.check(limit(BTC, BUY, "1", "50000.00"), account, MarketState.NONE).codes())
                .containsExactly(RiskGovernor.RULE_ERROR);

        // The earlier rule's count is taken back; the failing rule's is left alone (it never counted).
        assertThat(before.counted).isZero();
        assertThat(failing.counted).isZero();
    }

    @Test
    void aThrowingAuditListenerRejectsTheOrderBeforeAnyRuleCountsIt() {
        List<RiskEvent> seen = new ArrayList<>();
        boolean[] failing = {true};
        RiskEventListener journal = new RiskEventListener() {
            @Override
            public void onEvent(RiskEvent event) {
                seen.add(event);
            }

            @Override
            public void orderAccepted(String accountId, OrderRequest order, long epochNanos) {
                if (failing[0]) {
                    throw new IllegalStateException("disk full");
                }
                RiskEventListener.super.orderAccepted(accountId, order, epochNanos);
            }
        };
        RiskGovernor governor = RiskGovernor.builder().clock(clock).rule(new DuplicateClientOrderIdRule())
                .rule(new OrderRateThrottleRule(1, Duration.ofMinutes(1))).listener(journal).build();
        OrderRequest order = limit(BTC, BUY, "1", "50000.00").toBuilder().clientOrderId("retry-me").build();

        RiskDecision failed = governor.check(order, account, MarketState.NONE);

        assertThat(failed.codes()).containsExactly(RiskGovernor.AUDIT_ERROR);
        assertThat(failed.violations().get(0).message()).contains("disk full");
        assertThat(seen).singleElement().isInstanceOf(RiskEvent.OrderRejected.class);
        failing[0] = false;
        assertThat(governor.check(order, account, MarketState.NONE)).isSameAs(RiskDecision.ACCEPTED);
    }

    @Test
    void haltSucceedsAndEveryListenerHearsOfItEvenIfOneListenerThrows() {
        List<RiskEvent> second = new ArrayList<>();
        RiskGovernor governor = RiskGovernor.builder().clock(clock)
                .listener(event -> {
                    throw new IllegalStateException("audit down");
                })
                .listener(second::add)
                .build();

        governor.halt("ops", "venue outage");

        assertThat(governor.state()).isEqualTo(TradingState.HALTED);
        assertThat(second).singleElement().isInstanceOf(RiskEvent.TradingStateChanged.class);
        assertThat(governor.check(limit(BTC, BUY, "1", "50000.00"), account, MarketState.NONE).codes())
                .containsExactly(RiskGovernor.HALTED);
        governor.haltAccount("acc-1", "ops", "also this one");
        assertThat(governor.state("acc-1")).isEqualTo(TradingState.HALTED);
    }

    @Test
    void aThrowingPostTradeHookStillLetsTheOtherRulesSeeTheFillAndHaltsTheAccount() {
        List<Fill> seenByOthers = new ArrayList<>();
        RiskRule broken = new RiskRule() {
            @Override
            public String code() {
                return "BROKEN_LOSS";
            }

            @Override
            public RuleResult check(RiskContext context) {
                return RuleResult.pass();
            }

            @Override
            public void onFill(String accountId, Fill fill) {
                throw new ArithmeticException("overflow");
            }
        };
        RiskRule recording = new RiskRule() {
            @Override
            public String code() {
                return "RECORDING";
            }

            @Override
            public RuleResult check(RiskContext context) {
                return RuleResult.pass();
            }

            @Override
            public void onFill(String accountId, Fill fill) {
                seenByOthers.add(fill);
            }
        };
        RiskGovernor governor = governor(broken, recording);

        governor.onFill("acc-1", RiskFixtures.fill(BTC, BUY, "1", "50000.00"));

        assertThat(seenByOthers).hasSize(1);
        assertThat(governor.state("acc-1")).isEqualTo(TradingState.HALTED);
        assertThat(governor.lastChange("acc-1").orElseThrow().why()).contains("BROKEN_LOSS").contains("overflow");
        assertThat(governor.state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void aRejectionNeedsAViolation() {
        assertThatThrownBy(() -> RiskDecision.rejected(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(RiskDecision.ACCEPTED.codes()).isEmpty();
        assertThat(RiskDecision.ACCEPTED).hasToString("ACCEPTED");
    }

    @Test
    void theBuilderRefusesARuleCodeTwiceAndAClockTwiceNamingBoth() {
        MaxOrderQuantityRule small = new MaxOrderQuantityRule(Quantity.of("1", BTC.sizePrecision()));
        MaxOrderQuantityRule large = new MaxOrderQuantityRule(Quantity.of("5", BTC.sizePrecision()));
        RiskGovernor.Builder builder = RiskGovernor.builder().rule(small);
        assertThatThrownBy(() -> builder.rule(large)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MaxOrderQuantityRule.CODE).hasMessageContaining(small.toString())
                .hasMessageContaining(large.toString());
        assertThatThrownBy(() -> builder.rule(small)).hasMessageContaining("added twice");
        SimulatedClock first = new SimulatedClock(T0);
        SimulatedClock second = new SimulatedClock(T0);
        builder.clock(first);
        assertThatThrownBy(() -> builder.clock(second)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(first.toString()).hasMessageContaining(second.toString());
        assertThat(builder.build().check(limit(BTC, BUY, "2", "50000.00"),
                new TestAccount("acc-1", usd("100000")), MarketState.NONE).codes())
                .containsExactly(MaxOrderQuantityRule.CODE);
    }
}
