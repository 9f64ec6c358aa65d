package dev.tradingsdk.testkit;

import dev.tradingsdk.core.backtest.SimulatedVenue;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Portfolio;
import dev.tradingsdk.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;

/** The simulated venue (and its portfolio) keep the gateway and account contracts. */
class SimulatedVenueContractTest {

    static final Instrument BTC = Instrument.builder("BTCUSD", Venue.SIM).assetClass(AssetClass.CRYPTO)
            .quoteCurrency(Currency.USD).pricePrecision(2).sizePrecision(3).build();

    /** A venue with a 100.00 / 100.10 market that moves one second per settle. */
    static final class Market {
        final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-05T00:00:00Z"));
        final Portfolio portfolio = new Portfolio("contract", Money.of("100000", Currency.USD));
        final SimulatedVenue venue = SimulatedVenue.builder().build(portfolio, clock);

        void tick() {
            clock.setTime(clock.now().plus(Duration.ofSeconds(1)));
            venue.onMarketEvent(new Quote(BTC, clock.now(), Price.of("100.00"), Quantity.of("50.000"),
                    Price.of("100.10"), Quantity.of("50.000")));
        }
    }

    @Nested
    class Gateway extends OrderGatewayContract {
        private Market market;

        @Override
        protected OrderGateway newGateway() {
            market = new Market();
            market.tick();
            return market.venue;
        }

        @Override
        protected Instrument instrument() {
            return BTC;
        }

        @Override
        protected OrderRequest restingBuy(ClientOrderId id) {
            return OrderRequest.buy(BTC).clientOrderId(id).quantity("0.010").limit("50.00").build();
        }

        @Override
        protected OrderRequest fillingBuy(ClientOrderId id) {
            return OrderRequest.buy(BTC).clientOrderId(id).quantity("0.500").market().build();
        }

        @Override
        protected void settle() {
            market.tick();
        }

        @Override
        protected boolean threadSafe() {
            return false;
        }
    }

    @Nested
    class Account extends AccountViewContract {
        private Market market;

        @Override
        protected AccountView newAccount() {
            market = new Market();
            market.tick();
            return market.portfolio;
        }

        @Override
        protected Instrument instrument() {
            return BTC;
        }

        @Override
        protected void buy(Quantity quantity) {
            market.venue.submit(OrderRequest.buy(BTC).quantity(quantity).market().build());
            market.tick();
        }

        @Override
        protected Quantity tradeSize() {
            return Quantity.of("1.000");
        }
    }
}
