package dev.tradingsdk.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.ClosedTrade;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final double[] RETURNS = {0.10, -0.05, 0.04, -0.10, 0.03};
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    /** Expected values worked out separately (Python, same formulas as the javadoc). */
    @Test
    void returnFiguresFollowTheDocumentedFormulas() {
        ReturnMetrics m = ReturnMetrics.of(RETURNS, 252);
        assertThat(m.periods()).isEqualTo(5);
        assertThat(m.totalReturn()).isCloseTo(0.0074636, within(1e-12));
        assertThat(m.cagr()).isCloseTo(0.4546547856487977, within(1e-9));
        assertThat(m.mean()).isCloseTo(0.004, within(1e-15));
        assertThat(m.volatility()).isCloseTo(1.2529804467748091, within(1e-12));
        assertThat(m.sharpe()).isCloseTo(0.8044818277847888, within(1e-12));
        assertThat(m.sortino()).isCloseTo(1.2699606293110028, within(1e-12));
        assertThat(m.maxDrawdown()).isCloseTo(0.1108, within(1e-12));
        assertThat(m.maxDrawdownPeakIndex()).isEqualTo(1);
        assertThat(m.maxDrawdownTroughIndex()).isEqualTo(4);
        assertThat(m.longestDrawdownPeriods()).isEqualTo(4);
        assertThat(m.longestDrawdownPeakIndex()).isEqualTo(1);
        assertThat(m.longestDrawdownEndIndex()).isEqualTo(5);
        assertThat(m.calmar()).isCloseTo(4.103382541956654, within(1e-9));
        assertThat(m.positivePeriods()).isEqualTo(3);
        assertThat(m.negativePeriods()).isEqualTo(2);
        assertThat(m.periodWinRate()).isCloseTo(0.6, within(1e-15));
        assertThat(m.periodProfitFactor()).isCloseTo(0.17 / 0.15, within(1e-12));
    }

    @Test
    void theDeepestAndTheLongestDrawdownAreReportedSeparately() {
        // index 1, 0.8, 1.0, 0.99, 0.9801, 0.970299, 1.00911: a deep one-period fall, then a shallow long one
        ReturnMetrics m = ReturnMetrics.of(new double[] {-0.20, 0.25, -0.01, -0.01, -0.01, 0.04}, 365);
        assertThat(m.maxDrawdown()).isCloseTo(0.20, within(1e-12));
        assertThat(m.maxDrawdownPeakIndex()).isZero();
        assertThat(m.maxDrawdownTroughIndex()).isEqualTo(1);
        assertThat(m.longestDrawdownPeriods()).isEqualTo(3);
        assertThat(m.longestDrawdownPeakIndex()).isEqualTo(2);
        assertThat(m.longestDrawdownEndIndex()).isEqualTo(5);
    }

    @Test
    void periodFiguresLeaveOutZeroReturns() {
        ReturnMetrics m = ReturnMetrics.of(new double[] {0.02, 0, 0, -0.01, 0}, 365);
        assertThat(m.periodWinRate()).isEqualTo(0.5);
        assertThat(m.periodProfitFactor()).isCloseTo(2.0, within(1e-12));
        ReturnMetrics onlyGains = ReturnMetrics.of(new double[] {0.02, 0}, 365);
        assertThat(onlyGains.periodWinRate()).isEqualTo(1.0);
        assertThat(onlyGains.periodProfitFactor()).isNaN();
        assertThat(ReturnMetrics.of(new double[] {0, 0}, 365).periodWinRate()).isNaN();
    }

    @Test
    void undefinedFiguresAreNaN() {
        ReturnMetrics flat = ReturnMetrics.of(new double[] {0, 0, 0}, 365);
        assertThat(flat.sharpe()).isNaN();
        assertThat(flat.maxDrawdown()).isZero();
        assertThat(flat.calmar()).isNaN();
        assertThat(ReturnMetrics.of(new double[0], 365).cagr()).isNaN();
    }

    private static ClosedTrade trade(String net, String fees) {
        Money f = Money.of(fees, Currency.USD);
        return new ClosedTrade("sim", InstrumentId.of("BTC-USD", "SIM"), PositionSide.LONG, T0, T0.plusSeconds(60),
                Price.of("100"), Price.of("101"), Quantity.of("1"), Money.of(net, Currency.USD).plus(f), f);
    }

    @Test
    void tradeAndCurveFiguresFromACurveAndTrades() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD, 2);
        long[] equityCents = {100_000_00, 110_000_00, 104_500_00, 108_680_00, 97_812_00, 100_746_36};
        long[] exposureCents = {0, 5000_00, 5000_00, 0, 0, 0};
        for (int i = 0; i < equityCents.length; i++) {
            b.add(Instant.EPOCH.plus(Duration.ofDays(i)).getEpochSecond() * 1_000_000_000L, equityCents[i],
                    exposureCents[i]);
        }
        EquityCurve curve = b.build();
        List<ClosedTrade> trades = List.of(trade("30", "1"), trade("-10", "1"), trade("20", "1"), trade("0", "1"));
        Metrics m = Metrics.compute(curve, trades, Money.of("52373.50", Currency.USD), Money.of("4", Currency.USD),
                252);
        assertThat(m.returns().sharpe()).isCloseTo(0.8044818277847888, within(1e-12));
        assertThat(m.longestDrawdownDuration()).isEqualTo(Duration.ofDays(4));
        assertThat(m.tradeCount()).isEqualTo(4);
        assertThat(m.winningTrades()).isEqualTo(2);
        assertThat(m.losingTrades()).isEqualTo(1);
        assertThat(m.winRate()).isEqualTo(0.5);
        assertThat(m.profitFactor()).isEqualTo(5.0);
        assertThat(m.averageWin().orElseThrow().toBigDecimal()).isEqualByComparingTo("25");
        assertThat(m.averageLoss().orElseThrow().toBigDecimal()).isEqualByComparingTo("10");
        assertThat(m.expectancy().orElseThrow().toBigDecimal()).isEqualByComparingTo("10");
        assertThat(m.exposure()).isEqualTo(0.4);
        double meanEquity = (100_000 + 110_000 + 104_500 + 108_680 + 97_812 + 100_746.36) / 6;
        assertThat(m.turnover()).isCloseTo(52373.50 / meanEquity, within(1e-12));
        assertThat(m.feesPaid().toBigDecimal()).isEqualByComparingTo("4");
        assertThat(m.endEquity().toBigDecimal()).isEqualByComparingTo("100746.36");
    }

    @Test
    void withoutClosedTradesTheMoneyAveragesAreAbsentNotZero() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD, 2);
        b.add(0, 100_000_00, 0);
        b.add(86_400_000_000_000L, 100_000_00, 0);
        Money usd = Money.zero(Currency.USD);
        Metrics none = Metrics.compute(b.build(), List.of(), usd, usd, 365);
        assertThat(none.averageWin()).isEmpty();
        assertThat(none.averageLoss()).isEmpty();
        assertThat(none.expectancy()).isEmpty();
        assertThat(none.winRate()).isNaN();
        assertThat(none.profitFactor()).isNaN();
        Metrics onlyWins = Metrics.compute(b.build(), List.of(trade("30", "1")), usd, usd, 365);
        assertThat(onlyWins.averageWin()).isPresent();
        assertThat(onlyWins.averageLoss()).isEmpty();
        assertThat(onlyWins.profitFactor()).isNaN();
    }

    @Test
    void figuresInAnotherCurrencyThanTheCurveAreRefused() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD, 2);
        b.add(0, 100_000_00, 0);
        b.add(86_400_000_000_000L, 101_000_00, 0);
        EquityCurve curve = b.build();
        Money eurFee = Money.of("1", Currency.EUR);
        ClosedTrade eurTrade = new ClosedTrade("sim", InstrumentId.of("DAX", "SIM"), PositionSide.LONG, T0,
                T0.plusSeconds(60), Price.of("100"), Price.of("101"), Quantity.of("1"), Money.of("30", Currency.EUR),
                eurFee);
        Money usd = Money.zero(Currency.USD);
        assertThatThrownBy(() -> Metrics.compute(curve, List.of(trade("30", "1"), eurTrade), usd, usd, 365))
                .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("EUR");
        assertThatThrownBy(() -> Metrics.compute(curve, List.of(), Money.zero(Currency.EUR), usd, 365))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Metrics.compute(curve, List.of(), usd, eurFee, 365))
                .isInstanceOf(CurrencyMismatchException.class);
    }
}
