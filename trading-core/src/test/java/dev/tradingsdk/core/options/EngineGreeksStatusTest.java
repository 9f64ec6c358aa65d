package dev.tradingsdk.core.options;

import static dev.tradingsdk.core.options.OptionsFixtures.CHAIN;
import static dev.tradingsdk.core.options.OptionsFixtures.ESZ6;
import static dev.tradingsdk.core.options.OptionsFixtures.T0;
import static dev.tradingsdk.core.options.OptionsFixtures.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsdk.core.backtest.MarketReplay;
import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.MarketEvent;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.strategy.AccountStatus;
import dev.tradingsdk.core.strategy.EngineMode;
import dev.tradingsdk.core.strategy.Strategy;
import dev.tradingsdk.core.strategy.StrategyContext;
import dev.tradingsdk.core.strategy.TradingEngine;
import dev.tradingsdk.core.time.EpochNanos;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An engine given a greeks book shows the greeks of an account holding options in its status, valued at the
 * engine's time and last prices; without options (or without a book) the status has none.
 */
class EngineGreeksStatusTest {

    /** Sells ten 5000 calls on the future's first quote. */
    private static final class ShortCalls implements Strategy {
        private boolean sold;

        @Override
        public void onStart(StrategyContext context) {
            context.marketData().subscribeAll();
        }

        @Override
        public void onEvent(MarketEvent event, StrategyContext context) {
            if (event.instrument().equals(ESZ6) && !sold) {
                sold = true;
                context.orders().submit(OrderRequest.sell(call(5000)).quantity("10").limit("110.00")
                        .clientOrderId("calls").build());
            }
        }
    }

    private static Quote quote(Instrument instrument, Instant at, String bid, String ask) {
        Quantity depth = Quantity.of("1000");
        return new Quote(instrument, at, Price.of(bid), depth, Price.of(ask), depth);
    }

    private static TradingEngine engine(Portfolio portfolio, GreeksBook book, List<MarketEvent> events) {
        TradingEngine.Builder builder = TradingEngine.builder().mode(EngineMode.REPLAY).clock(new SimulatedClock(T0))
                .feed("quotes", MarketReplay.of(List.of(events.iterator())))
                .simulatedAccount(portfolio, SimulatedVenue.builder()).strategy("calls", new ShortCalls());
        return (book == null ? builder : builder.greeks(book)).build();
    }

    @Test
    void theStatusCarriesTheGreeksOfAnAccountHoldingOptionsAtTheEnginesTimeAndLastPrices() {
        GreeksBook book = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
        book.volatilityOfAll(ESZ6, 0.20);
        Portfolio portfolio = new Portfolio("options", Money.of("1000000.00", Currency.USD));
        Instant last = T0.plusSeconds(2);
        TradingEngine engine = engine(portfolio, book, List.of(quote(ESZ6, T0, "5000.00", "5000.00"),
                quote(call(5000), T0.plusSeconds(1), "110.00", "110.00"),
                quote(ESZ6, last, "5010.00", "5020.00")));
        engine.run();
        assertThat(portfolio.position(call(5000).id()).orElseThrow().netRaw()).isEqualTo(-10);

        AccountStatus account = engine.status().account("options");
        GreeksSnapshot greeks = account.greeks().orElseThrow();

        // The same figures from a book priced by hand at the future's last mid and the engine's last time.
        GreeksBook byHand = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
        byHand.volatilityOfAll(ESZ6, 0.20);
        byHand.time(EpochNanos.of(last));
        byHand.price(ESZ6, 501_500);
        AccountGreeks expected = new AccountGreeks(byHand);
        expected.recompute(portfolio, EpochNanos.of(last));
        assertThat(greeks).isEqualTo(expected.snapshot());
        GreeksSnapshot.Underlying es = greeks.of("ES").orElseThrow();
        assertThat(es.complete()).isTrue();
        assertThat(es.netDelta()).as("ten short calls near the money").isBetween(-500.0 * 0.7, -500.0 * 0.3);
        assertThat(greeks.computedAtNanos()).isEqualTo(EpochNanos.of(last));
    }

    @Test
    void anAccountWithoutOptionsOrAnEngineWithoutABookShowsNoGreeks() {
        GreeksBook book = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
        Portfolio flat = new Portfolio("options", Money.of("1000000.00", Currency.USD));
        TradingEngine noOptions = engine(flat, book, List.of(quote(ESZ6, T0, "5000.00", "5000.00")));
        noOptions.run();
        assertThat(noOptions.status().account("options").greeks()).isEmpty();

        Portfolio holding = new Portfolio("options", Money.of("1000000.00", Currency.USD));
        TradingEngine noBook = engine(holding, null, List.of(quote(ESZ6, T0, "5000.00", "5000.00"),
                quote(call(5000), T0.plusSeconds(1), "110.00", "110.00")));
        noBook.run();
        assertThat(holding.positions()).hasSize(1);
        assertThat(noBook.status().account("options").greeks()).isEmpty();

        GreeksBook other = GreeksBook.builder().rate(0.05).chain(CHAIN).build();
        assertThatThrownBy(() -> TradingEngine.builder().greeks(book).greeks(other))
                .hasMessageContaining("greeks book already set");
    }
}
