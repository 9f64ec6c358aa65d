package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Objects;

/**
 * One of our executions (REST {@code Fill} or the WebSocket {@code fill} channel). Direction comes from
 * {@code outcome_side}/{@code book_side}, never from the deprecated {@code side}/{@code action}, which V2 orders
 * report as {@code yes} whatever they did.
 *
 * @param outcome   the contract side this fill bought (YES for a bid, NO for an ask)
 * @param yesPrice  the YES price of the execution
 * @param clientOrderId only on WebSocket fills (REST fills lost it on 2026-03-30); null otherwise
 */
public record KalshiFill(String tradeId, String orderId, String clientOrderId, String ticker, Outcome outcome,
                         Price yesPrice, Quantity count, boolean taker, Money fee, Instant time) {

    public KalshiFill {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(yesPrice, "yesPrice");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(time, "time");
    }

    /** The book side of the order behind this fill: a YES buy rests on the bid, a NO buy on the ask. */
    public BookSide bookSide() {
        return outcome == Outcome.YES ? BookSide.BID : BookSide.ASK;
    }
}
