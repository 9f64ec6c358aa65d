package dev.tradingsdk.brokers.alpaca;

import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.Credentials;
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

/** The gateway contract on Alpaca, against a stateful Alpaca on MockWebServer. */
class AlpacaContractTest extends OrderGatewayContract {

    private final Instrument aapl = AlpacaBroker.usEquity("AAPL");
    private MockWebServer server;

    @Override
    protected OrderGateway gateway() {
        server = new MockWebServer();
        server.setDispatcher(new FakeAlpaca());
        AlpacaBroker broker = AlpacaBroker.builder().baseUrl(server.url("/").toString())
                .dataUrl(server.url("/").toString())
                .credentials(Credentials.of(FakeAlpaca.KEY_ID, FakeAlpaca.SECRET))
                .retryPolicy(RetryPolicy.none()).build();
        return BrokerGateway.of(broker);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Override
    protected OrderRequest restingOrder(ClientOrderId id) {
        return OrderRequest.buy(aapl).clientOrderId(id).quantity("10").limit("150.00")
                .timeInForce(dev.tradingsdk.core.order.TimeInForce.DAY).build();
    }

    @Override
    protected OrderRequest refusedOrder(ClientOrderId id) {
        return OrderRequest.sell(aapl).clientOrderId(id).quantity("1000").limit("150.00").build();
    }

    @Override
    protected BracketOrder restingBracket(ClientOrderId entry, ClientOrderId takeProfit, ClientOrderId stopLoss) {
        OrderRequest e = OrderRequest.buy(aapl).clientOrderId(entry).quantity("10").limit("190.50").build();
        OrderRequest tp = OrderRequest.sell(aapl).clientOrderId(takeProfit).quantity("10").limit("201.00")
                .reduceOnly(true).build();
        OrderRequest sl = OrderRequest.sell(aapl).clientOrderId(stopLoss).quantity("10").stop("182.50")
                .limit("182.00").reduceOnly(true).build();
        return new BracketOrder(e, tp, sl);
    }
}
