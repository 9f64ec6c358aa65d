package dev.tradingsdk.core.portfolio;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The net position in one instrument, built from fills: long, short or flat, with its exact cost basis,
 * realized P&amp;L and fees.
 *
 * <p>A fill on the position's side increases it and adds its notional to the cost basis. A fill on the other
 * side reduces it: the closed part releases its proportional share of the cost basis and realizes
 * {@code (exit notional - released cost)} for a long, the negative for a short. A fill larger than the
 * position flips it: the remainder opens a new position at the fill price. Fees are tracked separately from
 * realized P&amp;L. Not thread-safe.
 */
public final class Position {

    private final Instrument instrument;
    /** Signed net size, raw at the instrument's size precision. */
    private long netRaw;
    /** Cost basis of the open size: a positive amount in the quote currency. */
    private Money cost;
    private Money realizedPnl;
    private Money fees;
    private int fillCount;

    public Position(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.cost = Money.zero(instrument.quoteCurrency());
        this.realizedPnl = Money.zero(instrument.quoteCurrency());
        this.fees = Money.zero(instrument.quoteCurrency());
    }

    /**
     * An independent copy of this position as it is now: applying fills to the copy leaves this one unchanged.
     * Hand copies to code that must only read an account (agents, competition participants).
     */
    public Position snapshot() {
        Position copy = new Position(instrument);
        copy.netRaw = netRaw;
        copy.cost = cost;
        copy.realizedPnl = realizedPnl;
        copy.fees = fees;
        copy.fillCount = fillCount;
        return copy;
    }

    /** Applies a fill; refuses one for another instrument and changes nothing then. */
    public void apply(Fill fill) {
        if (!fill.instrument().equals(instrument)) {
            throw new IllegalArgumentException("fill for " + fill.instrument() + " applied to position in "
                    + instrument);
        }
        long fillRaw = fill.quantity().rawAt(instrument.sizePrecision());
        long signedFill = fill.side() == Side.BUY ? fillRaw : Math.negateExact(fillRaw);
        long newNet = Math.addExact(netRaw, signedFill);
        if (newNet == Long.MIN_VALUE) {
            // Its size would not fit a Quantity (and Math.abs of it stays negative).
            throw new ArithmeticException("position in " + instrument + " would exceed the size range");
        }
        Money newCost;
        Money newRealized = realizedPnl;
        if (netRaw == 0 || Long.signum(netRaw) == Long.signum(signedFill)) {
            newCost = cost.plus(fill.notional());
        } else {
            long closing = Math.min(Math.abs(netRaw), fillRaw);
            Money released = cost.timesRatio(closing, Math.abs(netRaw), RoundingMode.HALF_EVEN);
            Money exit = instrument.notional(fill.price(), Quantity.ofRaw(closing, instrument.sizePrecision()));
            Money pnl = netRaw > 0 ? exit.minus(released) : released.minus(exit);
            newRealized = realizedPnl.plus(pnl);
            long opening = fillRaw - closing;
            newCost = opening == 0 ? cost.minus(released)
                    : instrument.notional(fill.price(), Quantity.ofRaw(opening, instrument.sizePrecision()));
            if (newNet == 0) {
                newCost = Money.zero(instrument.quoteCurrency());
            }
        }
        Money newFees = fees.plus(fill.fee());
        netRaw = newNet;
        cost = newCost;
        realizedPnl = newRealized;
        fees = newFees;
        fillCount++;
    }

    public Instrument instrument() {
        return instrument;
    }

    public PositionSide side() {
        return netRaw > 0 ? PositionSide.LONG : netRaw < 0 ? PositionSide.SHORT : PositionSide.FLAT;
    }

    public boolean isFlat() {
        return netRaw == 0;
    }

    /** The absolute size. */
    public Quantity quantity() {
        return Quantity.ofRaw(Math.abs(netRaw), instrument.sizePrecision());
    }

    /** Signed net size as a raw value at the instrument's size precision (positive long, negative short). */
    public long netRaw() {
        return netRaw;
    }

    /** Signed net size (for display and edges). */
    public BigDecimal netQuantity() {
        return BigDecimal.valueOf(netRaw, instrument.sizePrecision());
    }

    /** Cost basis of the open size (positive), in the quote currency. */
    public Money costBasis() {
        return cost;
    }

    /**
     * Average entry price at the instrument's price precision plus four decimals (max 9), half-even;
     * zero when flat.
     */
    public Price averagePrice() {
        int precision = Math.min(instrument.pricePrecision() + 4, FixedMath.MAX_PRECISION);
        if (netRaw == 0) {
            return Price.ofRaw(0, precision);
        }
        BigDecimal units = quantity().toBigDecimal().multiply(instrument.multiplier().toBigDecimal());
        return Price.of(cost.toBigDecimal().divide(units, precision, RoundingMode.HALF_EVEN), precision);
    }

    public Money realizedPnl() {
        return realizedPnl;
    }

    /** Unrealized P&amp;L if the open size were closed at {@code mark}: (value − cost) for a long, the reverse short. */
    public Money unrealizedPnl(Price mark) {
        if (netRaw == 0) {
            return Money.zero(instrument.quoteCurrency());
        }
        Money value = instrument.notional(mark, quantity());
        return netRaw > 0 ? value.minus(cost) : cost.minus(value);
    }

    /** Signed market value at {@code mark}: positive for a long, negative for a short. */
    public Money marketValue(Price mark) {
        Money value = instrument.notional(mark, quantity());
        return netRaw < 0 ? value.negate() : value;
    }

    /** Fees paid on all fills of this position. */
    public Money fees() {
        return fees;
    }

    public int fillCount() {
        return fillCount;
    }

    @Override
    public String toString() {
        return instrument + " " + side() + " " + quantity() + " @ " + averagePrice() + " realized=" + realizedPnl;
    }
}
