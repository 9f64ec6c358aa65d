package dev.tradingsdk.core.order;

import dev.tradingsdk.core.num.Price;
import java.util.Objects;

/**
 * An entry order with a take-profit limit and a stop-loss stop that exit the same quantity. The two exits are
 * one-cancels-other: when either fills, the venue cancels the other. The exits become active only once the
 * entry has filled.
 *
 * <p>Validation: exits are on the opposite side, reduce-only, of the entry's size; for a BUY entry the
 * take-profit is above and the stop-loss below the entry's reference price, mirrored for a SELL.
 */
public record BracketOrder(OrderRequest entry, OrderRequest takeProfit, OrderRequest stopLoss) {

    public BracketOrder {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(takeProfit, "takeProfit");
        Objects.requireNonNull(stopLoss, "stopLoss");
        checkExit("takeProfit", entry, takeProfit);
        checkExit("stopLoss", entry, stopLoss);
        if (takeProfit.type() != OrderType.LIMIT) {
            throw new InvalidOrderException("takeProfit", takeProfit.type(), "must be a LIMIT order");
        }
        if (!stopLoss.type().hasStopPrice()) {
            throw new InvalidOrderException("stopLoss", stopLoss.type(), "must be a STOP or STOP_LIMIT order");
        }
        Price takeProfitPrice = takeProfit.limitPrice().orElseThrow();
        Price stopLossPrice = stopLoss.stopPrice().orElseThrow();
        if (Integer.signum(takeProfitPrice.compareTo(stopLossPrice)) != entry.side().sign()) {
            throw new InvalidOrderException("takeProfitPrice", takeProfitPrice, "must be "
                    + (entry.side() == Side.BUY ? "above" : "below") + " the stop-loss " + stopLossPrice
                    + " for a " + entry.side() + " entry");
        }
        if (takeProfit.clientOrderId().equals(stopLoss.clientOrderId())
                || entry.clientOrderId().equals(takeProfit.clientOrderId())
                || entry.clientOrderId().equals(stopLoss.clientOrderId())) {
            throw new InvalidOrderException("clientOrderId", takeProfit.clientOrderId(),
                    "entry and exits need three distinct client order ids");
        }
    }

    private static void checkExit(String field, OrderRequest entry, OrderRequest exit) {
        if (!exit.instrument().equals(entry.instrument())) {
            throw new InvalidOrderException(field, exit.instrument(), "must trade the entry's instrument "
                    + entry.instrument());
        }
        if (exit.side() != entry.side().opposite()) {
            throw new InvalidOrderException(field, exit.side(), "must be on the side opposite the entry's "
                    + entry.side());
        }
        if (!exit.reduceOnly()) {
            throw new InvalidOrderException(field, exit.clientOrderId(), "must be reduce-only");
        }
        if (!exit.quantity().equals(entry.quantity())) {
            throw new InvalidOrderException(field, exit.quantity(), "must exit the entry's quantity "
                    + entry.quantity());
        }
    }

    /**
     * Builds the exits for {@code entry}. The reference price is the entry's limit (or stop) price; for a
     * market entry pass {@code referencePrice}, typically the current mid.
     */
    public static BracketOrder of(OrderRequest entry, Price takeProfitPrice, Price stopLossPrice,
                                  Price referencePrice) {
        Price reference = entry.limitPrice().or(entry::stopPrice).orElse(referencePrice);
        if (reference == null) {
            throw new InvalidOrderException("referencePrice", null, "is required for a market entry");
        }
        int direction = entry.side().sign();
        if (Integer.signum(takeProfitPrice.compareTo(reference)) != direction) {
            throw new InvalidOrderException("takeProfitPrice", takeProfitPrice, "must be "
                    + (direction > 0 ? "above" : "below") + " the entry price " + reference + " for a "
                    + entry.side() + " entry");
        }
        if (Integer.signum(stopLossPrice.compareTo(reference)) != -direction) {
            throw new InvalidOrderException("stopLossPrice", stopLossPrice, "must be "
                    + (direction > 0 ? "below" : "above") + " the entry price " + reference + " for a "
                    + entry.side() + " entry");
        }
        String id = entry.clientOrderId().value();
        String base = id.length() > 61 ? id.substring(0, 61) : id;
        OrderRequest tp = OrderRequest.builder(entry.instrument(), entry.side().opposite())
                .clientOrderId(base + "-tp").quantity(entry.quantity()).limit(takeProfitPrice)
                .timeInForce(TimeInForce.GTC).reduceOnly(true).build();
        OrderRequest sl = OrderRequest.builder(entry.instrument(), entry.side().opposite())
                .clientOrderId(base + "-sl").quantity(entry.quantity()).stop(stopLossPrice)
                .timeInForce(TimeInForce.GTC).reduceOnly(true).build();
        return new BracketOrder(entry, tp, sl);
    }

    /** The exit that is canceled when {@code filledExit} fills (one-cancels-other). */
    public OrderRequest ocoSibling(ClientOrderId filledExit) {
        if (filledExit.equals(takeProfit.clientOrderId())) {
            return stopLoss;
        }
        if (filledExit.equals(stopLoss.clientOrderId())) {
            return takeProfit;
        }
        throw new IllegalArgumentException(filledExit + " is not an exit of bracket " + entry.clientOrderId());
    }
}
