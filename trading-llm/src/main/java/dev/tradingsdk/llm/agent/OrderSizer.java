package dev.tradingsdk.llm.agent;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.OrderRequest;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.llm.decision.TradeDecision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Turns a validated decision into market orders: a quantity as given, a percent of equity as
 * {@code equity x percent / 100 / price} rounded down to the lot (nothing when that is zero), SELL and COVER
 * reduce-only, CLOSE the whole net position. Stop-loss and take-profit stay in the record and the proposal: a
 * decision function returns plain orders.
 */
final class OrderSizer {

    private OrderSizer() {
    }

    static List<OrderRequest> orders(TradeDecision d, AccountView account, Price price, ClientOrderId id) {
        Instrument i = d.instrument();
        Optional<Position> held = account.position(i.id());
        BigDecimal net = held.map(Position::netQuantity).orElse(BigDecimal.ZERO);
        switch (d.action()) {
            case HOLD:
                return List.of();
            case CLOSE: {
                if (net.signum() == 0) {
                    return List.of();
                }
                Quantity q = Quantity.of(net.abs(), i.sizePrecision());
                return List.of(OrderRequest.builder(i, net.signum() > 0 ? Side.SELL : Side.BUY).clientOrderId(id)
                    .quantity(q).market().reduceOnly(true).build());
            }
            default:
                break;
        }
        Quantity q = d.quantity() != null ? d.quantity() : fromPercent(d, account, price);
        if (q == null || q.toBigDecimal().signum() == 0) {
            return List.of();
        }
        Side side = d.action() == dev.tradingsdk.llm.decision.TradeAction.BUY
            || d.action() == dev.tradingsdk.llm.decision.TradeAction.COVER ? Side.BUY : Side.SELL;
        boolean reduce = d.action() == dev.tradingsdk.llm.decision.TradeAction.SELL
            || d.action() == dev.tradingsdk.llm.decision.TradeAction.COVER;
        if (reduce) {
            Quantity cap = Quantity.of(net.abs(), i.sizePrecision());
            q = Quantity.min(q, cap);
        }
        return List.of(OrderRequest.builder(i, side).clientOrderId(id).quantity(q).market().reduceOnly(reduce).build());
    }

    private static Quantity fromPercent(TradeDecision d, AccountView account, Price price) {
        BigDecimal value = account.equity().toBigDecimal().multiply(d.percentOfEquity())
            .divide(BigDecimal.valueOf(100), 12, RoundingMode.DOWN);
        BigDecimal units = value.divide(price.toBigDecimal().multiply(d.instrument().multiplier().toBigDecimal()), 12,
            RoundingMode.DOWN);
        return d.instrument().roundSize(units, RoundingMode.DOWN);
    }

    /** The largest quantity {@code percent} of equity (times leverage) buys at {@code price}, down to the lot. */
    static Quantity maxQuantity(Instrument i, AccountView account, Price price, BigDecimal percent, int leverage) {
        BigDecimal value = account.equity().toBigDecimal().multiply(percent).multiply(BigDecimal.valueOf(leverage))
            .divide(BigDecimal.valueOf(100), 12, RoundingMode.DOWN);
        BigDecimal units = value.divide(price.toBigDecimal().multiply(i.multiplier().toBigDecimal()), 12,
            RoundingMode.DOWN);
        return i.roundSize(units.max(BigDecimal.ZERO), RoundingMode.DOWN);
    }
}
