package dev.tradingsdk.cfd;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.PositionSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The CFD formulas, in one place, on exact fixed-point values. Amounts keep the precision their inputs produce
 * (see {@link dev.tradingsdk.core.num.Notional}); divisions round with the mode each method names, always in the
 * direction that protects the account provider (margin up, position size down). Ratios meant for display
 * (percentages, leverage) come back as {@link BigDecimal}. The margin level and its boundary are core's one margin
 * model ({@code MarginMonitor.marginLevelPercent}, {@code MarginMonitor.isBelowLevel}); trade win rates are core's
 * {@code Metrics.winRate}. Overflow throws {@link ArithmeticException}.
 */
public final class CfdMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CfdMath() {
    }

    /** Notional value: {@code price × size × multiplier}, in the instrument's quote currency. */
    public static Money notional(Instrument instrument, Price price, Quantity size) {
        return instrument.notional(price, size);
    }

    /**
     * Margin required to hold {@code notional} at {@code leverage}:1, i.e. {@code |notional| / leverage}, rounded
     * up at the notional's precision.
     */
    public static Money marginRequired(Money notional, int leverage) {
        checkLeverage(leverage);
        return notional.abs().timesRatio(1, leverage, RoundingMode.CEILING);
    }

    /**
     * Unrealized P&amp;L of a position opened at {@code entry} and valued at {@code mark}:
     * {@code (mark − entry) × size × multiplier} for a long, {@code (entry − mark) × size × multiplier} for a
     * short, zero when flat. A loss may exceed the margin that was posted; nothing here caps it.
     */
    public static Money unrealizedPnl(Instrument instrument, PositionSide side, Quantity size, Price entry,
                                      Price mark) {
        if (side == PositionSide.FLAT || size.isZero()) {
            return Money.zero(instrument.quoteCurrency());
        }
        Money move = instrument.notional(mark.minus(entry), size);
        return side == PositionSide.LONG ? move : move.negate();
    }

    /**
     * P&amp;L as a percentage of {@code base} ({@code pnl / base × 100}), to 4 decimals, half-even. The base is the
     * caller's choice: the margin posted gives the return on margin, the entry notional the price return.
     */
    public static BigDecimal pnlPercent(Money pnl, Money base) {
        if (base.isZero()) {
            throw new IllegalArgumentException("base must not be zero for a P&L percentage, was " + base);
        }
        return pnl.ratioTo(base, 10, RoundingMode.HALF_EVEN).multiply(HUNDRED)
                .setScale(4, RoundingMode.HALF_EVEN);
    }

    /** Equity: {@code cash + unrealized P&L}. */
    public static Money equity(Money cash, Money unrealizedPnl) {
        return cash.plus(unrealizedPnl);
    }

    /** Free margin: {@code equity − used margin}; negative when the account is under-margined. */
    public static Money freeMargin(Money equity, Money usedMargin) {
        return equity.minus(usedMargin);
    }

    /** Used margin: the sum of each position's {@link #marginRequired margin}. */
    public static Money usedMargin(Iterable<Money> positionMargins, Money zero) {
        Money total = zero;
        for (Money m : positionMargins) {
            total = total.plus(m);
        }
        return total;
    }

    /**
     * Current leverage: {@code gross notional / equity} (gross = the sum of absolute notionals), to 4 decimals,
     * half-even; empty when equity is zero or negative, where leverage has no meaning.
     */
    public static Optional<BigDecimal> currentLeverage(Money grossNotional, Money equity) {
        if (equity.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(grossNotional.abs().ratioTo(equity, 4, RoundingMode.HALF_EVEN));
    }

    /**
     * The largest size whose margin fits {@code freeMargin}: {@code freeMargin × leverage / (price × multiplier)},
     * rounded down to the instrument's lot; zero when there is no free margin. Commission and spread are not
     * included: leave room for them.
     */
    public static Quantity maxPositionSize(Instrument instrument, Money freeMargin, int leverage, Price price) {
        checkLeverage(leverage);
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + price);
        }
        int sizePrecision = instrument.sizePrecision();
        if (freeMargin.signum() <= 0) {
            return Quantity.zero(sizePrecision);
        }
        Quantity multiplier = instrument.multiplier();
        long numerator = Math.multiplyExact(freeMargin.raw(), leverage);
        long denominator = Math.multiplyExact(price.raw(), multiplier.raw());
        long units = quotient(numerator, freeMargin.precision(), denominator,
                price.precision() + multiplier.precision(), sizePrecision, RoundingMode.DOWN);
        long lot = instrument.lotRaw();
        return Quantity.ofRaw(units - units % lot, sizePrecision);
    }

    /**
     * The price at which this position alone drives the account's margin level down to {@code stopOutPercent},
     * other positions held at their current value. With {@code s = stopOutPercent}, leverage {@code L}, size
     * {@code q}, multiplier {@code m}, cost basis {@code C = q × m × entry}, the account's equity without this
     * position's P&amp;L {@code E0} and the other positions' margin {@code U}, solving
     * {@code equity(P) × 100 = s × usedMargin(P)} (margin on the current price) gives
     * <ul>
     *   <li>long: {@code P = L × (s × U − 100 × E0 + 100 × C) / (q × m × (100 × L − s))}, rounded up to the
     *       tick (the highest tick at or above which nothing happens is the next one up);</li>
     *   <li>short: {@code P = L × (100 × C + 100 × E0 − s × U) / (q × m × (100 × L + s))}, rounded down.</li>
     * </ul>
     * Empty when flat, or for a long whose account survives any price down to zero. A short already past its
     * level gives zero. Longs are valued at the bid and shorts at the ask, so this is a bid (long) or ask (short).
     */
    public static Optional<Price> liquidationPrice(Instrument instrument, PositionSide side, Quantity size,
                                                   Money costBasis, Money equityWithoutPosition,
                                                   Money otherUsedMargin, int leverage, long stopOutPercent) {
        checkLeverage(leverage);
        if (stopOutPercent < 0) {
            throw new IllegalArgumentException("stopOutPercent must not be negative, was " + stopOutPercent);
        }
        if (side == PositionSide.FLAT || size.isZero()) {
            return Optional.empty();
        }
        int c = Math.max(costBasis.precision(), Math.max(equityWithoutPosition.precision(),
                otherUsedMargin.precision()));
        long cost100 = Math.multiplyExact(costBasis.abs().rawAt(c), 100L);
        long equity100 = Math.multiplyExact(equityWithoutPosition.rawAt(c), 100L);
        long otherS = Math.multiplyExact(otherUsedMargin.rawAt(c), stopOutPercent);
        long bracket = side == PositionSide.LONG
                ? Math.addExact(Math.subtractExact(otherS, equity100), cost100)
                : Math.subtractExact(Math.addExact(cost100, equity100), otherS);
        long numerator = Math.multiplyExact(bracket, leverage);
        long levelTerm = side == PositionSide.LONG
                ? Math.subtractExact(Math.multiplyExact(100L, leverage), stopOutPercent)
                : Math.addExact(Math.multiplyExact(100L, leverage), stopOutPercent);
        Quantity multiplier = instrument.multiplier();
        int pricePrecision = instrument.pricePrecision();
        if (side == PositionSide.LONG && (levelTerm <= 0 || numerator <= 0)) {
            return Optional.empty();
        }
        if (side == PositionSide.SHORT && numerator <= 0) {
            return Optional.of(Price.ofRaw(0, pricePrecision));
        }
        long denominator = Math.multiplyExact(Math.multiplyExact(size.raw(), multiplier.raw()), levelTerm);
        RoundingMode mode = side == PositionSide.LONG ? RoundingMode.CEILING : RoundingMode.FLOOR;
        long raw = quotient(numerator, c, denominator, size.precision() + multiplier.precision(), pricePrecision,
                mode);
        long tick = instrument.tickRaw();
        long onTick = Math.multiplyExact(FixedMath.divide(raw, tick, mode), tick); // rounding up may pass the range
        return Optional.of(Price.ofRaw(onTick, pricePrecision));
    }

    /**
     * {@code (numerator / 10^np) / (denominator / 10^dp)} as a raw value at {@code resultPrecision}, through
     * {@link FixedMath}'s 128-bit path so the scaled numerator may exceed a {@code long}.
     */
    private static long quotient(long numerator, int numeratorPrecision, long denominator, int denominatorPrecision,
                                 int resultPrecision, RoundingMode mode) {
        int shift = resultPrecision + denominatorPrecision - numeratorPrecision;
        if (shift >= 0) {
            return FixedMath.multiplyDivide(numerator, FixedMath.powerOfTen(shift), denominator, mode);
        }
        return FixedMath.divide(numerator, Math.multiplyExact(denominator, FixedMath.powerOfTen(-shift)), mode);
    }

    /**
     * {@code price} as a raw value at the instrument's price precision; a price with more decimals is refused
     * naming {@code field} and the value (instead of the rescale's bare ArithmeticException).
     */
    static long priceRaw(Instrument instrument, String field, Price price) {
        int excess = price.precision() - instrument.pricePrecision();
        if (excess > 0 && price.raw() % FixedMath.powerOfTen(excess) != 0) {
            throw new IllegalArgumentException(field + " for " + instrument + " has more than "
                    + instrument.pricePrecision() + " decimals, was " + price);
        }
        return price.rawAt(instrument.pricePrecision());
    }

    private static void checkLeverage(int leverage) {
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage must be at least 1, was " + leverage);
        }
    }
}
