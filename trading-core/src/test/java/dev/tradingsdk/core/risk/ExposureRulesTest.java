package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.ES;
import static dev.tradingsdk.core.risk.RiskFixtures.ETH;
import static dev.tradingsdk.core.risk.RiskFixtures.T0_NANOS;
import static dev.tradingsdk.core.risk.RiskFixtures.book;
import static dev.tradingsdk.core.risk.RiskFixtures.context;
import static dev.tradingsdk.core.risk.RiskFixtures.limit;
import static dev.tradingsdk.core.risk.RiskFixtures.market;
import static dev.tradingsdk.core.risk.RiskFixtures.position;
import static dev.tradingsdk.core.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.risk.rules.MaxGrossExposureRule;
import dev.tradingsdk.core.risk.rules.MaxNetExposureRule;
import dev.tradingsdk.core.risk.rules.MaxOrderNotionalRule;
import dev.tradingsdk.core.risk.rules.MaxOrderQuantityRule;
import dev.tradingsdk.core.risk.rules.MaxPositionPercentRule;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExposureRulesTest {

    private final TestAccount account = new TestAccount("acc-1", usd("100000.00"));
    /** BTC mid 50,000.00. */
    private final MarketState market = market(book(BTC, "49999.00", "5", "50001.00", "5", T0_NANOS));

    private RuleResult check(RiskRule rule, OrderRequest order) {
        return rule.check(context(order, account, market));
    }

    private static void assertRejected(RuleResult result, String code, String limit, String actual) {
        assertThat(result.passed()).isFalse();
        RiskViolation v = (RiskViolation) result;
        assertThat(v.code()).isEqualTo(code);
        assertThat(v.limit()).isEqualByComparingTo(limit);
        assertThat(v.actual()).isEqualByComparingTo(actual);
    }

    @Test
    void maxOrderQuantityAtJustBelowAndAboveTheLimit() {
        RiskRule rule = new MaxOrderQuantityRule(Quantity.of("10"));
        assertThat(check(rule, limit(BTC, BUY, "10", "50000.00")).passed()).isTrue();
        assertThat(check(rule, limit(BTC, BUY, "9.9999", "50000.00")).passed()).isTrue();
        assertRejected(check(rule, limit(BTC, BUY, "10.0001", "50000.00")), MaxOrderQuantityRule.CODE, "10",
                "10.0001");
    }

    @Test
    void maxOrderQuantityPerInstrumentOverridesTheDefault() {
        RiskRule rule = new MaxOrderQuantityRule(Quantity.of("10"), Map.of(ETH.id(), Quantity.of("100")));
        assertThat(check(rule, limit(ETH, BUY, "100", "3000.00")).passed()).isTrue();
        assertThat(check(rule, limit(ETH, BUY, "100.0001", "3000.00")).passed()).isFalse();
        assertThat(check(rule, limit(BTC, BUY, "10.0001", "50000.00")).passed()).isFalse();
    }

    @Test
    void maxOrderQuantityRejectsAZeroLimit() {
        assertThatThrownBy(() -> new MaxOrderQuantityRule(Quantity.of("0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultLimit");
    }

    @Test
    void maxOrderNotionalAtJustBelowAndAboveTheLimit() {
        RiskRule rule = new MaxOrderNotionalRule(usd("100000"));
        assertThat(check(rule, limit(BTC, BUY, "2", "50000.00")).passed()).isTrue();
        assertThat(check(rule, limit(BTC, BUY, "1.9999", "50000.00")).passed()).isTrue();
        assertRejected(check(rule, limit(BTC, BUY, "2.0001", "50000.00")), MaxOrderNotionalRule.CODE, "100000",
                "100005");
    }

    @Test
    void maxOrderNotionalIncludesTheContractMultiplier() {
        RiskRule rule = new MaxOrderNotionalRule(usd("200000"));
        assertThat(check(rule, limit(ES, BUY, "1", "4000.00")).passed()).isTrue();
        assertRejected(check(rule, limit(ES, BUY, "1", "4000.25")), MaxOrderNotionalRule.CODE, "200000",
                "200012.5");
    }

    @Test
    void aMarketOrderIsValuedAtTheSideItTakesAndRejectedWithoutAMarket() {
        RiskRule rule = new MaxOrderNotionalRule(usd("50001"));
        assertThat(check(rule, RiskFixtures.market(BTC, BUY, "1")).passed()).isTrue();
        assertThat(check(rule, RiskFixtures.market(BTC, SELL, "1")).passed()).isTrue();
        assertThat(rule.check(context(RiskFixtures.market(BTC, BUY, "1"), account, MarketState.NONE)))
                .isInstanceOfSatisfying(RiskViolation.class, v -> assertThat(v.code()).isEqualTo(RiskContext.NO_PRICE));
    }

    @Test
    void moneyLimitsInAnotherCurrencyAreReported() {
        RiskRule rule = new MaxOrderNotionalRule(Money.of("100000", dev.tradingsdk.core.num.Currency.EUR));
        assertThat(check(rule, limit(BTC, BUY, "1", "50000.00")))
                .isInstanceOfSatisfying(RiskViolation.class,
                        v -> assertThat(v.code()).isEqualTo(RiskContext.CURRENCY_MISMATCH));
    }

    @Test
    void maxPositionPercentOfEquityAtJustBelowAndAboveTheLimit() {
        account.hold(position(BTC, BUY, "0.2", "50000.00"));
        RiskRule rule = new MaxPositionPercentRule(new BigDecimal("20"));
        assertThat(check(rule, limit(BTC, BUY, "0.2", "50000.00")).passed()).isTrue();
        assertThat(check(rule, limit(BTC, BUY, "0.1999", "50000.00")).passed()).isTrue();
        assertRejected(check(rule, limit(BTC, BUY, "0.2001", "50000.00")), MaxPositionPercentRule.CODE, "20000",
                "20005");
    }

    @Test
    void maxPositionPercentLetsAReducingOrderThroughEvenOverTheLimit() {
        account.hold(position(BTC, BUY, "1", "50000.00"));
        RiskRule rule = new MaxPositionPercentRule(new BigDecimal("20"));
        assertThat(check(rule, limit(BTC, SELL, "0.1", "50000.00")).passed()).isTrue();
        assertThat(check(rule, limit(BTC, BUY, "0.0001", "50000.00")).passed()).isFalse();
    }

    @Test
    void maxPositionPercentCountsAFlipToTheOtherSide() {
        account.hold(position(BTC, BUY, "0.1", "50000.00"));
        RiskRule rule = new MaxPositionPercentRule(new BigDecimal("20"));
        assertThat(check(rule, limit(BTC, SELL, "0.5", "50000.00")).passed()).isTrue();
        assertThat(check(rule, limit(BTC, SELL, "0.5001", "50000.00")).passed()).isFalse();
    }

    @Test
    void grossExposureAddsAbsoluteValuesAtTheMidAtJustBelowAndAboveTheLimit() {
        account.hold(position(BTC, SELL, "1", "48000.00"));
        RiskRule rule = new MaxGrossExposureRule(usd("100000"));
        assertThat(check(rule, limit(ETH, BUY, "10", "5000.00")).passed()).isTrue();
        assertThat(check(rule, limit(ETH, BUY, "9.9999", "5000.00")).passed()).isTrue();
        assertRejected(check(rule, limit(ETH, BUY, "10.0001", "5000.00")), MaxGrossExposureRule.CODE, "100000",
                "100000.5");
    }

    @Test
    void grossExposureValuesPositionsWithoutAMarketAtCost() {
        account.hold(position(ETH, BUY, "10", "4000.00"));
        RiskRule rule = new MaxGrossExposureRule(usd("90000"));
        assertThat(check(rule, limit(BTC, BUY, "1", "50000.00")).passed()).isTrue();
        assertThat(check(rule, limit(BTC, BUY, "1.0001", "50000.00")).passed()).isFalse();
    }

    @Test
    void netExposureAtJustBelowAndAboveTheLimitAndHedgesPass() {
        account.hold(position(BTC, BUY, "1", "50000.00"));
        RiskRule rule = new MaxNetExposureRule(usd("60000"));
        assertThat(check(rule, limit(ETH, BUY, "2", "5000.00")).passed()).isTrue();
        assertThat(check(rule, limit(ETH, BUY, "1.9999", "5000.00")).passed()).isTrue();
        assertRejected(check(rule, limit(ETH, BUY, "2.0001", "5000.00")), MaxNetExposureRule.CODE, "60000",
                "60000.5");
        assertThat(check(rule, limit(ETH, SELL, "2.0001", "5000.00")).passed()).isTrue();
    }

    @Test
    void netExposureOverTheLimitStillAcceptsAnOrderThatLowersIt() {
        account.hold(position(BTC, BUY, "2", "50000.00"));
        RiskRule rule = new MaxNetExposureRule(usd("60000"));
        assertThat(check(rule, limit(ETH, SELL, "1", "5000.00")).passed()).isTrue();
        assertThat(check(rule, limit(ETH, BUY, "1", "5000.00")).passed()).isFalse();
    }

    @Test
    void exposureOfAFutureUsesItsMultiplier() {
        Instrument es = ES;
        RiskRule rule = new MaxGrossExposureRule(usd("400000"));
        assertThat(check(rule, limit(es, BUY, "2", "4000.00")).passed()).isTrue();
        assertThat(check(rule, limit(es, BUY, "2", "4000.25")).passed()).isFalse();
    }
}
