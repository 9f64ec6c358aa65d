package dev.tradingsdk.brokers.ibkr;

import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.OrderGatewayContract;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;

/** The gateway contract on the IBKR adapter, against a stateful gateway on MockWebServer. */
class IbkrContractTest extends OrderGatewayContract {

    private final Instrument aapl = IbkrClientPortalBroker.usStock("AAPL");
    private MockWebServer server;

    @Override
    protected OrderGateway gateway() {
        server = new MockWebServer();
        server.setDispatcher(new FakeIbkr());
        return BrokerGateway.of(IbkrClientPortalBroker.builder().baseUrl(server.url("/v1/api").toString())
                .contract("AAPL", 265598).retryPolicy(RetryPolicy.none()).build());
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Override
    protected OrderRequest restingOrder(ClientOrderId id) {
        return OrderRequest.buy(aapl).clientOrderId(id).quantity("10").limit("150.00").build();
    }

    /** 1000 shares make the gateway ask the o163 question, which is not allowlisted here. */
    @Override
    protected OrderRequest refusedOrder(ClientOrderId id) {
        return OrderRequest.buy(aapl).clientOrderId(id).quantity("1000").limit("150.00").build();
    }

    @Override
    protected BracketOrder restingBracket(ClientOrderId entry, ClientOrderId takeProfit, ClientOrderId stopLoss) {
        OrderRequest e = OrderRequest.buy(aapl).clientOrderId(entry).quantity("10").limit("150.00").build();
        OrderRequest tp = OrderRequest.sell(aapl).clientOrderId(takeProfit).quantity("10").limit("160.00")
                .reduceOnly(true).build();
        OrderRequest sl = OrderRequest.sell(aapl).clientOrderId(stopLoss).quantity("10").stop("140.00")
                .reduceOnly(true).build();
        return new BracketOrder(e, tp, sl);
    }
}
