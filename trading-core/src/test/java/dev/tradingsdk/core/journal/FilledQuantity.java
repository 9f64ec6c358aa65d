package dev.tradingsdk.core.journal;

/** Test state folded from events: number of orders and total filled quantity. */
record FilledQuantity(long orders, long filled) {

    static final FilledQuantity EMPTY = new FilledQuantity(0, 0);

    FilledQuantity apply(TradeEvent event) {
        if (event instanceof TradeEvent.OrderPlaced) {
            return new FilledQuantity(orders + 1, filled);
        }
        return new FilledQuantity(orders, filled + ((TradeEvent.Filled) event).quantity());
    }
}
