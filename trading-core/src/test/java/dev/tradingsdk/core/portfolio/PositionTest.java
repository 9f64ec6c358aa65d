package dev.tradingsdk.core.portfolio;

import static dev.tradingsdk.core.TestInstruments.AAPL;
import static dev.tradingsdk.core.TestInstruments.BTC;
import static dev.tradingsdk.core.TestInstruments.ES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Side;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    static Fill fill(Instrument instrument, Side side, String quantity, String price, String fee) {
        return new Fill(ClientOrderId.of("o"), "t", instrument, side, Price.of(price), Quantity.of(quantity),
                Money.of(fee, instrument.quoteCurrency()), T);
    }

    private static Money usd(String amount) {
        return Money.of(amount, Currency.USD);
    }

    @Test
    void longIncreaseReduceFlipAndClose() {
        Position p = new Position(AAPL);
        assertThat(p.side()).isEqualTo(PositionSide.FLAT);
        assertThat(p.averagePrice()).isEqualTo(Price.of("0"));
        assertThat(p.unrealizedPnl(Price.of("1"))).isEqualTo(usd("0"));

        p.apply(fill(AAPL, Side.BUY, "10", "100.00", "1.00"));
        assertThat(p.side()).isEqualTo(PositionSide.LONG);
        assertThat(p.quantity()).isEqualTo(Quantity.of("10"));
        assertThat(p.costBasis()).isEqualTo(usd("1000"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("100"));
        assertThat(p.averagePrice().precision()).isEqualTo(6);

        p.apply(fill(AAPL, Side.BUY, "10", "110.00", "1.00"));
        assertThat(p.netRaw()).isEqualTo(20);
        assertThat(p.costBasis()).isEqualTo(usd("2100"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("105"));

        // Sell 5 @ 120: releases 5/20 of 2100 = 525 against 600 received: +75.
        p.apply(fill(AAPL, Side.SELL, "5", "120.00", "0.50"));
        assertThat(p.netQuantity()).isEqualByComparingTo("15");
        assertThat(p.realizedPnl()).isEqualTo(usd("75"));
        assertThat(p.costBasis()).isEqualTo(usd("1575"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("105"));
        assertThat(p.unrealizedPnl(Price.of("100"))).isEqualTo(usd("-75"));
        assertThat(p.marketValue(Price.of("100"))).isEqualTo(usd("1500"));

        // Sell 25 @ 90: closes 15 (1575 cost vs 1350 received: -225) and opens a 10 short at 90.
        p.apply(fill(AAPL, Side.SELL, "25", "90.00", "2.00"));
        assertThat(p.side()).isEqualTo(PositionSide.SHORT);
        assertThat(p.netRaw()).isEqualTo(-10);
        assertThat(p.quantity()).isEqualTo(Quantity.of("10"));
        assertThat(p.realizedPnl()).isEqualTo(usd("-150"));
        assertThat(p.costBasis()).isEqualTo(usd("900"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("90"));
        assertThat(p.unrealizedPnl(Price.of("80"))).isEqualTo(usd("100"));
        assertThat(p.marketValue(Price.of("80"))).isEqualTo(usd("-800"));

        // Buy 10 @ 95 closes the short: 900 - 950 = -50.
        p.apply(fill(AAPL, Side.BUY, "10", "95.00", "1.00"));
        assertThat(p.isFlat()).isTrue();
        assertThat(p.realizedPnl()).isEqualTo(usd("-200"));
        assertThat(p.costBasis()).isEqualTo(usd("0"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("0"));
        assertThat(p.unrealizedPnl(Price.of("500"))).isEqualTo(usd("0"));
        assertThat(p.fees()).isEqualTo(usd("5.50"));
        assertThat(p.fillCount()).isEqualTo(5);
    }

    @Test
    void shortIncreaseAndReduce() {
        Position p = new Position(AAPL);
        p.apply(fill(AAPL, Side.SELL, "5", "100.00", "0"));
        p.apply(fill(AAPL, Side.SELL, "5", "104.00", "0"));
        assertThat(p.side()).isEqualTo(PositionSide.SHORT);
        assertThat(p.costBasis()).isEqualTo(usd("1020"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("102"));
        assertThat(p.unrealizedPnl(Price.of("103"))).isEqualTo(usd("-10"));
        // Buy 4 @ 100: releases 408 against 400 paid: +8.
        p.apply(fill(AAPL, Side.BUY, "4", "100.00", "0"));
        assertThat(p.realizedPnl()).isEqualTo(usd("8"));
        assertThat(p.netRaw()).isEqualTo(-6);
        assertThat(p.costBasis()).isEqualTo(usd("612"));
        // Buy 10 @ 101 flips: 612 - 606 = +6 realized, 4 long at 101.
        p.apply(fill(AAPL, Side.BUY, "10", "101.00", "0"));
        assertThat(p.realizedPnl()).isEqualTo(usd("14"));
        assertThat(p.side()).isEqualTo(PositionSide.LONG);
        assertThat(p.costBasis()).isEqualTo(usd("404"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("101"));
    }

    @Test
    void roundedReleasesStillRealizeTheExactTotal() {
        Position p = new Position(AAPL);
        p.apply(fill(AAPL, Side.BUY, "1", "33.33", "0"));
        p.apply(fill(AAPL, Side.BUY, "1", "33.33", "0"));
        p.apply(fill(AAPL, Side.BUY, "1", "33.34", "0"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("33.333333"));
        // 1/3 of 100.00 is 33.33 (half-even at cents); the last exit releases what is left, 66.67.
        p.apply(fill(AAPL, Side.SELL, "1", "40.00", "0"));
        assertThat(p.realizedPnl()).isEqualTo(usd("6.67"));
        assertThat(p.costBasis()).isEqualTo(usd("66.67"));
        p.apply(fill(AAPL, Side.SELL, "2", "40.00", "0"));
        assertThat(p.realizedPnl()).isEqualTo(usd("20.00"));
    }

    @Test
    void fractionalSizesKeepExactCost() {
        Position p = new Position(BTC);
        p.apply(fill(BTC, Side.BUY, "0.125", "64000.01", "0.10"));
        assertThat(p.costBasis().toBigDecimal()).isEqualByComparingTo("8000.00125");
        p.apply(fill(BTC, Side.SELL, "0.025", "65000.00", "0.02"));
        // Releases 1/5 of 8000.00125 = 1600.00025 against 1625: +24.99975.
        assertThat(p.realizedPnl().toBigDecimal()).isEqualByComparingTo("24.99975");
        assertThat(p.quantity()).isEqualTo(Quantity.of("0.1"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("64000.01"));
        assertThat(p.fees()).isEqualTo(usd("0.12"));
    }

    @Test
    void multiplierScalesPnlButNotTheAveragePrice() {
        Position p = new Position(ES);
        p.apply(fill(ES, Side.BUY, "2", "5000.25", "4.50"));
        assertThat(p.costBasis()).isEqualTo(usd("500025"));
        assertThat(p.averagePrice()).isEqualTo(Price.of("5000.25"));
        assertThat(p.unrealizedPnl(Price.of("5010.00"))).isEqualTo(usd("975"));
        p.apply(fill(ES, Side.SELL, "1", "4990.00", "2.25"));
        assertThat(p.realizedPnl()).isEqualTo(usd("-512.50"));
        assertThat(p.netQuantity()).isEqualTo(new BigDecimal("1"));
    }

    @Test
    void refusedFillsChangeNothing() {
        Position p = new Position(AAPL);
        p.apply(fill(AAPL, Side.BUY, "10", "100.00", "1.00"));
        assertThatThrownBy(() -> p.apply(fill(BTC, Side.BUY, "1", "1", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BTCUSD.SIM");
        assertThatThrownBy(() -> p.apply(new Fill(ClientOrderId.of("o"), "t", AAPL, Side.SELL, Price.of("100"),
                Quantity.of("1"), Money.of("1", Currency.EUR), T))).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> p.apply(fill(AAPL, Side.SELL, "1.5", "100", "0")))
                .isInstanceOf(ArithmeticException.class);
        assertThat(p.netRaw()).isEqualTo(10);
        assertThat(p.costBasis()).isEqualTo(usd("1000"));
        assertThat(p.realizedPnl()).isEqualTo(usd("0"));
        assertThat(p.fees()).isEqualTo(usd("1"));
        assertThat(p.fillCount()).isEqualTo(1);
        assertThat(p.toString()).isEqualTo("AAPL.NASDAQ LONG 10 @ 100.000000 realized=0.00 USD");
    }

    @Test
    void aShortBeyondTheSizeRangeIsRefused() {
        // At a zero price (allowed for futures) the cost basis cannot overflow first.
        Position p = new Position(ES);
        Quantity max = Quantity.ofRaw(Long.MAX_VALUE, ES.sizePrecision());
        p.apply(new Fill(ClientOrderId.of("o"), "t", ES, Side.SELL, Price.of("0"), max, usd("0"), T));
        assertThatThrownBy(() -> p.apply(fill(ES, Side.SELL, "1", "0", "0"))).isInstanceOf(ArithmeticException.class);
        assertThat(p.netRaw()).isEqualTo(-Long.MAX_VALUE);
        assertThat(p.quantity()).isEqualTo(max);
        assertThat(p.fillCount()).isEqualTo(1);
    }
}
