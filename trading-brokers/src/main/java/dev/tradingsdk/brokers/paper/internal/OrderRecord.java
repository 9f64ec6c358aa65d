package dev.tradingsdk.brokers.paper.internal;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.OrderType;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.order.TimeInForce;
import java.time.Instant;

/** An order request in the paper journal; prices and sizes as exact decimal text. */
public record OrderRecord(String clientOrderId, String symbol, String venue, String side, String type,
                          String timeInForce, String quantity, String limitPrice, String stopPrice, String expireAt,
                          boolean reduceOnly, boolean postOnly) {

    public static OrderRecord of(OrderRequest r) {
        return new OrderRecord(r.clientOrderId().value(), r.instrument().symbol(), r.instrument().venue().name(),
                r.side().name(), r.type().name(), r.timeInForce().name(), r.quantity().toString(),
                r.limitPrice().map(Object::toString).orElse(null), r.stopPrice().map(Object::toString).orElse(null),
                r.expireAt().map(Instant::toString).orElse(null), r.reduceOnly(), r.postOnly());
    }

    public OrderRequest toRequest(Instrument instrument) {
        OrderRequest.Builder b = OrderRequest.builder(instrument, Side.valueOf(side)).clientOrderId(clientOrderId)
                .type(OrderType.valueOf(type)).timeInForce(TimeInForce.valueOf(timeInForce)).quantity(quantity)
                .reduceOnly(reduceOnly).postOnly(postOnly);
        if (limitPrice != null) {
            b.limit(limitPrice);
        }
        if (stopPrice != null) {
            b.stop(stopPrice);
        }
        if (expireAt != null) {
            b.goodTill(Instant.parse(expireAt));
        }
        return b.build();
    }
}
