package dev.tradingsdk.brokers.paper;

import dev.tradingsdk.brokers.BrokerGateway;
import dev.tradingsdk.brokers.OrderGatewayContract;
import dev.tradingsdk.brokers.TestInstruments;
import dev.tradingsdk.core.gateway.OrderGateway;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.order.BracketOrder;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;

/** The gateway contract on the paper broker. */
class PaperBrokerContractTest extends OrderGatewayContract {

    private final Instrument aapl = TestInstruments.aapl("SIM");

    @Override
    protected OrderGateway gateway() {
        return BrokerGateway.of(PaperBroker.builder().initialCash(Money.of("100000", Currency.USD)).build());
    }

    @Override
    protected OrderRequest restingOrder(ClientOrderId id) {
        return OrderRequest.buy(aapl).clientOrderId(id).quantity("10").limit("100.00").build();
    }

    @Override
    protected OrderRequest refusedOrder(ClientOrderId id) {
        return OrderRequest.buy(aapl).clientOrderId(id).quantity("5000").limit("100.00").build();
    }

    @Override
    protected BracketOrder restingBracket(ClientOrderId entry, ClientOrderId takeProfit, ClientOrderId stopLoss) {
        OrderRequest e = OrderRequest.buy(aapl).clientOrderId(entry).quantity("10").limit("100.00").build();
        OrderRequest tp = OrderRequest.sell(aapl).clientOrderId(takeProfit).quantity("10").limit("120.00")
                .reduceOnly(true).build();
        OrderRequest sl = OrderRequest.sell(aapl).clientOrderId(stopLoss).quantity("10").stop("90.00")
                .reduceOnly(true).build();
        return new BracketOrder(e, tp, sl);
    }

    static Price price(String text) {
        return Price.of(text);
    }
}
