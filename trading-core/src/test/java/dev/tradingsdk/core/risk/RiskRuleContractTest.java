package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.ES;
import static dev.tradingsdk.core.risk.RiskFixtures.T0_NANOS;
import static dev.tradingsdk.core.risk.RiskFixtures.book;
import static dev.tradingsdk.core.risk.RiskFixtures.limit;
import static dev.tradingsdk.core.risk.RiskFixtures.market;
import static dev.tradingsdk.core.risk.RiskFixtures.position;
import static dev.tradingsdk.core.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.risk.rules.CircuitBreakerRule;
import dev.tradingsdk.core.risk.rules.DuplicateClientOrderIdRule;
import dev.tradingsdk.core.risk.rules.ExpiryBufferRule;
import dev.tradingsdk.core.risk.rules.LiquidityRule;
import dev.tradingsdk.core.risk.rules.MarginAvailableRule;
import dev.tradingsdk.core.risk.rules.MarketHoursRule;
import dev.tradingsdk.core.risk.rules.MaxDailyLossRule;
import dev.tradingsdk.core.risk.rules.MaxGrossExposureRule;
import dev.tradingsdk.core.risk.rules.MaxLeverageRule;
import dev.tradingsdk.core.risk.rules.MaxNetDeltaRule;
import dev.tradingsdk.core.risk.rules.MaxNetExposureRule;
import dev.tradingsdk.core.risk.rules.MaxOpenPositionsRule;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.risk.rules.MaxPositionPercentRule;
import dev.tradingsdk.core.risk.rules.OrderRateThrottleRule;
import dev.tradingsdk.core.risk.rules.PriceCollarRule;
import dev.tradingsdk.core.risk.rules.SpreadGuardRule;
import dev.tradingsdk.core.risk.rules.StaleMarketDataRule;
import dev.tradingsdk.core.time.TradingCalendar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RiskRule}'s contract for every built-in rule: {@code check} changes no state. Two fresh copies of a rule
 * see the same sequence of orders (checked, and accepted when passed, as the governor does); one copy is also
 * probed with extra checks before every step (the same order again, the next day, a far worse account, a
 * reducing order). If a probe left any trace (a baseline, a rolled session, a counter, a remembered id), the
 * probed copy would decide a later step differently.
 */
class RiskRuleContractTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400 * SECOND;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Stream<Arguments> builtInRules() {
        List<Supplier<RiskRule>> rules = List.of(
                () -> CircuitBreakerRule.defaults(Currency.USD),
                DuplicateClientOrderIdRule::new,
                () -> new ExpiryBufferRule(Duration.ofDays(30)),
                () -> new LiquidityRule(BigDecimal.ONE),
                () -> new MarginAvailableRule(MarginModel.rate(BigDecimal.ONE)),
                () -> new MarketHoursRule(TradingCalendar.builder(NEW_YORK)
                        .weekdays(LocalTime.of(9, 30), LocalTime.of(16, 0)).build()),
                () -> new MaxDailyLossRule(usd("1000"), NEW_YORK),
                () -> new MaxGrossExposureRule(usd("100000")),
                () -> new MaxLeverageRule(new BigDecimal("2")),
                () -> new MaxNetDeltaRule(new BigDecimal("1"), DeltaSource.LINEAR),
                () -> new MaxNetExposureRule(usd("60000")),
                () -> new MaxOpenPositionsRule(1),
                () -> new MaxOrderNotionalRule(usd("50000")),
                () -> new MaxOrderQuantityRule(Quantity.of("1", BTC.sizePrecision())),
                () -> new MaxPositionPercentRule(new BigDecimal("50")),
                () -> new OrderRateThrottleRule(2, Duration.ofSeconds(1)),
                () -> new PriceCollarRule(BigDecimal.ONE),
                () -> new SpreadGuardRule(new BigDecimal("3")),
                () -> new StaleMarketDataRule(Duration.ofSeconds(1)));
        return rules.stream().map(s -> Arguments.of(s.get().code(), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInRules")
    void checkLeavesNoTrace(String code, Supplier<RiskRule> rules) {
        RiskRule plain = rules.get();
        RiskRule probed = rules.get();
        List<String> plainDecisions = new ArrayList<>();
        List<String> probedDecisions = new ArrayList<>();
        for (RiskContext step : steps()) {
            for (RiskContext probe : probesAround(step)) {
                String first = describe(probed.check(probe));
                assertThat(describe(probed.check(probe))).as("the same check twice").isEqualTo(first);
            }
            plainDecisions.add(run(plain, step));
            probedDecisions.add(run(probed, step));
        }
        assertThat(probedDecisions).isEqualTo(plainDecisions);
        assertThat(plainDecisions).as("the steps exercise both outcomes of " + code).anyMatch("PASS"::equals);
        if (!code.equals(CircuitBreakerRule.CODE)) { // it halts through the kill switch; its check always passes
            assertThat(plainDecisions).as("the steps exercise both outcomes of " + code)
                    .anyMatch(d -> !"PASS".equals(d));
        }
    }

    /** The governor's order path: check, then accept what passed. */
    private static String run(RiskRule rule, RiskContext context) {
        RuleResult result = rule.check(context);
        if (result.passed()) {
            rule.onAccepted(context);
        }
        return describe(result);
    }

    private static String describe(RuleResult result) {
        return result.passed() ? "PASS" : result.toString();
    }

    /** A session: small and large orders, a repeated client order id, losses growing, then the next days. */
    private static List<RiskContext> steps() {
        OrderRequest small = limit(BTC, BUY, "0.5", "50000.00");
        OrderRequest repeated = limit(BTC, BUY, "0.5", "50000.00");
        List<RiskContext> steps = new ArrayList<>();
        steps.add(at(small, account("0", "0", false), T0_NANOS));
        steps.add(at(repeated, account("0", "-200", true), T0_NANOS + SECOND / 10));
        steps.add(at(repeated, account("0", "-200", true), T0_NANOS + SECOND / 5));
        steps.add(at(limit(BTC, BUY, "3", "50000.00"), account("-600", "-500", true), T0_NANOS + SECOND / 2));
        steps.add(at(limit(BTC, BUY, "0.5", "52000.00"), account("-600", "-500", true), T0_NANOS + 2 * SECOND));
        steps.add(at(limit(ES, BUY, "1", "5000.00"), account("-600", "-500", true), T0_NANOS + 3 * SECOND));
        steps.add(at(limit(BTC, BUY, "0.5", "50000.00"), account("-1500", "0", true), T0_NANOS + 4 * SECOND));
        steps.add(at(limit(BTC, BUY, "0.5", "50000.00"), account("-1500", "0", true), T0_NANOS + DAY));
        steps.add(at(limit(BTC, BUY, "0.5", "50000.00"), account("-2600", "0", true), T0_NANOS + DAY + SECOND));
        steps.add(at(limit(BTC, BUY, "0.5", "50000.00"), account("-2600", "0", false), T0_NANOS + 3 * DAY));
        return steps;
    }

    private static List<RiskContext> probesAround(RiskContext step) {
        long now = step.nowNanos();
        return List.of(step,
                at(step.order(), step.account(), now + DAY),
                at(step.order(), account("-50000", "-40000", true), now),
                at(step.order(), account("5000", "0", false), now - DAY),
                at(limit(BTC, SELL, "1", "50000.00"), step.account(), now),
                at(limit(BTC, BUY, "2", "50000.00"), step.account(), now + SECOND / 100));
    }

    private static TestAccount account(String realized, String unrealized, boolean holdsBtc) {
        TestAccount account = new TestAccount("acc-1", usd("100000")).pnl(usd(realized), usd(unrealized));
        if (holdsBtc) {
            account.hold(position(BTC, BUY, "1", "50000.00"));
        }
        return account;
    }

    private static RiskContext at(OrderRequest order, AccountView account, long now) {
        MarketState books = market(book(BTC, "49995.00", "2", "50005.00", "2", T0_NANOS),
                book(ES, "4997.50", "20", "5000.00", "20", T0_NANOS));
        return RiskContext.of(order, account, books, now, TradingState.ACTIVE);
    }
}
