package dev.tradingsdk.brokers.alpaca;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tradingsdk.brokers.BrokerContract;
import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.Credentials;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.TimeInForce;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.testkit.AccountViewContract;
import dev.tradingsdk.testkit.OrderGatewayContract;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The test kit's gateway and account contracts and the broker contract on Alpaca, against a stateful Alpaca on loopback. */
class AlpacaContractTest {

    static final Instrument AAPL = AlpacaBroker.usEquity("AAPL");
    private MockWebServer server;

    private OrderGateway newGateway() {
        server = new MockWebServer();
        server.setDispatcher(new FakeAlpaca(FakeAlpaca.KEY_ID, JsonNodeFactory.instance.arrayNode()));
        return BrokerGateway.of(AlpacaBroker.builder().baseUrl(server.url("/").toString())
                .credentials(Credentials.of(FakeAlpaca.KEY_ID, FakeAlpaca.SECRET)).retryPolicy(RetryPolicy.none())
                .build());
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.shutdown();
        }
    }

    private static OrderRequest resting(ClientOrderId id) {
        return OrderRequest.buy(AAPL).clientOrderId(id).quantity("10").limit("150.00").timeInForce(TimeInForce.DAY)
                .build();
    }

    @Nested
    class Gateway extends OrderGatewayContract {

        @Override
        protected OrderGateway newGateway() {
            return AlpacaContractTest.this.newGateway();
        }

        @Override
        protected Instrument instrument() {
            return AAPL;
        }

        @Override
        protected OrderRequest restingBuy(ClientOrderId id) {
            return resting(id);
        }

        /** The loopback Alpaca fills market orders at once. */
        @Override
        protected OrderRequest fillingBuy(ClientOrderId id) {
            return OrderRequest.buy(AAPL).clientOrderId(id).quantity("10").market().timeInForce(TimeInForce.DAY)
                    .build();
        }
    }

    /** The account contract on a fresh cash account whose positions move with its fills (market orders fill at once). */
    @Nested
    class Account extends AccountViewContract {
        private BrokerGateway gateway;

        @Override
        protected AccountView newAccount() {
            server = new MockWebServer();
            server.setDispatcher(new FakeAlpaca(FakeAlpaca.KEY_ID, JsonNodeFactory.instance.arrayNode())
                    .booksFills().cashAccount("100000"));
            gateway = BrokerGateway.of(AlpacaBroker.builder().baseUrl(server.url("/").toString())
                    .credentials(Credentials.of(FakeAlpaca.KEY_ID, FakeAlpaca.SECRET))
                    .retryPolicy(RetryPolicy.none()).build());
            return gateway;
        }

        @Override
        protected Instrument instrument() {
            return AAPL;
        }

        @Override
        protected void buy(Quantity quantity) {
            gateway.submit(OrderRequest.buy(AAPL).clientOrderId(gateway.broker().nextClientOrderId())
                    .quantity(quantity).market().timeInForce(TimeInForce.DAY).build());
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
            return newGateway();
        }

        @Override
        protected OrderRequest restingOrder(ClientOrderId id) {
            return resting(id);
        }

        /** The loopback Alpaca answers a sell of 1000 or more with the vectors' insufficient-qty 403. */
        @Override
        protected OrderRequest refusedOrder(ClientOrderId id) {
            return OrderRequest.sell(AAPL).clientOrderId(id).quantity("1000").limit("150.00").build();
        }

        @Override
        protected BracketOrder restingBracket(ClientOrderId entry, ClientOrderId takeProfit, ClientOrderId stopLoss) {
            OrderRequest e = OrderRequest.buy(AAPL).clientOrderId(entry).quantity("10").limit("190.50").build();
            OrderRequest tp = OrderRequest.sell(AAPL).clientOrderId(takeProfit).quantity("10").limit("201.00")
                    .reduceOnly(true).build();
            OrderRequest sl = OrderRequest.sell(AAPL).clientOrderId(stopLoss).quantity("10").stop("182.50")
                    .limit("182.00").reduceOnly(true).build();
            return new BracketOrder(e, tp, sl);
        }
    }
}
