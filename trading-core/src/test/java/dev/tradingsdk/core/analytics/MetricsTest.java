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
        assertThat(m.maxDrawdownPeriods()).isEqualTo(4);
        assertThat(m.maxDrawdownPeakIndex()).isEqualTo(1);
        assertThat(m.maxDrawdownEndIndex()).isEqualTo(5);
        assertThat(m.calmar()).isCloseTo(4.103382541956654, within(1e-9));
    }

    @Test
    void undefinedFiguresAreNaN() {
        ReturnMetrics flat = ReturnMetrics.of(new double[] {0, 0, 0}, 365);
        assertThat(flat.sharpe()).isNaN();
        assertThat(flat.maxDrawdown()).isZero();
        assertThat(flat.calmar()).isNaN();
        assertThat(ReturnMetrics.of(new double[0], 365).cagr()).isNaN();
    }

    private static Trade trade(String net, String fees) {
        Money f = Money.of(fees, Currency.USD);
        return new Trade(InstrumentId.of("BTC-USD", "SIM"), PositionSide.LONG, T0, T0.plusSeconds(60),
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
        List<Trade> trades = List.of(trade("30", "1"), trade("-10", "1"), trade("20", "1"), trade("0", "1"));
        Metrics m = Metrics.compute(curve, trades, Money.of("52373.50", Currency.USD), Money.of("4", Currency.USD),
                252);
        assertThat(m.returns().sharpe()).isCloseTo(0.8044818277847888, within(1e-12));
        assertThat(m.maxDrawdownDuration()).isEqualTo(Duration.ofDays(4));
        assertThat(m.tradeCount()).isEqualTo(4);
        assertThat(m.winningTrades()).isEqualTo(2);
        assertThat(m.losingTrades()).isEqualTo(1);
        assertThat(m.winRate()).isEqualTo(0.5);
        assertThat(m.profitFactor()).isEqualTo(5.0);
        assertThat(m.averageWin().toBigDecimal()).isEqualByComparingTo("25");
        assertThat(m.averageLoss().toBigDecimal()).isEqualByComparingTo("10");
        assertThat(m.expectancy().toBigDecimal()).isEqualByComparingTo("10");
        assertThat(m.exposure()).isEqualTo(0.4);
        double meanEquity = (100_000 + 110_000 + 104_500 + 108_680 + 97_812 + 100_746.36) / 6;
        assertThat(m.turnover()).isCloseTo(52373.50 / meanEquity, within(1e-12));
        assertThat(m.feesPaid().toBigDecimal()).isEqualByComparingTo("4");
        assertThat(m.endEquity().toBigDecimal()).isEqualByComparingTo("100746.36");
    }

    @Test
    void figuresInAnotherCurrencyThanTheCurveAreRefused() {
        EquityCurve.Builder b = EquityCurve.builder(Currency.USD, 2);
        b.add(0, 100_000_00, 0);
        b.add(86_400_000_000_000L, 101_000_00, 0);
        EquityCurve curve = b.build();
        Money eurFee = Money.of("1", Currency.EUR);
        Trade eurTrade = new Trade(InstrumentId.of("DAX", "SIM"), PositionSide.LONG, T0, T0.plusSeconds(60),
                Price.of("100"), Price.of("101"), Quantity.of("1"), Money.of("30", Currency.EUR), eurFee);
        Money usd = Money.zero(Currency.USD);
        assertThatThrownBy(() -> Metrics.compute(curve, List.of(trade("30", "1"), eurTrade), usd, usd, 365))
                .isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("EUR");
        assertThatThrownBy(() -> Metrics.compute(curve, List.of(), Money.zero(Currency.EUR), usd, 365))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Metrics.compute(curve, List.of(), usd, eurFee, 365))
                .isInstanceOf(CurrencyMismatchException.class);
    }
}
