package dev.tradingsdk.brokers.paper;

import dev.tradingsdk.brokers.BrokerContract;
import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.TestInstruments;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Quote;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.time.SimulatedClock;
import dev.tradingsdk.testkit.AccountViewContract;
import dev.tradingsdk.testkit.OrderGatewayContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;

/** The test kit's gateway and account contracts, and the broker contract, on the paper broker. */
class PaperBrokerContractTest {

    static final Instrument AAPL = TestInstruments.aapl("SIM");

    /** A paper broker on a 99.90 / 100.10 market that moves one second per tick. */
    static final class Market {
        final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-02T14:30:00Z"));
        final PaperBroker broker = PaperBroker.builder().initialCash(Money.of("100000", Currency.USD)).clock(clock)
                .build();
        final BrokerGateway gateway = BrokerGateway.builder(broker).clock(clock).build();

        Market() {
            tick();
        }

        void tick() {
            clock.advance(Duration.ofSeconds(1));
            broker.onMarketEvent(new Quote(AAPL, clock.now(), Price.of("99.90"), Quantity.of("1000"),
                    Price.of("100.10"), Quantity.of("1000")));
        }
    }

    @Nested
    class Gateway extends OrderGatewayContract {
        private Market market;

        @Override
        protected OrderGateway newGateway() {
            market = new Market();
            return market.gateway;
        }

        @Override
        protected Instrument instrument() {
            return AAPL;
        }

        @Override
        protected OrderRequest restingBuy(ClientOrderId id) {
            return OrderRequest.buy(AAPL).clientOrderId(id).quantity("10").limit("50.00").build();
        }

        @Override
        protected OrderRequest fillingBuy(ClientOrderId id) {
            return OrderRequest.buy(AAPL).clientOrderId(id).quantity("10").market().build();
        }

        @Override
        protected void settle() {
            market.tick();
        }
    }

    @Nested
    class Account extends AccountViewContract {
        private Market market;

        @Override
        protected AccountView newAccount() {
            market = new Market();
            return market.gateway;
        }

        @Override
        protected Instrument instrument() {
            return AAPL;
        }

        @Override
        protected void buy(Quantity quantity) {
            market.gateway.submit(OrderRequest.buy(AAPL).clientOrderId(market.broker.nextClientOrderId())
                    .quantity(quantity).market().build());
            market.tick();
        }

        @Override
        protected Quantity tradeSize() {
            return Quantity.of("10");
        }
    }

    @Nested
    class Brokerage extends BrokerContract {

        @Override
        protected OrderGateway gateway() {
            return new Market().gateway;
        }

        @Override
        protected OrderRequest restingOrder(ClientOrderId id) {
            return OrderRequest.buy(AAPL).clientOrderId(id).quantity("10").limit("90.00").build();
        }

        @Override
        protected OrderRequest refusedOrder(ClientOrderId id) {
            return OrderRequest.buy(AAPL).clientOrderId(id).quantity("5000").limit("90.00").build();
        }

        @Override
        protected BracketOrder restingBracket(ClientOrderId entry, ClientOrderId takeProfit, ClientOrderId stopLoss) {
            OrderRequest e = OrderRequest.buy(AAPL).clientOrderId(entry).quantity("10").limit("90.00").build();
            OrderRequest tp = OrderRequest.sell(AAPL).clientOrderId(takeProfit).quantity("10").limit("120.00")
                    .reduceOnly(true).build();
            OrderRequest sl = OrderRequest.sell(AAPL).clientOrderId(stopLoss).quantity("10").stop("80.00")
                    .reduceOnly(true).build();
            return new BracketOrder(e, tp, sl);
        }
    }
}
