package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Side;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * YES and NO holdings of one binary market in exact fixed point (shares and collateral at 6 decimals, the CLOB's
 * on-chain resolution). Only what cannot be derived is stored, per leg: shares held, net collateral paid (buys
 * minus sale proceeds), fees paid in collateral, and the value of fees withheld in shares (a buy under exchange
 * V1 delivered fewer shares than matched). Average prices, pair cost, delta, locked profit and settlement P&amp;L are
 * computed from those, never kept a second time. Immutable: a fill returns a new position.
 */
public final class PairPosition {
    public static final int DECIMALS = 6;
    private static final long ONE = FixedMath.powerOfTen(DECIMALS);
    private static final PairPosition EMPTY = new PairPosition(new long[8]);

    // YES then NO: shares, cost, collateral fees, value of fees taken in shares
    private static final int SHARES = 0;
    private static final int COST = 1;
    private static final int FEES = 2;
    private static final int SHARE_FEES = 3;

    private final long[] raw;

    private PairPosition(long[] raw) {
        this.raw = raw;
    }

    public static PairPosition empty() {
        return EMPTY;
    }

    /** How a buy's taker fee was collected. */
    public enum FeeCollection {
        /** In collateral on top of the notional (exchange V2, since 2026-04-28). */
        COLLATERAL,
        /** Withheld from the shares bought (exchange V1): fee / price shares fewer, rounded up. */
        SHARES
    }

    /**
     * Books one fill in raw units: {@code sharesRaw} matched, {@code collateralRaw} paid (BUY) or received (SELL),
     * {@code feeRaw} the taker fee in collateral (0 for makers). A sale of more shares than held throws and
     * changes nothing. Overflow throws.
     */
    public PairPosition applyRaw(PairLeg leg, Side side, long sharesRaw, long collateralRaw, long feeRaw,
            FeeCollection collection) {
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(collection, "collection");
        if (sharesRaw <= 0) {
            throw new IllegalArgumentException("shares must be positive, got " + FixedMath.format(sharesRaw, DECIMALS));
        }
        if (collateralRaw < 0 || feeRaw < 0) {
            throw new IllegalArgumentException("collateral and fee must not be negative, got "
                    + FixedMath.format(collateralRaw, DECIMALS) + " and " + FixedMath.format(feeRaw, DECIMALS));
        }
        long[] next = raw.clone();
        int base = leg == PairLeg.YES ? 0 : 4;
        if (side == Side.BUY) {
            long received = sharesRaw;
            if (collection == FeeCollection.SHARES && feeRaw > 0) {
                // fee / price shares, price = collateral / shares: withheld = ceil(fee × shares / collateral)
                received = Math.subtractExact(sharesRaw,
                        FixedMath.multiplyDivide(feeRaw, sharesRaw, collateralRaw, RoundingMode.CEILING));
                next[base + SHARE_FEES] = Math.addExact(next[base + SHARE_FEES], feeRaw);
            } else {
                next[base + FEES] = Math.addExact(next[base + FEES], feeRaw);
            }
            next[base + SHARES] = Math.addExact(next[base + SHARES], received);
            next[base + COST] = Math.addExact(next[base + COST], collateralRaw);
        } else {
            if (sharesRaw > raw[base + SHARES]) {
                throw new IllegalArgumentException("cannot sell " + FixedMath.format(sharesRaw, DECIMALS) + " " + leg
                        + " shares, holding " + FixedMath.format(raw[base + SHARES], DECIMALS));
            }
            next[base + SHARES] -= sharesRaw;
            next[base + COST] = Math.subtractExact(next[base + COST], collateralRaw);
            next[base + FEES] = Math.addExact(next[base + FEES], feeRaw);
        }
        return new PairPosition(next);
    }

    /** Books a fill of {@code shares} at {@code price} (collateral = shares × price, half-even at 6 decimals). */
    public PairPosition apply(PairLeg leg, Side side, Quantity shares, Price price, Money fee,
            FeeCollection collection) {
        long sharesRaw = FixedMath.rescale(shares.raw(), shares.precision(), DECIMALS, RoundingMode.UNNECESSARY);
        long collateral = FixedMath.multiply(shares.raw(), shares.precision(), price.raw(), price.precision(),
                DECIMALS, RoundingMode.HALF_EVEN);
        long feeRaw = FixedMath.rescale(fee.raw(), fee.precision(), DECIMALS, RoundingMode.UNNECESSARY);
        return applyRaw(leg, side, sharesRaw, collateral, feeRaw, collection);
    }

    /** Books a core {@link Fill} (its fee is collateral). */
    public PairPosition apply(PairLeg leg, Fill fill) {
        return apply(leg, fill.side(), fill.quantity(), fill.price(), fill.fee(), FeeCollection.COLLATERAL);
    }

    // ---- raw accessors (allocation-free, for decisions) -----------------------------------------------------

    public long sharesRaw(PairLeg leg) {
        return raw[(leg == PairLeg.YES ? 0 : 4) + SHARES];
    }

    /** Net collateral paid for the leg plus the collateral fees paid on it. */
    public long allInCostRaw(PairLeg leg) {
        int base = leg == PairLeg.YES ? 0 : 4;
        return Math.addExact(raw[base + COST], raw[base + FEES]);
    }

    /** All-in average price of the leg (6 decimals, rounded up), 0 when nothing is held. */
    public long averageAllInPriceRaw(PairLeg leg) {
        long shares = sharesRaw(leg);
        return shares == 0 ? 0 : FixedMath.multiplyDivide(allInCostRaw(leg), ONE, shares, RoundingMode.CEILING);
    }

    /** YES shares − NO shares. */
    public long deltaRaw() {
        return Math.subtractExact(sharesRaw(PairLeg.YES), sharesRaw(PairLeg.NO));
    }

    public long totalCostRaw() {
        return Math.addExact(allInCostRaw(PairLeg.YES), allInCostRaw(PairLeg.NO));
    }

    /** min(YES, NO) × $1 − everything paid: the profit at settlement whatever the outcome. */
    public long lockedProfitRaw() {
        return Math.subtractExact(Math.min(sharesRaw(PairLeg.YES), sharesRaw(PairLeg.NO)), totalCostRaw());
    }

    // ---- values ------------------------------------------------------------------------------------------

    public Quantity shares(PairLeg leg) {
        return Quantity.ofRaw(sharesRaw(leg), DECIMALS);
    }

    /** Net collateral paid for the leg (buys minus sale proceeds), fees excluded. */
    public Money cost(PairLeg leg) {
        return money(raw[(leg == PairLeg.YES ? 0 : 4) + COST]);
    }

    /** Average price paid per share held, fees excluded (6 decimals, half-even); empty when none is held. */
    public Optional<Price> averagePrice(PairLeg leg) {
        long shares = sharesRaw(leg);
        if (shares == 0) {
            return Optional.empty();
        }
        long cost = raw[(leg == PairLeg.YES ? 0 : 4) + COST];
        return Optional.of(Price.ofRaw(FixedMath.multiplyDivide(cost, ONE, shares, RoundingMode.HALF_EVEN),
                DECIMALS));
    }

    /** Every fee paid, in collateral or withheld in shares (at its collateral value). */
    public Money feesPaid() {
        long total = 0;
        for (int base : new int[] {0, 4}) {
            total = Math.addExact(total, Math.addExact(raw[base + FEES], raw[base + SHARE_FEES]));
        }
        return money(total);
    }

    /** All-in YES average + all-in NO average; empty until both legs are held. */
    public Optional<Price> pairCost() {
        if (sharesRaw(PairLeg.YES) == 0 || sharesRaw(PairLeg.NO) == 0) {
            return Optional.empty();
        }
        long yes = FixedMath.multiplyDivide(allInCostRaw(PairLeg.YES), ONE, sharesRaw(PairLeg.YES),
                RoundingMode.HALF_EVEN);
        long no = FixedMath.multiplyDivide(allInCostRaw(PairLeg.NO), ONE, sharesRaw(PairLeg.NO),
                RoundingMode.HALF_EVEN);
        return Optional.of(Price.ofRaw(Math.addExact(yes, no), DECIMALS));
    }

    public Quantity delta() {
        return Quantity.ofRaw(deltaRaw(), DECIMALS);
    }

    public Money totalCost() {
        return money(totalCostRaw());
    }

    public Money lockedProfit() {
        return money(lockedProfitRaw());
    }

    /** The P&amp;L when {@code winner} settles at $1 and the other leg at $0. */
    public Money settlementPnl(PairLeg winner) {
        return money(Math.subtractExact(sharesRaw(winner), totalCostRaw()));
    }

    public boolean isFlat() {
        return sharesRaw(PairLeg.YES) == 0 && sharesRaw(PairLeg.NO) == 0;
    }

    private static Money money(long rawValue) {
        return Money.ofRaw(rawValue, DECIMALS, Currency.PUSD);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairPosition other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "PairPosition[YES " + shares(PairLeg.YES) + " for " + cost(PairLeg.YES) + ", NO " + shares(PairLeg.NO)
                + " for " + cost(PairLeg.NO) + ", fees " + feesPaid() + ", delta " + delta() + ", locked "
                + lockedProfit() + "]";
    }
}
