package dev.tradingsdk.core.risk;

import static dev.tradingsdk.core.order.Side.BUY;
import static dev.tradingsdk.core.order.Side.SELL;
import static dev.tradingsdk.core.risk.RiskFixtures.BTC;
import static dev.tradingsdk.core.risk.RiskFixtures.ES;
import static dev.tradingsdk.core.risk.RiskFixtures.ETH;
import static dev.tradingsdk.core.risk.RiskFixtures.SPX_CALL;
import static dev.tradingsdk.core.risk.RiskFixtures.T0_NANOS;
import static dev.tradingsdk.core.risk.RiskFixtures.book;
import static dev.tradingsdk.core.risk.RiskFixtures.context;
import static dev.tradingsdk.core.risk.RiskFixtures.limit;
import static dev.tradingsdk.core.risk.RiskFixtures.market;
import static dev.tradingsdk.core.risk.RiskFixtures.position;
import static dev.tradingsdk.core.risk.RiskFixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.risk.rules.MarginAvailableRule;
import dev.tradingsdk.core.risk.rules.MaxLeverageRule;
import dev.tradingsdk.core.risk.rules.MaxNetDeltaRule;
import dev.tradingsdk.core.risk.rules.MaxOpenPositionsRule;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeverageRulesTest {

    private final TestAccount account = new TestAccount("acc-1", usd("50000.00"));
    private final MarketState market = market(book(BTC, "49999.00", "5", "50001.00", "5", T0_NANOS));

    private RuleResult check(RiskRule rule, OrderRequest order) {
        return rule.check(context(order, account, market));
    }

    private static String code(RuleResult result) {
        return result.passed() ? "PASS" : ((RiskViolation) result).code();
    }

    @Test
    void maxLeverageAtJustBelowAndAboveTheLimit() {
        account.hold(position(BTC, BUY, "1", "50000.00"));
        RiskRule rule = new MaxLeverageRule(new BigDecimal("2"));
        assertThat(check(rule, limit(ETH, BUY, "10", "5000.00")).passed()).isTrue();
        assertThat(check(rule, limit(ETH, BUY, "9.9999", "5000.00")).passed()).isTrue();
        RuleResult above = check(rule, limit(ETH, BUY, "10.0001", "5000.00"));
        assertThat(code(above)).isEqualTo(MaxLeverageRule.CODE);
        assertThat(((RiskViolation) above).limit()).isEqualByComparingTo("100000");
        assertThat(((RiskViolation) above).actual()).isEqualByComparingTo("100000.5");
    }

    @Test
    void maxLeverageAllowsNoNewExposureWithoutPositiveEquityButLetsReductionsThrough() {
        account.hold(position(BTC, BUY, "1", "50000.00")).equity(usd("0"));
        RiskRule rule = new MaxLeverageRule(new BigDecimal("10"));
        assertThat(check(rule, limit(ETH, BUY, "0.0001", "5000.00")).passed()).isFalse();
        assertThat(check(rule, limit(BTC, SELL, "0.5", "50000.00")).passed()).isTrue();
    }

    @Test
    void marginAvailableAtJustBelowAndAboveWhatTheModelRequires() {
        account.margin(usd("40000"), usd("10000"));
        RiskRule rule = new MarginAvailableRule(MarginModel.rate(new BigDecimal("0.1")));
        assertThat(check(rule, limit(BTC, BUY, "2", "50000.00")).passed()).isTrue();
        assertThat(check(rule, limit(BTC, BUY, "1.9999", "50000.00")).passed()).isTrue();
        RuleResult above = check(rule, limit(BTC, BUY, "2.0001", "50000.00"));
        assertThat(code(above)).isEqualTo(MarginAvailableRule.CODE);
        assertThat(((RiskViolation) above).actual()).isEqualByComparingTo("10000.5");
    }

    @Test
    void marginModelByAssetClassChargesTheFullNotionalForUnlistedClasses() {
        MarginModel model = MarginModel.byAssetClass(Map.of(AssetClass.FUTURE, new BigDecimal("0.05")));
        assertThat(model.initialMarginRaw(ES, 200_000_000_000L)).isEqualTo(10_000_000_000L);
        assertThat(model.initialMarginRaw(BTC, 200_000_000_000L)).isEqualTo(200_000_000_000L);
        assertThat(MarginModel.CASH.initialMarginRaw(BTC, 7)).isEqualTo(7);
        assertThatThrownBy(() -> MarginModel.rate(new BigDecimal("-0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
    }

    @Test
    void marginAvailableLetsAClosingOrderThrough() {
        account.hold(position(BTC, BUY, "1", "50000.00")).margin(usd("50000"), usd("0"));
        RiskRule rule = new MarginAvailableRule(MarginModel.CASH);
        assertThat(check(rule, limit(BTC, SELL, "1", "50000.00")).passed()).isTrue();
        assertThat(check(rule, limit(BTC, BUY, "0.0001", "50000.00")).passed()).isFalse();
    }

    @Test
    void netDeltaAggregatesFuturesAndOptionsPerUnderlying() {
        // Long 2 ES = 2 × 50 = 100 SPX units; one call with delta 0.5 × 100 adds 50.
        account.hold(position(ES, BUY, "2", "4000.00"));
        RiskRule rule = new MaxNetDeltaRule(new BigDecimal("150"),
                DeltaSource.of(Map.of(SPX_CALL.id(), new BigDecimal("0.5"))));
        assertThat(check(rule, limit(SPX_CALL, BUY, "1", "50.00")).passed()).isTrue();
        RiskRule above = new MaxNetDeltaRule(new BigDecimal("150"),
                DeltaSource.of(Map.of(SPX_CALL.id(), new BigDecimal("0.500001"))));
        RuleResult result = check(above, limit(SPX_CALL, BUY, "1", "50.00"));
        assertThat(code(result)).isEqualTo(MaxNetDeltaRule.CODE);
        assertThat(((RiskViolation) result).actual()).isEqualByComparingTo("150.0001");
        RiskRule below = new MaxNetDeltaRule(new BigDecimal("150"),
                DeltaSource.of(Map.of(SPX_CALL.id(), new BigDecimal("0.499999"))));
        assertThat(check(below, limit(SPX_CALL, BUY, "1", "50.00")).passed()).isTrue();
    }

    @Test
    void netDeltaIgnoresOtherUnderlyingsAndAcceptsOrdersThatLowerIt() {
        account.hold(position(ES, BUY, "4", "4000.00")).hold(position(BTC, BUY, "3", "50000.00"));
        RiskRule rule = new MaxNetDeltaRule(new BigDecimal("150"), DeltaSource.LINEAR);
        assertThat(check(rule, limit(ES, SELL, "1", "4000.00")).passed()).isTrue();
        assertThat(check(rule, limit(ES, BUY, "1", "4000.00")).passed()).isFalse();
        assertThat(check(rule, limit(ETH, BUY, "150", "3000.00")).passed()).isTrue();
        assertThat(check(rule, limit(ETH, BUY, "150.0001", "3000.00")).passed()).isFalse();
    }

    @Test
    void netDeltaAtTheEdgeOfTheRangeThrowsInsteadOfPassing() {
        Instrument unit = Instrument.builder("UNIT", Venue.SIM).assetClass(AssetClass.FUTURE)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).build();
        // 2 x -2^62 is exactly Long.MIN_VALUE, whose Math.abs is still negative.
        RiskRule rule = new MaxNetDeltaRule(new BigDecimal("150"), instrument -> -(1L << 62));
        assertThatThrownBy(() -> check(rule, limit(unit, BUY, "2", "1.00"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void netDeltaRejectsAnOptionWithoutAKnownDelta() {
        RiskRule rule = new MaxNetDeltaRule(new BigDecimal("150"), DeltaSource.LINEAR);
        assertThat(code(check(rule, limit(SPX_CALL, BUY, "1", "50.00")))).isEqualTo(MaxNetDeltaRule.NO_DELTA);
    }

    @Test
    void maxOpenPositionsAtJustBelowAndAboveTheLimit() {
        RiskRule rule = new MaxOpenPositionsRule(2);
        account.hold(position(BTC, BUY, "1", "50000.00"));
        assertThat(check(rule, limit(ETH, BUY, "1", "3000.00")).passed()).isTrue();
        account.hold(position(ETH, BUY, "1", "3000.00"));
        assertThat(code(check(rule, limit(ES, BUY, "1", "4000.00")))).isEqualTo(MaxOpenPositionsRule.CODE);
        assertThat(check(rule, limit(ETH, BUY, "1", "3000.00")).passed()).isTrue();
        assertThatThrownBy(() -> new MaxOpenPositionsRule(0)).hasMessageContaining("maxPositions");
    }
}
