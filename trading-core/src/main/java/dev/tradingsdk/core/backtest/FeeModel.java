package dev.tradingsdk.core.backtest;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.CurrencyMismatchException;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;

/**
 * The fee a fill pays, in the instrument's quote currency (negative for a rebate). Basis-point fees are
 * {@code notional × bps / 10 000}, rounded half-up at the notional's precision, so they are exact to that
 * precision and never go through a {@code double}.
 */
@FunctionalInterface
public interface FeeModel {

    Money fee(Instrument instrument, Side side, Price price, Quantity quantity, Liquidity liquidity);

    /** No fees. */
    static FeeModel none() {
        return (instrument, side, price, quantity, liquidity) -> Money.zero(instrument.quoteCurrency());
    }

    /** The same amount on every fill, e.g. a ticket fee; must be in each traded instrument's quote currency. */
    static FeeModel fixed(Money perFill) {
        Objects.requireNonNull(perFill, "perFill");
        return (instrument, side, price, quantity, liquidity) -> {
            if (!perFill.currency().equals(instrument.quoteCurrency())) {
                throw new CurrencyMismatchException(instrument.quoteCurrency(), perFill.currency());
            }
            return perFill;
        };
    }

    /** {@code bps} basis points of the notional, e.g. {@code "7.5"}; at most 4 decimals. */
    static FeeModel bps(String bps) {
        long rate = parseBps("bps", bps);
        return rates(rate, rate);
    }

    /** Different basis-point rates for maker and taker fills; a negative maker rate is a rebate. */
    static FeeModel makerTaker(String makerBps, String takerBps) {
        return rates(parseBps("makerBps", makerBps), parseBps("takerBps", takerBps));
    }

    private static FeeModel rates(long maker, long taker) {
        long denominator = 10_000L * FixedMath.powerOfTen(4);
        return (instrument, side, price, quantity, liquidity) -> instrument.notional(price, quantity)
                .timesRatio(liquidity == Liquidity.MAKER ? maker : taker, denominator, RoundingMode.HALF_UP);
    }

    /** The model of the instrument's venue, or {@code fallback} for venues not listed. */
    static FeeModel perVenue(Map<Venue, FeeModel> models, FeeModel fallback) {
        Map<Venue, FeeModel> copy = Map.copyOf(models);
        Objects.requireNonNull(fallback, "fallback");
        return (instrument, side, price, quantity, liquidity) -> copy.getOrDefault(instrument.venue(), fallback)
                .fee(instrument, side, price, quantity, liquidity);
    }

    /** This fee plus {@code other}'s, e.g. a percentage plus a ticket fee. */
    default FeeModel plus(FeeModel other) {
        Objects.requireNonNull(other, "other");
        return (instrument, side, price, quantity, liquidity) -> fee(instrument, side, price, quantity, liquidity)
                .plus(other.fee(instrument, side, price, quantity, liquidity));
    }

    private static long parseBps(String field, String text) {
        try {
            return FixedMath.parse(Objects.requireNonNull(text, field), 4, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(field + " must be a decimal with at most 4 places, was \"" + text
                    + "\"", e);
        }
    }
}
