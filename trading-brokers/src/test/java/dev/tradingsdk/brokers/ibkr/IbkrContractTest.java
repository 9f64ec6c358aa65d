package dev.tradingsdk.brokers.ibkr;

import dev.tradingsdk.brokers.BrokerContract;
import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.testkit.OrderGatewayContract;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The test kit's gateway contract and the broker contract on the IBKR adapter, against a loopback gateway. */
class IbkrContractTest {

    static final Instrument AAPL = IbkrClientPortalBroker.usStock("AAPL");
    private MockWebServer server;

    private OrderGateway newGateway() {
        server = new MockWebServer();
        FakeIbkr fake = new FakeIbkr();
        fake.flat = true;
        server.setDispatcher(fake);
        return BrokerGateway.of(IbkrClientPortalBroker.builder().baseUrl(server.url("/v1/api").toString())
                .contract("AAPL", 265598).retryPolicy(RetryPolicy.none()).build());
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.shutdown();
        }
    }

    private static OrderRequest resting(ClientOrderId id) {
        return OrderRequest.buy(AAPL).clientOrderId(id).quantity("10").limit("150.00").build();
    }

    @Nested
    class Gateway extends OrderGatewayContract {

        @Override
        protected OrderGateway newGateway() {
            return IbkrContractTest.this.newGateway();
        }

        @Override
        protected Instrument instrument() {
            return AAPL;
        }

        @Override
        protected OrderRequest restingBuy(ClientOrderId id) {
            return resting(id);
        }

        /** The loopback gateway fills market orders at once. */
        @Override
        protected OrderRequest fillingBuy(ClientOrderId id) {
            return OrderRequest.buy(AAPL).clientOrderId(id).quantity("10").market().build();
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

        /** 1000 shares make the gateway ask the o163 question, which is not allowlisted here. */
        @Override
        protected OrderRequest refusedOrder(ClientOrderId id) {
            return OrderRequest.buy(AAPL).clientOrderId(id).quantity("1000").limit("150.00").build();
        }

        @Override
        protected BracketOrder restingBracket(ClientOrderId entry, ClientOrderId takeProfit, ClientOrderId stopLoss) {
            OrderRequest e = OrderRequest.buy(AAPL).clientOrderId(entry).quantity("10").limit("150.00").build();
            OrderRequest tp = OrderRequest.sell(AAPL).clientOrderId(takeProfit).quantity("10").limit("160.00")
                    .reduceOnly(true).build();
            OrderRequest sl = OrderRequest.sell(AAPL).clientOrderId(stopLoss).quantity("10").stop("140.00")
                    .reduceOnly(true).build();
            return new BracketOrder(e, tp, sl);
        }
    }
}
