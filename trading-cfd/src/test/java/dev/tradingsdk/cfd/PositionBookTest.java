package dev.tradingsdk.cfd;

import static dev.tradingsdk.cfd.TestInstruments.BTC;
import static dev.tradingsdk.cfd.TestInstruments.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderStatus;
import dev.tradingsdk.core.time.SimulatedClock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionBookTest {

    @Test
    void handComputedRevaluation() {
        // prices at 2 decimals, sizes at 4: money at 6
        PositionBook book = new PositionBook(2, 2, 4, 2, 4);
        book.setCash(0, 1_000_000_000L);                   // 1000.000000
        book.setCash(1, 500_000_000L);                     // 500.000000
        book.add(0, 0, 1_000, 4_000_000);                  // long 0.1 @ 40 000.00
        book.add(0, 1, -20_000, 200_000);                  // short 2 @ 2000.00
        book.add(1, 0, -5_000, 4_100_000);                 // short 0.5 @ 41 000.00
        book.add(0, 1, 10_000, 180_000);                   // account 0 again, not grouped: long 1 @ 1800.00
        book.revalue(new long[] {4_050_000, 190_000}, new long[] {4_051_000, 190_100});
        // account 0: 1000 + 0.1 × (40 500 − 40 000) + (−2) × (1901 − 2000) + 1 × (1900 − 1800) = 1348
        assertThat(book.equityRaw(0)).isEqualTo(1_348_000_000L);
        // account 1: 500 + (−0.5) × (40 510 − 41 000) = 745
        assertThat(book.equityRaw(1)).isEqualTo(745_000_000L);
        assertThat(book.moneyPrecision()).isEqualTo(6);
    }

    @Test
    void agreesWithCfdAccountsAndABigDecimalCalculation() {
        Random random = new Random(42);
        List<Instrument> instruments = List.of(BTC, ETH);
        int accounts = 5;
        SimulatedClock clock = new SimulatedClock();
        PositionBook book = new PositionBook(accounts, 2, 100, 2, 4);
        CfdAccount[] cfd = new CfdAccount[accounts];
        long[] entryBid = {4_000_000, 200_000};
        for (int a = 0; a < accounts; a++) {
            cfd[a] = CfdAccount.builder("a" + a, Money.of("100000", Currency.USD)).clock(clock)
                    .terms(CfdTerms.builder().leverageLimits(LeverageLimits.uniform(100)).build()).build();
            book.setCash(a, 100_000_000_000L);
            for (int i = 0; i < 2; i++) {
                Instrument instrument = instruments.get(i);
                Price price = Price.ofRaw(entryBid[i], 2);
                cfd[a].mark(instrument, price, price);
                long sizeRaw = (random.nextInt(2000) + 1) * 10L * (random.nextBoolean() ? 1L : -1L);
                Quantity size = Quantity.ofRaw(Math.abs(sizeRaw), 4);
                OrderRequest order = sizeRaw > 0 ? OrderRequest.buy(instrument).quantity(size).build()
                        : OrderRequest.sell(instrument).quantity(size).build();
                assertThat(cfd[a].submit(order).status()).isEqualTo(OrderStatus.FILLED);
                book.add(a, i, sizeRaw, entryBid[i]);
            }
        }
        long[] bid = {3_712_345, 231_017};
        long[] ask = {3_713_000, 231_100};
        book.revalue(bid, ask);
        for (int a = 0; a < accounts; a++) {
            cfd[a].markAll(List.of(
                    new dev.tradingsdk.core.market.Quote(BTC, clock.now(), Price.ofRaw(bid[0], 2), Quantity.of("0"),
                            Price.ofRaw(ask[0], 2), Quantity.of("0")),
                    new dev.tradingsdk.core.market.Quote(ETH, clock.now(), Price.ofRaw(bid[1], 2), Quantity.of("0"),
                            Price.ofRaw(ask[1], 2), Quantity.of("0"))));
            BigDecimal expected = BigDecimal.valueOf(100_000);
            for (var p : cfd[a].positions()) {
                int i = instruments.indexOf(p.instrument());
                BigDecimal net = p.netQuantity();
                BigDecimal mark = BigDecimal.valueOf(net.signum() > 0 ? bid[i] : ask[i], 2);
                expected = expected.add(mark.subtract(BigDecimal.valueOf(entryBid[i], 2)).multiply(net));
            }
            BigDecimal fromBook = BigDecimal.valueOf(book.equityRaw(a), book.moneyPrecision());
            assertThat(fromBook).isEqualByComparingTo(expected);
            assertThat(fromBook).isEqualByComparingTo(cfd[a].equity().toBigDecimal());
        }
    }

    @Test
    void refusesBadInputAndOverflow() {
        assertThatThrownBy(() -> new PositionBook(1, 1, 1, 5, 5)).hasMessageContaining("5 + 5");
        PositionBook book = new PositionBook(1, 1, 1, 2, 0);
        assertThatThrownBy(() -> book.add(1, 0, 1, 1)).hasMessageContaining("account index 1");
        assertThatThrownBy(() -> book.add(0, 0, 1, 0)).hasMessageContaining("entryPriceRaw");
        book.add(0, 0, Long.MAX_VALUE / 2, 1);
        assertThatThrownBy(() -> book.add(0, 0, 1, 1)).hasMessageContaining("full");
        assertThatThrownBy(() -> book.revalue(new long[] {10}, new long[] {10}))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aRefusedRevaluationLeavesMarksAndEquitiesAsTheyWere() {
        PositionBook book = new PositionBook(2, 2, 2, 2, 0);
        book.add(0, 0, 1, 100);                            // account 0: long 1 @ 1.00
        book.add(1, 1, Long.MAX_VALUE / 4, 1);             // account 1: long a lot @ 0.01
        book.revalue(new long[] {100, 1}, new long[] {100, 1});
        assertThat(book.equitiesRaw()).containsExactly(0, 0);

        // account 0 revalues fine (+1.00), account 1 overflows: neither equity changes
        assertThatThrownBy(() -> book.revalue(new long[] {200, 10}, new long[] {200, 10}))
                .isInstanceOf(ArithmeticException.class);
        assertThat(book.equitiesRaw()).containsExactly(0, 0);

        assertThatThrownBy(() -> book.revalue(new long[] {200, 0}, new long[] {200, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instrument 1")
                .hasMessageContaining("bid=0");
        assertThatThrownBy(() -> book.revalue(new long[] {201, 1}, new long[] {200, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instrument 0")
                .hasMessageContaining("bid=201 ask=200");
        assertThat(book.equitiesRaw()).containsExactly(0, 0);

        // the marks were not half-applied either: the next good revaluation uses only its own prices
        book.revalue(new long[] {150, 1}, new long[] {150, 1});
        assertThat(book.equitiesRaw()).containsExactly(50, 0);
    }
}
