package dev.tradingsdk.core.portfolio;

import static dev.tradingsdk.core.TestInstruments.AAPL;
import static dev.tradingsdk.core.TestInstruments.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Side;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionLedgerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static Fill fill(Instrument instrument, Side side, String quantity, String price, String fee,
                             int minute) {
        return new Fill(ClientOrderId.of("o-" + minute), "t-" + minute, instrument, side, Price.of(price),
                Quantity.of(quantity), Money.of(fee, instrument.quoteCurrency()), T0.plusSeconds(60L * minute));
    }

    private static Money usd(String amount) {
        return Money.of(amount, Currency.USD);
    }

    @Test
    void aPartialCloseRealizesButClosesNoTripTheLastCloseClosesOne() {
        PositionLedger ledger = new PositionLedger("acc");
        assertThat(ledger.book(fill(AAPL, Side.BUY, "10", "100.00", "1.00", 0)).closedTrade()).isEmpty();
        assertThat(ledger.book(fill(AAPL, Side.BUY, "10", "110.00", "1.00", 1)).closedTrade()).isEmpty();

        // sell 5 @ 120 releases 5/20 of 2100 = 525 against 600: +75, the trip stays open
        PositionLedger.Booking partial = ledger.book(fill(AAPL, Side.SELL, "5", "120.00", "0.50", 2));
        assertThat(partial.realizedPnl()).isEqualTo(usd("75"));
        assertThat(partial.closedTrade()).isEmpty();

        // sell 15 @ 100 releases 1575 against 1500: -75; the trip closes
        PositionLedger.Booking last = ledger.book(fill(AAPL, Side.SELL, "15", "100.00", "0.50", 3));
        assertThat(last.realizedPnl()).isEqualTo(usd("-75"));
        ClosedTrade trip = last.closedTrade().orElseThrow();
        assertThat(trip.accountId()).isEqualTo("acc");
        assertThat(trip.side()).isEqualTo(PositionSide.LONG);
        assertThat(trip.entryTime()).isEqualTo(T0);
        assertThat(trip.exitTime()).isEqualTo(T0.plusSeconds(180));
        assertThat(trip.entryPrice()).isEqualTo(Price.of("105"));          // (10 × 100 + 10 × 110) / 20
        assertThat(trip.exitPrice()).isEqualTo(Price.of("105"));           // (5 × 120 + 15 × 100) / 20
        assertThat(trip.quantity()).isEqualTo(Quantity.of("20"));
        assertThat(trip.grossPnl()).isEqualTo(usd("0"));                   // +75 − 75
        assertThat(trip.fees()).isEqualTo(usd("3.00"));
        assertThat(trip.netPnl()).isEqualTo(usd("-3.00"));
        assertThat(ledger.netRaw(AAPL.id())).isZero();
    }

    @Test
    void aFlipClosesOneTripAndOpensTheNextAtTheFillPrice() {
        PositionLedger ledger = new PositionLedger("acc");
        ledger.book(fill(AAPL, Side.BUY, "10", "100.00", "1.00", 0));

        // sell 25 @ 110: closes the long 10 (+100) and opens a short 15 @ 110; the whole fee is the long's
        ClosedTrade longTrip = ledger.book(fill(AAPL, Side.SELL, "25", "110.00", "2.50", 1)).closedTrade()
                .orElseThrow();
        assertThat(longTrip.side()).isEqualTo(PositionSide.LONG);
        assertThat(longTrip.quantity()).isEqualTo(Quantity.of("10"));
        assertThat(longTrip.exitPrice()).isEqualTo(Price.of("110"));
        assertThat(longTrip.grossPnl()).isEqualTo(usd("100"));
        assertThat(longTrip.fees()).isEqualTo(usd("3.50"));
        assertThat(longTrip.netPnl()).isEqualTo(usd("96.50"));

        // buy 15 @ 100 closes the short: +150, its only fee is this fill's
        ClosedTrade shortTrip = ledger.book(fill(AAPL, Side.BUY, "15", "100.00", "1.50", 2)).closedTrade()
                .orElseThrow();
        assertThat(shortTrip.side()).isEqualTo(PositionSide.SHORT);
        assertThat(shortTrip.entryTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(shortTrip.entryPrice()).isEqualTo(Price.of("110"));
        assertThat(shortTrip.quantity()).isEqualTo(Quantity.of("15"));
        assertThat(shortTrip.grossPnl()).isEqualTo(usd("150"));
        assertThat(shortTrip.fees()).isEqualTo(usd("1.50"));
        assertThat(shortTrip.netPnl()).isEqualTo(usd("148.50"));
    }

    @Test
    void previewChangesNothingAndAFillThatCannotBeBookedLeavesTheLedgerAsItWas() {
        PositionLedger ledger = new PositionLedger("acc");
        ledger.book(fill(BTC, Side.BUY, "1", "100.00", "0", 0));
        PositionLedger.Booking preview = ledger.preview(fill(BTC, Side.SELL, "1", "150.00", "0", 1));
        assertThat(preview.realizedPnl()).isEqualTo(usd("50"));
        assertThat(preview.closedTrade()).isPresent();
        assertThat(ledger.netRaw(BTC.id())).isEqualTo(1000);

        Fill huge = fill(BTC, Side.BUY, "9223372036854775.000", "1", "0", 2); // the net size would overflow
        assertThatThrownBy(() -> ledger.book(huge)).isInstanceOf(ArithmeticException.class);
        assertThat(ledger.position(BTC.id()).orElseThrow().quantity()).isEqualTo(Quantity.of("1.000"));
        // the trip opened by the first fill is intact: closing now closes it whole
        ClosedTrade trip = ledger.book(fill(BTC, Side.SELL, "1", "120.00", "0", 3)).closedTrade().orElseThrow();
        assertThat(trip.entryTime()).isEqualTo(T0);
        assertThat(trip.grossPnl()).isEqualTo(usd("20"));
    }

    @Test
    void aPortfolioCollectsItsClosedTrips() {
        Portfolio portfolio = new Portfolio("acc", usd("10000"));
        assertThat(portfolio.apply(fill(AAPL, Side.BUY, "10", "100.00", "1.00", 0))).isEmpty();
        assertThat(portfolio.apply(fill(AAPL, Side.SELL, "4", "105.00", "1.00", 1))).isEmpty();
        assertThat(portfolio.apply(fill(AAPL, Side.SELL, "6", "95.00", "1.00", 2))).isPresent();
        assertThat(portfolio.closedTrades()).singleElement().satisfies(t -> {
            assertThat(t.grossPnl()).isEqualTo(usd("-10"));                 // +20 − 30
            assertThat(t.netPnl()).isEqualTo(usd("-13.00"));
        });
        assertThat(portfolio.cash()).isEqualTo(usd("9987.00"));
    }
}
