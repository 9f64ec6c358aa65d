package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.EURUSD;
import static dev.tradingsdk.core.risk.RiskFixtures.T0_NANOS;
import static dev.tradingsdk.core.risk.RiskFixtures.book;
import static dev.tradingsdk.core.risk.RiskFixtures.context;
import static dev.tradingsdk.core.risk.RiskFixtures.limit;
import static dev.tradingsdk.core.risk.RiskFixtures.market;
import static dev.tradingsdk.core.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.market.TopOfBook;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.risk.rules.DuplicateClientOrderIdRule;
import dev.tradingsdk.core.risk.rules.LiquidityRule;
import dev.tradingsdk.core.risk.rules.PriceCollarRule;
import dev.tradingsdk.core.risk.rules.SpreadGuardRule;
import dev.tradingsdk.core.risk.rules.StaleMarketDataRule;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MarketRulesTest {

    private final TestAccount account = new TestAccount("acc-1", usd("100000.00"));

    private RuleResult check(RiskRule rule, OrderRequest order, TopOfBook book) {
        return rule.check(context(order, account, market(book)));
    }

    private RuleResult checkAt(RiskRule rule, OrderRequest order, MarketState market, long nowNanos) {
        return rule.check(context(order, account, market, nowNanos));
    }

    private static String code(RuleResult result) {
        return result.passed() ? "PASS" : ((RiskViolation) result).code();
    }

    @Test
    void spreadGuardAtJustBelowAndAboveTheLimit() {
        RiskRule rule = new SpreadGuardRule(new BigDecimal("10"));
        OrderRequest order = limit(EURUSD, BUY, "1000", "1.0000");
        // spread 0.1000 on a mid of 100.0000 is exactly 10 bps
        assertThat(check(rule, order, book(EURUSD, "99.9500", "1", "100.0500", "1", T0_NANOS)).passed()).isTrue();
        assertThat(check(rule, order, book(EURUSD, "99.9500", "1", "100.0499", "1", T0_NANOS)).passed()).isTrue();
        RuleResult above = check(rule, order, book(EURUSD, "99.9500", "1", "100.0501", "1", T0_NANOS));
        assertThat(code(above)).isEqualTo(SpreadGuardRule.CODE);
        assertThat(((RiskViolation) above).actual()).isEqualByComparingTo("10.01");
    }

    @Test
    void spreadGuardRejectsAOneSidedMarket() {
        RiskRule rule = new SpreadGuardRule(new BigDecimal("10"));
        TopOfBook oneSided = book(EURUSD, "99.9500", "1", "100.0500", "1", T0_NANOS).clear(SELL, T0_NANOS);
        assertThat(code(check(rule, limit(EURUSD, BUY, "1", "1.0000"), oneSided)))
                .isEqualTo(SpreadGuardRule.NO_MARKET);
        assertThat(code(rule.check(context(limit(EURUSD, BUY, "1", "1.0000"), account, MarketState.NONE))))
                .isEqualTo(SpreadGuardRule.NO_MARKET);
    }

    @Test
    void liquidityGuardAtJustBelowAndAboveKTimesTheOrderSize() {
        RiskRule rule = new LiquidityRule(new BigDecimal("3"));
        OrderRequest buy = limit(BTC, BUY, "1", "50001.00");
        assertThat(check(rule, buy, book(BTC, "49999.00", "0", "50001.00", "3", T0_NANOS)).passed()).isTrue();
        assertThat(check(rule, buy, book(BTC, "49999.00", "0", "50001.00", "3.0001", T0_NANOS)).passed()).isTrue();
        RuleResult thin = check(rule, buy, book(BTC, "49999.00", "0", "50001.00", "2.9999", T0_NANOS));
        assertThat(code(thin)).isEqualTo(LiquidityRule.CODE);
        assertThat(((RiskViolation) thin).limit()).isEqualByComparingTo("3");
        assertThat(((RiskViolation) thin).actual()).isEqualByComparingTo("2.9999");
    }

    @Test
    void liquidityGuardCountsOnlyTheOppositeSideWithinTheLimitPrice() {
        RiskRule rule = new LiquidityRule(new BigDecimal("1"));
        TopOfBook book = book(BTC, "49999.00", "10", "50001.00", "10", T0_NANOS);
        assertThat(check(rule, limit(BTC, BUY, "1", "50000.00"), book).passed()).isFalse();
        assertThat(check(rule, limit(BTC, SELL, "1", "49999.00"), book).passed()).isTrue();
        assertThat(check(rule, limit(BTC, SELL, "1", "50000.00"), book).passed()).isFalse();
        assertThat(check(rule, RiskFixtures.market(BTC, SELL, "10"), book).passed()).isTrue();
        assertThat(check(rule, RiskFixtures.market(BTC, SELL, "10.0001"), book).passed()).isFalse();
    }

    @Test
    void priceCollarAtJustInsideAndOutsideEitherSideOfTheMid() {
        RiskRule rule = new PriceCollarRule(new BigDecimal("5"));
        TopOfBook book = book(EURUSD, "99.9900", "1", "100.0100", "1", T0_NANOS);
        assertThat(check(rule, limit(EURUSD, BUY, "1", "105.0000"), book).passed()).isTrue();
        assertThat(check(rule, limit(EURUSD, BUY, "1", "104.9999"), book).passed())
                .isTrue();
        RuleResult above = check(rule, limit(EURUSD, SELL, "1", "105.0001"), book);
        assertThat(code(above)).isEqualTo(PriceCollarRule.CODE);
        assertThat(((RiskViolation) above).actual()).isEqualByComparingTo("5.0001");
        assertThat(check(rule, limit(EURUSD, SELL, "1", "95.0000"), book).passed()).isTrue();
        assertThat(check(rule, limit(EURUSD, SELL, "1", "94.9999"), book).passed()).isFalse();
    }

    @Test
    void priceCollarIgnoresMarketOrdersButNeedsAMidForLimitOrders() {
        RiskRule rule = new PriceCollarRule(new BigDecimal("5"));
        assertThat(rule.check(context(RiskFixtures.market(EURUSD, BUY, "1"), account, MarketState.NONE)).passed())
                .isTrue();
        assertThat(code(rule.check(context(limit(EURUSD, BUY, "1", "1.0000"), account, MarketState.NONE))))
                .isEqualTo(SpreadGuardRule.NO_MARKET);
    }

    @Test
    void staleMarketDataAtJustBelowAndAboveTheMaximumAge() {
        RiskRule rule = new StaleMarketDataRule(Duration.ofSeconds(5));
        MarketState market = market(book(BTC, "49999.00", "1", "50001.00", "1", T0_NANOS));
        OrderRequest order = limit(BTC, BUY, "1", "50000.00");
        assertThat(checkAt(rule, order, market, T0_NANOS + 5_000_000_000L).passed()).isTrue();
        assertThat(checkAt(rule, order, market, T0_NANOS + 4_999_999_999L).passed()).isTrue();
        RuleResult stale = checkAt(rule, order, market, T0_NANOS + 5_000_000_001L);
        assertThat(code(stale)).isEqualTo(StaleMarketDataRule.CODE);
        assertThat(((RiskViolation) stale).actual()).isEqualByComparingTo("5000000001");
        assertThat(code(checkAt(rule, order, MarketState.NONE, T0_NANOS))).isEqualTo(StaleMarketDataRule.CODE);
    }

    @Test
    void duplicateClientOrderIdIsRejectedOnlyAfterAcceptance() {
        DuplicateClientOrderIdRule rule = new DuplicateClientOrderIdRule(2);
        OrderRequest first = limit(BTC, BUY, "1", "50000.00");
        RiskContext ctx = context(first, account, MarketState.NONE);
        assertThat(rule.check(ctx).passed()).isTrue();
        assertThat(rule.check(ctx).passed()).isTrue();
        rule.onAccepted(ctx);
        assertThat(code(rule.check(ctx))).isEqualTo(DuplicateClientOrderIdRule.CODE);
        OrderRequest same = first.toBuilder().quantity("2").build();
        assertThat(code(rule.check(context(same, account, MarketState.NONE))))
                .isEqualTo(DuplicateClientOrderIdRule.CODE);
    }

    @Test
    void duplicateClientOrderIdRemembersAtLeastTheWindow() {
        DuplicateClientOrderIdRule rule = new DuplicateClientOrderIdRule(3);
        OrderRequest[] orders = new OrderRequest[8];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = limit(BTC, BUY, "1", "50000.00");
            rule.onAccepted(context(orders[i], account, MarketState.NONE));
        }
        for (int i = orders.length - 3; i < orders.length; i++) {
            assertThat(rule.check(context(orders[i], account, MarketState.NONE)).passed()).isFalse();
        }
        assertThat(rule.check(context(orders[0], account, MarketState.NONE)).passed()).isTrue();
    }
}
