package dev.tradingsdk.core.portfolio;

import static dev.tradingsdk.core.TestInstruments.AAPL;
import static dev.tradingsdk.core.TestInstruments.BTC;
import static dev.tradingsdk.core.TestInstruments.ES;
import static dev.tradingsdk.core.portfolio.PositionTest.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.Side;
import org.junit.jupiter.api.Test;

class PortfolioTest {

    private static Money usd(String amount) {
        return Money.of(amount, Currency.USD);
    }

    @Test
    void cashAndEquityThroughARoundTrip() {
        Portfolio portfolio = new Portfolio("acct-1", usd("10000"));
        assertThat(portfolio.accountId()).isEqualTo("acct-1");
        assertThat(portfolio.currency()).isEqualTo(Currency.USD);
        assertThat(portfolio.equity()).isEqualTo(usd("10000"));

        portfolio.apply(fill(AAPL, Side.BUY, "10", "100.00", "1.00"));
        assertThat(portfolio.cash()).isEqualTo(usd("8999"));
        assertThat(portfolio.markOf(AAPL.id())).contains(Price.of("100"));
        assertThat(portfolio.equity()).isEqualTo(usd("9999"));
        assertThat(portfolio.positions()).hasSize(1);

        portfolio.mark(AAPL, Price.of("110.00"));
        assertThat(portfolio.equity()).isEqualTo(usd("10099"));
        assertThat(portfolio.unrealizedPnl()).isEqualTo(usd("100"));
        assertThat(portfolio.marginAvailable()).isEqualTo(portfolio.cash());
        assertThat(portfolio.marginUsed()).isEqualTo(usd("0"));

        portfolio.apply(fill(AAPL, Side.SELL, "10", "110.00", "1.00"));
        assertThat(portfolio.cash()).isEqualTo(usd("10098"));
        assertThat(portfolio.equity()).isEqualTo(usd("10098"));
        assertThat(portfolio.realizedPnl()).isEqualTo(usd("100"));
        assertThat(portfolio.unrealizedPnl()).isEqualTo(usd("0"));
        assertThat(portfolio.fees()).isEqualTo(usd("2"));
        assertThat(portfolio.positions()).isEmpty();
        assertThat(portfolio.position(AAPL.id())).hasValueSatisfying(p -> assertThat(p.isFlat()).isTrue());
        // Equity moved by exactly realized P&L minus fees.
        assertThat(portfolio.equity()).isEqualTo(usd("10000").plus(portfolio.realizedPnl()).minus(portfolio.fees()));
    }

    @Test
    void shortsAndSeveralInstruments() {
        Portfolio portfolio = new Portfolio("acct-2", usd("100000"));
        portfolio.apply(fill(AAPL, Side.SELL, "5", "100.00", "0"));
        portfolio.apply(fill(BTC, Side.BUY, "0.5", "60000.00", "3.00"));
        portfolio.apply(fill(ES, Side.BUY, "1", "5000.00", "2.00"));
        assertThat(portfolio.cash()).isEqualTo(usd("100000").plus(usd("500")).minus(usd("30003"))
                .minus(usd("250002")));
        portfolio.mark(AAPL, Price.of("90"));
        portfolio.mark(BTC, Price.of("62000"));
        portfolio.mark(ES, Price.of("4990.00"));
        // +50 on the short, +1000 on BTC, -500 on ES.
        assertThat(portfolio.unrealizedPnl()).isEqualTo(usd("550"));
        assertThat(portfolio.equity()).isEqualTo(usd("100000").plus(usd("550")).minus(usd("5")));
        assertThat(portfolio.positions()).extracting(Position::instrument).containsExactly(AAPL, BTC, ES);
        assertThat(portfolio.toString()).startsWith("Portfolio[acct-2 cash=-179505.0").endsWith(" USD positions=3]");
    }

    @Test
    void depositsAndWithdrawals() {
        Portfolio portfolio = new Portfolio("acct-3", usd("100"));
        portfolio.deposit(usd("50.25"));
        portfolio.deposit(usd("-20"));
        assertThat(portfolio.cash()).isEqualTo(usd("130.25"));
        assertThatThrownBy(() -> portfolio.deposit(Money.of("1", Currency.EUR)))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThat(portfolio.cash()).isEqualTo(usd("130.25"));
    }

    @Test
    void refusedFillsChangeNothing() {
        Instrument euroStock = Instrument.builder("SAP", Venue.of("XETRA")).assetClass(AssetClass.EQUITY)
                .quoteCurrency(Currency.EUR).pricePrecision(2).sizePrecision(0).build();
        Portfolio portfolio = new Portfolio("acct-4", usd("1000"));
        assertThatThrownBy(() -> portfolio.apply(fill(euroStock, Side.BUY, "1", "200", "0")))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> portfolio.apply(fill(AAPL, Side.BUY, "1.5", "100", "0")))
                .isInstanceOf(ArithmeticException.class);
        assertThat(portfolio.cash()).isEqualTo(usd("1000"));
        assertThat(portfolio.position(AAPL.id())).isEmpty();
        assertThat(portfolio.markOf(AAPL.id())).isEmpty();
        assertThat(portfolio.positions()).isEmpty();
        assertThat(portfolio.equity()).isEqualTo(usd("1000"));
    }
}
