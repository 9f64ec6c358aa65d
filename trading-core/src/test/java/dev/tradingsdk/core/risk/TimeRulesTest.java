package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.ES;
import static dev.tradingsdk.core.risk.RiskFixtures.ES_EXPIRY;
import static dev.tradingsdk.core.risk.RiskFixtures.context;
import static dev.tradingsdk.core.risk.RiskFixtures.limit;
import static dev.tradingsdk.core.risk.RiskFixtures.nanos;
import static dev.tradingsdk.core.risk.RiskFixtures.position;
import static dev.tradingsdk.core.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.risk.rules.ExpiryBufferRule;
import dev.tradingsdk.core.risk.rules.MarketHoursRule;
import dev.tradingsdk.core.risk.rules.OrderRateThrottleRule;
import dev.tradingsdk.core.time.TradingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeRulesTest {

    private final TestAccount account = new TestAccount("acc-1", usd("100000.00"));
    private final OrderRequest order = limit(BTC, BUY, "1", "50000.00");

    private RuleResult checkAt(RiskRule rule, OrderRequest o, String instant) {
        return rule.check(context(o, account, MarketState.NONE, nanos(Instant.parse(instant))));
    }

    @Test
    void marketHoursGuardFollowsTheCalendarAcrossDays() {
        TradingCalendar nyse = TradingCalendar.builder(ZoneId.of("America/New_York"))
                .weekdays(LocalTime.of(9, 30), LocalTime.of(16, 0))
                .holiday(LocalDate.of(2026, 11, 26)).build();
        RiskRule rule = new MarketHoursRule(nyse);
        assertThat(checkAt(rule, order, "2026-11-20T14:29:59.999999999Z").passed()).isFalse();
        assertThat(checkAt(rule, order, "2026-11-20T14:30:00Z").passed()).isTrue();
        assertThat(checkAt(rule, order, "2026-11-20T20:59:59.999999999Z").passed()).isTrue();
        RuleResult closed = checkAt(rule, order, "2026-11-20T21:00:00Z");
        assertThat(((RiskViolation) closed).code()).isEqualTo(MarketHoursRule.CODE);
        assertThat(checkAt(rule, order, "2026-11-21T15:00:00Z").passed()).isFalse();
        assertThat(checkAt(rule, order, "2026-11-26T15:00:00Z").passed()).isFalse();
        assertThat(checkAt(rule, order, "2026-11-27T15:00:00Z").passed()).isTrue();
    }

    @Test
    void expiryBufferBlocksNewExposureFromExpiryMinusTheBuffer() {
        RiskRule rule = new ExpiryBufferRule(Duration.ofHours(1));
        OrderRequest buy = limit(ES, BUY, "1", "4000.00");
        Instant cutoff = ES_EXPIRY.minus(Duration.ofHours(1));
        assertThat(checkAt(rule, buy, cutoff.minusNanos(1).toString()).passed()).isTrue();
        RuleResult at = checkAt(rule, buy, cutoff.toString());
        assertThat(((RiskViolation) at).code()).isEqualTo(ExpiryBufferRule.CODE);
        assertThat(checkAt(rule, buy, cutoff.plusNanos(1).toString()).passed()).isFalse();
        assertThat(checkAt(rule, order, cutoff.toString()).passed()).isTrue();
    }

    @Test
    void expiryBufferLetsAClosingOrderThrough() {
        account.hold(position(ES, BUY, "2", "4000.00"));
        RiskRule rule = new ExpiryBufferRule(Duration.ofHours(1));
        assertThat(checkAt(rule, limit(ES, SELL, "2", "4000.00"), "2026-12-18T14:00:00Z").passed()).isTrue();
        assertThat(checkAt(rule, limit(ES, SELL, "3", "4000.00"), "2026-12-18T14:00:00Z").passed()).isFalse();
    }

    @Test
    void throttleAllowsMaxOrdersPerSlidingInterval() {
        OrderRateThrottleRule rule = new OrderRateThrottleRule(3, Duration.ofSeconds(1));
        long t = RiskFixtures.T0_NANOS;
        for (int i = 0; i < 3; i++) {
            RiskContext ctx = context(limit(BTC, BUY, "1", "50000.00"), account, MarketState.NONE, t + i * 1_000_000L);
            assertThat(rule.check(ctx).passed()).as("order %d of 3", i + 1).isTrue();
            rule.onAccepted(ctx);
        }
        RuleResult fourth = rule.check(context(order, account, MarketState.NONE, t + 999_999_999L));
        assertThat(((RiskViolation) fourth).code()).isEqualTo(OrderRateThrottleRule.CODE);
        RiskContext later = context(order, account, MarketState.NONE, t + 1_000_000_000L);
        assertThat(rule.check(later).passed()).isTrue();
        rule.onAccepted(later);
        assertThat(rule.check(context(order, account, MarketState.NONE, t + 1_000_999_999L)).passed()).isFalse();
        assertThat(rule.check(context(order, account, MarketState.NONE, t + 1_001_000_000L)).passed()).isTrue();
    }

    @Test
    void rejectedOrdersDoNotCountTowardsTheThrottle() {
        OrderRateThrottleRule rule = new OrderRateThrottleRule(1, Duration.ofSeconds(1));
        long t = RiskFixtures.T0_NANOS;
        for (int i = 0; i < 5; i++) {
            assertThat(rule.check(context(order, account, MarketState.NONE, t + i)).passed()).isTrue();
        }
    }
}
