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
    void flatArraysOfOpenPositionsAgreeWithThePositionCopies() {
        Portfolio portfolio = new Portfolio("acct-5", usd("100000"));
        portfolio.apply(fill(AAPL, Side.SELL, "5", "100.00", "0"));
        portfolio.apply(fill(BTC, Side.BUY, "0.5", "60000.00", "3.00"));
        portfolio.apply(fill(ES, Side.BUY, "1", "5000.00", "2.00"));
        portfolio.apply(fill(BTC, Side.SELL, "0.5", "61000.00", "3.00"));
        assertThat(portfolio.netRaw(AAPL.id())).isEqualTo(-5);
        assertThat(portfolio.netRaw(BTC.id())).as("flat").isZero();
        assertThat(portfolio.netRaw(ETH_NEVER_TRADED.id())).isZero();

        Instrument[] instruments = new Instrument[1];
        long[] nets = new long[1];
        Money[] costs = new Money[1];
        assertThat(portfolio.openPositions(instruments, nets, costs)).as("two open, one written").isEqualTo(2);
        assertThat(instruments[0]).isEqualTo(AAPL);

        instruments = new Instrument[4];
        nets = new long[4];
        costs = new Money[4];
        int n = portfolio.openPositions(instruments, nets, costs);
        java.util.List<Position> copies = portfolio.positions();
        assertThat(n).isEqualTo(copies.size()).isEqualTo(2);
        for (int i = 0; i < n; i++) {
            assertThat(instruments[i]).isEqualTo(copies.get(i).instrument());
            assertThat(nets[i]).isEqualTo(copies.get(i).netRaw());
            assertThat(costs[i]).isEqualTo(copies.get(i).costBasis());
        }
        // The interface's defaults (read through positions()) give the same answers.
        AccountView viaDefaults = new AccountView() {
            @Override public String accountId() { return portfolio.accountId(); }
            @Override public Currency currency() { return portfolio.currency(); }
            @Override public Money cash() { return portfolio.cash(); }
            @Override public Money equity() { return portfolio.equity(); }
            @Override public Money marginUsed() { return portfolio.marginUsed(); }
            @Override public Money marginAvailable() { return portfolio.marginAvailable(); }
            @Override public Money realizedPnl() { return portfolio.realizedPnl(); }
            @Override public Money unrealizedPnl() { return portfolio.unrealizedPnl(); }
            @Override public java.util.List<Position> positions() { return portfolio.positions(); }
            @Override public java.util.Optional<Position> position(dev.tradingsdk.core.instrument.InstrumentId id) {
                return portfolio.position(id);
            }
        };
        Instrument[] defaultInstruments = new Instrument[4];
        long[] defaultNets = new long[4];
        Money[] defaultCosts = new Money[4];
        assertThat(viaDefaults.openPositions(defaultInstruments, defaultNets, defaultCosts)).isEqualTo(n);
        assertThat(defaultInstruments).containsExactly(instruments);
        assertThat(defaultNets).containsExactly(nets);
        assertThat(defaultCosts).containsExactly(costs);
        assertThat(viaDefaults.netRaw(AAPL.id())).isEqualTo(-5);
        assertThat(viaDefaults.netRaw(ETH_NEVER_TRADED.id())).isZero();
    }

    private static final Instrument ETH_NEVER_TRADED = Instrument.builder("ETH-USD", Venue.SIM)
            .assetClass(AssetClass.CRYPTO).quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(4).build();

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
