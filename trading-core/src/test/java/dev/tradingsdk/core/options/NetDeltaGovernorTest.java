package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.options.OptionsFixtures.CHAIN;
import static dev.tradingsdk.core.options.OptionsFixtures.ESZ6;
import static dev.tradingsdk.core.options.OptionsFixtures.T0;
import static dev.tradingsdk.core.options.OptionsFixtures.T0_NANOS;
import static dev.tradingsdk.core.options.OptionsFixtures.call;
import static dev.tradingsdk.core.options.OptionsFixtures.fill;
import static dev.tradingsdk.core.options.OptionsFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.market.MarketState;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.risk.RiskDecision;
import dev.tradingsdk.core.risk.RiskGovernor;
import dev.tradingsdk.core.risk.RiskViolation;
import dev.tradingsdk.core.risk.rules.MaxNetDeltaRule;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The governor limits real options delta: MaxNetDeltaRule reading a GreeksBook, checked before acceptance. */
class NetDeltaGovernorTest {

    private final GreeksBook book = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
    private final RiskGovernor governor = RiskGovernor.builder().clock(new SimulatedClock(T0))
            .rule(new MaxNetDeltaRule(new BigDecimal("300"), book)).build();
    private final Portfolio account = new Portfolio("acc-1", Money.of("1000000.00", Currency.USD));

    NetDeltaGovernorTest() {
        book.time(T0_NANOS);
        book.price(ESZ6, 500_000);
        book.volatilityOfAll(ESZ6, 0.20);
    }

    private static OrderRequest limit(Instrument instrument, Side side, long contracts, String price) {
        return OrderRequest.builder(instrument, side).quantity(Long.toString(contracts)).limit(price).build();
    }

    /** size × 50 × the book's delta, in units of ES, as the rule computes it. */
    private BigDecimal exposure(Instrument instrument, long signedContracts) {
        return FixedMath.toBigDecimal(signedContracts * 50 * book.deltaRaw(instrument), 6);
    }

    @Test
    void anOrderThatWouldBreachNetDeltaIsRejectedWithTheComputedBeforeAndAfter() {
        account.apply(fill(call(5000), Side.BUY, 10, "115.00", T0));
        BigDecimal before = exposure(call(5000), 10);
        // An at-the-money call on the future has delta e^(−rT)·N(σ√T/2) ≈ 0.509: ten of them ≈ 254.6 × ES.
        assertThat(before).isBetween(new BigDecimal("250"), new BigDecimal("260"));

        RiskDecision decision = governor.check(limit(call(5000), Side.BUY, 2, "115.00"), account, MarketState.NONE);
        assertThat(decision.rejected()).isTrue();
        RiskViolation violation = decision.violations().get(0);
        BigDecimal after = before.add(exposure(call(5000), 2));
        assertThat(violation.code()).isEqualTo(MaxNetDeltaRule.CODE);
        assertThat(violation.limit()).isEqualByComparingTo("300");
        assertThat(violation.actual()).isEqualByComparingTo(after);
        assertThat(violation.message()).contains("net delta on ES would go from " + before.toPlainString() + " to "
                + after.toPlainString());

        // One future sold against the calls brings delta down; then the two calls fit.
        assertThat(governor.check(limit(ESZ6, Side.SELL, 1, "5000.00"), account, MarketState.NONE).accepted())
                .isTrue();
        account.apply(fill(ESZ6, Side.SELL, 1, "5000.00", T0));
        assertThat(governor.check(limit(call(5000), Side.BUY, 2, "115.00"), account, MarketState.NONE).accepted())
                .isTrue();
    }

    @Test
    void tenCallsNearFortyDeltaAddFourTimesTheMultiplier() {
        Instrument fortyDelta = CHAIN.nearestDelta(OptionRight.CALL, 0.40, book).orElseThrow();
        Greeks g = new Greeks();
        book.greeks(fortyDelta, g);
        assertThat(g.delta()).isBetween(0.30, 0.45);
        account.apply(fill(ESZ6, Side.BUY, 5, "5000.00", T0));
        RiskViolation violation = governor.check(limit(fortyDelta, Side.BUY, 10, "40.00"), account, MarketState.NONE)
                .violations().get(0);
        // 5 futures = 250; ten calls add 10 × 50 × delta ≈ 4 × 50 at delta 0.4.
        BigDecimal added = exposure(fortyDelta, 10);
        assertThat(added.doubleValue()).isCloseTo(10 * 50 * g.delta(), within(1e-4));
        assertThat(violation.message()).contains("from 250.000000 to " + new BigDecimal("250").add(added)
                .setScale(6).toPlainString(), "(order delta " + added.toPlainString() + ")");
    }

    @Test
    void aShortStraddleIsNearlyDeltaNeutralAndPutsReduceALongFuture() {
        account.apply(fill(call(5000), Side.SELL, 10, "115.00", T0));
        account.apply(fill(put(5000), Side.SELL, 10, "105.00", T0));
        BigDecimal net = exposure(call(5000), -10).add(exposure(put(5000), -10));
        // Δc = e^(−rT)·N(d1) ≈ 0.50910 and Δp = −e^(−rT)·N(−d1) ≈ −0.48708 (d1 = σ√T/2, T ≈ 0.0767): short ten
        // of each is −500 × 0.02202 ≈ −11.0 × ES.
        assertThat(net.doubleValue()).isCloseTo(-11.01, within(0.01));
        // Six futures (+300) end at ≈ 289, within the limit; seven (+350) at ≈ 339, beyond it.
        assertThat(governor.check(limit(ESZ6, Side.BUY, 6, "5000.00"), account, MarketState.NONE).accepted())
                .isTrue();
        assertThat(governor.check(limit(ESZ6, Side.BUY, 7, "5000.00"), account, MarketState.NONE).rejected())
                .isTrue();
    }

    @Test
    void anOptionWithoutAVolatilityYetIsRefusedNotTreatedAsZeroDelta() {
        GreeksBook fresh = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
        RiskGovernor strict = RiskGovernor.builder().clock(new SimulatedClock(T0))
                .rule(new MaxNetDeltaRule(new BigDecimal("300"), fresh)).build();
        RiskDecision decision = strict.check(limit(call(5000), Side.BUY, 1, "115.00"), account, MarketState.NONE);
        assertThat(decision.codes()).containsExactly(MaxNetDeltaRule.NO_DELTA);
        account.apply(fill(put(4900), Side.BUY, 1, "60.00", T0));
        decision = strict.check(limit(ESZ6, Side.BUY, 1, "5000.00"), account, MarketState.NONE);
        assertThat(decision.codes()).containsExactly(MaxNetDeltaRule.NO_DELTA);
        assertThat(decision.violations().get(0).message()).contains("ESZ6 P4900.CME");
    }
}
