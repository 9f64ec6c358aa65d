package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A V2 amend: new YES price and new <b>total</b> count (already filled plus the desired resting size) for one
 * order; ticker and side must repeat the order's. A price change or a size increase loses queue priority.
 *
 * @param clientOrderId        the order's current client order id, or null
 * @param updatedClientOrderId a new client order id for the amended order, or null
 */
public record OrderAmendment(String ticker, BookSide side, Price price, Quantity count, String clientOrderId,
                             String updatedClientOrderId) {

    public OrderAmendment {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(count, "count");
    }

    /** An amendment to YES price {@code price} and total count {@code count}. */
    public static OrderAmendment of(String ticker, BookSide side, String price, String count) {
        return new OrderAmendment(ticker, side, KalshiOrderRequest.parsePrice("price", price),
            KalshiOrderRequest.parseCount(count), null, null);
    }

    public OrderAmendment withClientOrderIds(String current, String updated) {
        return new OrderAmendment(ticker, side, price, count, current, updated);
    }

    Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticker", ticker);
        body.put("side", side.wireName());
        body.put("price", price.toString());
        body.put("count", count.toString());
        if (clientOrderId != null) {
            body.put("client_order_id", clientOrderId);
        }
        if (updatedClientOrderId != null) {
            body.put("updated_client_order_id", updatedClientOrderId);
        }
        return body;
    }
}
