package dev.tradingsdk.cfd;

import static dev.tradingsdk.cfd.TestInstruments.BTC;
import static dev.tradingsdk.cfd.TestInstruments.EURUSD;
import static dev.tradingsdk.cfd.TestInstruments.SHIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every expected value below was worked out by hand; the working is in the comments. */
class CfdMathTest {

    private static Money usd(String amount) {
        return Money.of(amount, Currency.USD);
    }

    @Test
    void notionalIsPriceTimesSize() {
        // 1.10000 × 100 000 = 110 000
        assertThat(CfdMath.notional(EURUSD, Price.of("1.10000"), Quantity.of("100000")))
                .isEqualTo(usd("110000"));
        // tiny price: 0.00001234 × 1 000 000 = 12.34
        assertThat(CfdMath.notional(SHIB, Price.of("0.00001234"), Quantity.of("1000000"))).isEqualTo(usd("12.34"));
        // huge price: 1 000 000.00 × 1000.0000 = 1 000 000 000
        assertThat(CfdMath.notional(BTC, Price.of("1000000.00"), Quantity.of("1000.0000")))
                .isEqualTo(usd("1000000000"));
    }

    @Test
    void marginIsNotionalOverLeverageRoundedUp() {
        // 110 000 / 30 = 3666.666…, rounded up at the notional's 5 decimals
        assertThat(CfdMath.marginRequired(usd("110000.00000"), 30).toBigDecimal())
                .isEqualByComparingTo("3666.66667");
        // a short's notional is the same magnitude
        assertThat(CfdMath.marginRequired(usd("-60000.00"), 2)).isEqualTo(usd("30000"));
        assertThat(CfdMath.marginRequired(usd("12.34"), 2)).isEqualTo(usd("6.17"));
        assertThat(CfdMath.marginRequired(usd("0"), 5)).isEqualTo(usd("0"));
        assertThatThrownBy(() -> CfdMath.marginRequired(usd("1"), 0)).hasMessageContaining("leverage")
                .hasMessageContaining("0");
    }

    @Test
    void unrealizedPnlForLongsShortsAndFlat() {
        Quantity half = Quantity.of("0.5000");
        // long 0.5 @ 60 000.00, mark 61 000.50: 0.5 × 1000.50 = 500.25
        assertThat(CfdMath.unrealizedPnl(BTC, PositionSide.LONG, half, Price.of("60000.00"), Price.of("61000.50")))
                .isEqualTo(usd("500.25"));
        // the same move against a short
        assertThat(CfdMath.unrealizedPnl(BTC, PositionSide.SHORT, half, Price.of("60000.00"),
                Price.of("61000.50"))).isEqualTo(usd("-500.25"));
        // short 1 @ 30 000 at 2:1 posts 15 000 margin; at 50 000 it has lost 20 000, more than the margin
        Money loss = CfdMath.unrealizedPnl(BTC, PositionSide.SHORT, Quantity.of("1.0000"), Price.of("30000.00"),
                Price.of("50000.00"));
        assertThat(loss).isEqualTo(usd("-20000"));
        assertThat(loss.abs().isGreaterThan(CfdMath.marginRequired(usd("30000"), 2))).isTrue();
        assertThat(CfdMath.unrealizedPnl(BTC, PositionSide.FLAT, Quantity.of("0"), Price.of("1.00"),
                Price.of("2.00"))).isEqualTo(usd("0"));
        // tiny prices: short 1 000 000 SHIB @ 0.00001234, mark 0.00001200: 1e6 × 0.00000034 = 0.34
        assertThat(CfdMath.unrealizedPnl(SHIB, PositionSide.SHORT, Quantity.of("1000000"), Price.of("0.00001234"),
                Price.of("0.00001200"))).isEqualTo(usd("0.34"));
    }

    @Test
    void pnlPercentOfABase() {
        // 500.25 on 15 000 margin = 3.335 %
        assertThat(CfdMath.pnlPercent(usd("500.25"), usd("15000"))).isEqualByComparingTo("3.3350");
        // -20 000 on 15 000 = -133.3333 %
        assertThat(CfdMath.pnlPercent(usd("-20000"), usd("15000"))).isEqualByComparingTo("-133.3333");
        assertThatThrownBy(() -> CfdMath.pnlPercent(usd("1"), usd("0"))).hasMessageContaining("base");
    }

    @Test
    void equityFreeMarginAndLevel() {
        Money equity = CfdMath.equity(usd("10000"), usd("-1500.50"));
        assertThat(equity).isEqualTo(usd("8499.50"));
        assertThat(CfdMath.freeMargin(equity, usd("9000"))).isEqualTo(usd("-500.50"));
        assertThat(CfdMath.usedMargin(java.util.List.of(usd("100"), usd("250.5")), usd("0")))
                .isEqualTo(usd("350.5"));
    }

    @Test
    void currentLeverageIsGrossOverEquity() {
        assertThat(CfdMath.currentLeverage(usd("50000"), usd("10000"))).contains(new BigDecimal("5.0000"));
        // 1000 / 3 = 333.3333
        assertThat(CfdMath.currentLeverage(usd("1000"), usd("3"))).contains(new BigDecimal("333.3333"));
        assertThat(CfdMath.currentLeverage(usd("1000"), usd("0"))).isEmpty();
        assertThat(CfdMath.currentLeverage(usd("1000"), usd("-1"))).isEmpty();
    }

    @Test
    void maxPositionSizeRoundsDownToTheLot() {
        // 1000 × 30 / 1.10000 = 27 272.7… units, lot 1000 → 27 000
        assertThat(CfdMath.maxPositionSize(EURUSD, usd("1000"), 30, Price.of("1.10000")))
                .isEqualTo(Quantity.of("27000"));
        // 10 000 × 2 / 60 000 = 0.33333… → 0.3333
        assertThat(CfdMath.maxPositionSize(BTC, usd("10000"), 2, Price.of("60000.00")))
                .isEqualTo(Quantity.of("0.3333"));
        // 10 × 2 / 0.00001234 = 1 620 745.54… → 1 620 745
        assertThat(CfdMath.maxPositionSize(SHIB, usd("10"), 2, Price.of("0.00001234")))
                .isEqualTo(Quantity.of("1620745"));
        assertThat(CfdMath.maxPositionSize(BTC, usd("-5"), 2, Price.of("60000.00"))).isEqualTo(Quantity.of("0"));
        assertThatThrownBy(() -> CfdMath.maxPositionSize(BTC, usd("5"), 2, Price.of("0.00")))
                .hasMessageContaining("price");
    }

    @Test
    void liquidationPriceOfALong() {
        // cash 30 000, long 1 BTC @ 50 000 at 2:1, stop-out 50 %:
        // P = 2 × (0 − 100 × 30 000 + 100 × 50 000) / (1 × (200 − 50)) = 4 000 000 / 150 = 26 666.666… → 26 666.67
        // check: equity 30 000 − 23 333.33 = 6666.67, margin 13 333.335, level 50.00 %
        assertThat(CfdMath.liquidationPrice(BTC, PositionSide.LONG, Quantity.of("1.0000"), usd("50000"),
                usd("30000"), usd("0"), 2, 50)).contains(Price.of("26666.67"));
        // with 100 000 cash the account survives any price down to zero
        assertThat(CfdMath.liquidationPrice(BTC, PositionSide.LONG, Quantity.of("1.0000"), usd("50000"),
                usd("100000"), usd("0"), 2, 50)).isEmpty();
    }

    @Test
    void liquidationPriceOfAShortCountsOtherMargin() {
        // cash 30 000, short 1 BTC @ 50 000: P = 2 × (5 000 000 + 3 000 000) / 250 = 64 000
        // check: equity 30 000 − 14 000 = 16 000, margin 32 000, level 50 %
        assertThat(CfdMath.liquidationPrice(BTC, PositionSide.SHORT, Quantity.of("1.0000"), usd("50000"),
                usd("30000"), usd("0"), 2, 50)).contains(Price.of("64000.00"));
        // another position holds 8000 margin: P = 2 × (5 000 000 + 3 000 000 − 400 000) / 250 = 60 800
        assertThat(CfdMath.liquidationPrice(BTC, PositionSide.SHORT, Quantity.of("1.0000"), usd("50000"),
                usd("30000"), usd("8000"), 2, 50)).contains(Price.of("60800.00"));
        // EURUSD short 100 000 @ 1.10000 at 30:1, equity 1000, stop-out 50:
        // P = 30 × (100 × 110 000 + 100 × 1000) / (100 000 × 3050) = 333 000 000 / 305 000 000 = 1.0918032… → 1.09180
        assertThat(CfdMath.liquidationPrice(EURUSD, PositionSide.SHORT, Quantity.of("100000"), usd("110000"),
                usd("1000"), usd("0"), 30, 50)).contains(Price.of("1.09180"));
        assertThat(CfdMath.liquidationPrice(BTC, PositionSide.FLAT, Quantity.of("0"), usd("0"), usd("1"),
                usd("0"), 2, 50)).isEmpty();
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        assertThatThrownBy(() -> CfdMath.notional(BTC, Price.of("90000000000000.00"), Quantity.of("900000.0000")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aLiquidationPriceRoundedUpToATickPastTheRangeThrowsInsteadOfWrapping() {
        // ticks of 0.25; L = 1, stop-out 99 %: P = (0.99 × other margin + cost) / (q × (100 − 99) / 100) on 1 unit,
        // chosen to be Long.MAX_VALUE raw, which is not on a whole tick
        Instrument quarters = Instrument.builder("QTR", Venue.SIM).assetClass(AssetClass.INDEX)
                .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(0).tickSize("0.25").build();
        Money cost = Money.ofRaw(92_233_720_368_547_666L, 2, Currency.USD);
        Money otherMargin = Money.ofRaw(93, 2, Currency.USD);
        assertThatThrownBy(() -> CfdMath.liquidationPrice(quarters, PositionSide.LONG, Quantity.of("1"), cost,
                Money.ofRaw(0, 2, Currency.USD), otherMargin, 1, 99)).isInstanceOf(ArithmeticException.class);
    }
}
