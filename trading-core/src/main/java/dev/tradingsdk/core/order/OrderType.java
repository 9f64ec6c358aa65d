package dev.tradingsdk.core.order;

/** How an order is priced. */
public enum OrderType {
    MARKET, LIMIT, STOP, STOP_LIMIT;

    public boolean hasLimitPrice() {
        return this == LIMIT || this == STOP_LIMIT;
    }

    public boolean hasStopPrice() {
        return this == STOP || this == STOP_LIMIT;
    }
}
