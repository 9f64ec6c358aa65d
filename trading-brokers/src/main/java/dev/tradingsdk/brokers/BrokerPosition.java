package dev.tradingsdk.brokers;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * An open position as the broker reports it.
 *
 * @param quantity      the absolute size
 * @param averagePrice  average entry price, exactly as reported (its precision can exceed the instrument's)
 * @param marketPrice   the broker's current mark
 * @param marketValue   signed value at the mark (negative for a short)
 */
public record BrokerPosition(Instrument instrument, PositionSide side, Quantity quantity, Price averagePrice,
                             Price marketPrice, Money marketValue, Money unrealizedPnl) {

    public BrokerPosition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        Objects.requireNonNull(marketPrice, "marketPrice");
        Objects.requireNonNull(marketValue, "marketValue");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        if (side == PositionSide.FLAT || quantity.isZero()) {
            throw new IllegalArgumentException("a broker position is open: side " + side + ", quantity " + quantity
                    + " for " + instrument);
        }
    }

    /**
     * Core's {@link Position} for this holding: one synthetic fill of the size at the average price rounded
     * half-even to the instrument's precision, so risk rules and agents read it like any other position.
     */
    public Position toPosition() {
        Position position = new Position(instrument);
        Quantity size = quantity.withPrecision(instrument.sizePrecision(), RoundingMode.HALF_EVEN);
        if (size.isZero()) {
            return position;
        }
        Price price = averagePrice.withPrecision(instrument.pricePrecision(), RoundingMode.HALF_EVEN);
        position.apply(new Fill(ClientOrderId.of("broker-position"), "broker-position", instrument,
                side == PositionSide.LONG ? Side.BUY : Side.SELL, price, size,
                Money.zero(instrument.quoteCurrency()), Instant.EPOCH));
        return position;
    }
}
