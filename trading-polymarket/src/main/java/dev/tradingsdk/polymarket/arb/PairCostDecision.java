package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.polymarket.order.PolymarketFeeModel;
import java.math.RoundingMode;

/**
 * The hot decision of {@link PairCostArbitrage}: the top of both books in raw longs and, for a book update or a
 * timer, the one order to send or nothing. Allocates nothing; single-threaded (the engine's loop). Prices, sizes
 * and shares are raw at 6 decimals; orders are sized down to whole 0.01 shares (the CLOB's size precision).
 *
 * <p>After a {@code true} return the order is in {@link #leg()}, {@link #buy()}, {@link #priceRaw()} and
 * {@link #sharesRaw()}.
 */
public final class PairCostDecision {
    private static final long SHARE_STEP = 10_000; // 0.01 share at 6 decimals
    private static final long ONE = 1_000_000;

    private final PairCostConfig config;
    private final PolymarketFeeModel fees;
    private final long staleMillis;
    private final long bufferMillis;
    private final long skewMillis;
    // per leg (YES = 0, NO = 1): best bid, its size, best ask, its size (0 = absent), update time
    private final long[] bid = new long[2];
    private final long[] bidSize = new long[2];
    private final long[] ask = new long[2];
    private final long[] askSize = new long[2];
    private final long[] updatedMillis = {Long.MIN_VALUE, Long.MIN_VALUE};
    private long endMillis = Long.MAX_VALUE;
    private long tickRaw = 1_000;
    // our resting maker bid per leg: price (0 = none) and unfilled shares
    private final long[] restingPrice = new long[2];
    private final long[] restingShares = new long[2];

    private PairLeg leg;
    private boolean buy;
    private long priceRaw;
    private long sharesRaw;

    public PairCostDecision(PairCostConfig config) {
        this.config = config;
        this.fees = config.fees();
        this.staleMillis = config.staleAfter().toMillis();
        this.bufferMillis = config.settlementBuffer().toMillis();
        this.skewMillis = config.maxBookSkew().toMillis();
    }

    /** A new window: books and resting quotes forgotten, resolution at {@code resolvesAtMillis}, prices on
     *  multiples of {@code tickSizeRaw}. */
    public void reset(long resolvesAtMillis, long tickSizeRaw) {
        if (tickSizeRaw <= 0 || tickSizeRaw >= ONE) {
            throw new IllegalArgumentException("tick size must lie strictly between 0 and 1, got "
                    + FixedMath.format(tickSizeRaw, 6));
        }
        tickRaw = tickSizeRaw;
        for (int i = 0; i < 2; i++) {
            restingPrice[i] = 0;
            restingShares[i] = 0;
            bid[i] = 0;
            bidSize[i] = 0;
            ask[i] = 0;
            askSize[i] = 0;
            updatedMillis[i] = Long.MIN_VALUE;
        }
        endMillis = resolvesAtMillis;
    }

    /** The leg's new top of book (0 for an absent side) at {@code atMillis}. */
    public void onBook(PairLeg side, long bestBidRaw, long bestBidSizeRaw, long bestAskRaw, long bestAskSizeRaw,
            long atMillis) {
        int i = side.ordinal();
        bid[i] = bestBidRaw;
        bidSize[i] = bestBidSizeRaw;
        ask[i] = bestAskRaw;
        askSize[i] = bestAskSizeRaw;
        updatedMillis[i] = atMillis;
    }

    /**
     * Our resting bid on {@code side} ({@code priceRaw} 0 = none) and its unfilled shares: counted against the
     * delta bound as if it filled, and not mistaken for someone else's bid when the book shows it.
     */
    public void resting(PairLeg side, long priceRaw, long leavesRaw) {
        restingPrice[side.ordinal()] = priceRaw;
        restingShares[side.ordinal()] = priceRaw == 0 ? 0 : leavesRaw;
    }

    /** The leg's book lost continuity: nothing trades on it until its next update. */
    public void invalidate(PairLeg side) {
        updatedMillis[side.ordinal()] = Long.MIN_VALUE;
    }

    public boolean fresh(PairLeg side, long nowMillis) {
        long at = updatedMillis[side.ordinal()];
        return at != Long.MIN_VALUE && nowMillis - at <= staleMillis;
    }

    /** Before {@code end − settlementBuffer}: new exposure is allowed. */
    public boolean opening(long nowMillis) {
        return nowMillis < endMillis - bufferMillis;
    }

    public long bestBidRaw(PairLeg side) {
        return bid[side.ordinal()];
    }

    public long bestAskRaw(PairLeg side) {
        return ask[side.ordinal()];
    }

    /**
     * The accumulator: buy a leg whose ask plus fee plus the other leg's all-in average (or, with none held, its
     * ask plus fee) stays below the target, sized to the chunk, the ask's size and the delta bound, and only with
     * at least k × that size offered on the other leg. The short leg is tried first. A leg with an order working
     * is skipped.
     */
    public boolean accumulate(long nowMillis, PairPosition position, boolean yesWorking, boolean noWorking) {
        if (!opening(nowMillis) || !fresh(PairLeg.YES, nowMillis) || !fresh(PairLeg.NO, nowMillis)
                || Math.abs(updatedMillis[0] - updatedMillis[1]) > skewMillis) {
            return false;
        }
        PairLeg first = position.deltaRaw() > 0 ? PairLeg.NO : PairLeg.YES;
        return tryBuy(first, position, first == PairLeg.YES ? yesWorking : noWorking)
                || tryBuy(first.other(), position, first == PairLeg.YES ? noWorking : yesWorking);
    }

    private boolean tryBuy(PairLeg side, PairPosition position, boolean working) {
        int i = side.ordinal();
        int o = 1 - i;
        if (working || ask[i] == 0 || askSize[i] == 0) {
            return false;
        }
        long otherPrice;
        PairLeg other = side.other();
        if (position.sharesRaw(other) > 0) {
            otherPrice = position.averageAllInPriceRaw(other);
        } else if (ask[o] > 0) {
            otherPrice = ask[o] + fees.feePerShareCeilRaw(ask[o]);
        } else {
            return false;
        }
        if (ask[i] + fees.feePerShareCeilRaw(ask[i]) + otherPrice >= config.targetRaw()) {
            return false;
        }
        long delta = position.deltaRaw();
        long signedDelta = side == PairLeg.YES ? delta : -delta; // how long this leg already is
        long room = config.maxDeltaRaw() - signedDelta - restingShares[i];
        long shares = roundDown(Math.min(Math.min(config.chunkRaw(), askSize[i]), room));
        if (shares <= 0 || askSize[o] / config.liquidityMultiple() < shares) {
            return false;
        }
        return emit(side, true, ask[i], shares);
    }

    /**
     * The maker quote of {@code side}: a post-only bid at which a fill keeps the leg's all-in average plus the
     * other leg's under the target (no fee: makers pay none). The other leg counts at its all-in average when held,
     * else at the bid we would quote there. The price is the best bid plus one tick (our own bid, when the book
     * shows it at the top, is kept, not outbid), at most the cap, below the ask, on the tick grid; the size is one
     * chunk within the delta bound, counting {@code pendingRaw} (an IOC buy in flight on this leg) as filled, and
     * needs k × that size offered on the other leg. {@code hedgeOnly} (risk HIGH): only the short leg, at most
     * |delta|. False when no bid should rest: both books fresh, close in time and two-sided, before the settlement
     * buffer, are required.
     */
    public boolean quote(PairLeg side, long nowMillis, PairPosition position, long pendingRaw, boolean hedgeOnly) {
        int i = side.ordinal();
        int o = 1 - i;
        if (!opening(nowMillis) || !fresh(PairLeg.YES, nowMillis) || !fresh(PairLeg.NO, nowMillis)
                || Math.abs(updatedMillis[0] - updatedMillis[1]) > skewMillis
                || bid[i] == 0 || ask[i] == 0 || bid[o] == 0 || ask[o] == 0) {
            return false;
        }
        long delta = position.deltaRaw();
        long signedDelta = side == PairLeg.YES ? delta : -delta;
        long shares = roundDown(Math.min(config.chunkRaw(), config.maxDeltaRaw() - signedDelta - pendingRaw));
        if (hedgeOnly) {
            shares = signedDelta < 0 ? roundDown(Math.min(shares, -signedDelta)) : 0;
        } else if (askSize[o] / config.liquidityMultiple() < shares) {
            return false;
        }
        if (shares <= 0) {
            return false;
        }
        PairLeg other = side.other();
        long otherPrice = position.sharesRaw(other) > 0 ? position.averageAllInPriceRaw(other) : join(o);
        long perPair = config.targetRaw() - otherPrice;
        if (perPair <= 0) {
            return false;
        }
        // (cost + p × q) / (held + q) + other < target  <=>  p × q < perPair × (held + q) − cost
        long budget = FixedMath.multiplyDivide(perPair, Math.addExact(position.sharesRaw(side), shares), ONE,
                RoundingMode.DOWN) - position.allInCostRaw(side);
        if (budget <= 0) {
            return false;
        }
        long cap = FixedMath.multiplyDivide(budget, ONE, shares, RoundingMode.CEILING) - 1;
        long price = Math.min(cap, join(i));
        price -= price % tickRaw;
        return price >= tickRaw && emit(side, true, price, shares);
    }

    /** The bid we would quote on leg {@code i} before the pair cap: best bid + one tick, below the ask. */
    private long join(int i) {
        long above = restingPrice[i] != 0 && bid[i] == restingPrice[i] ? bid[i] : bid[i] + tickRaw;
        return Math.min(above, ask[i] - tickRaw);
    }

    /**
     * The equalizer: buy the short leg toward delta 0 at its ask, only while ask + fee + the long leg's all-in
     * average stays below the hedge limit.
     */
    public boolean equalize(long nowMillis, PairPosition position, boolean shortLegWorking) {
        long delta = position.deltaRaw();
        if (delta == 0 || shortLegWorking) {
            return false;
        }
        PairLeg shortLeg = delta > 0 ? PairLeg.NO : PairLeg.YES;
        int s = shortLeg.ordinal();
        if (!fresh(shortLeg, nowMillis) || ask[s] == 0 || askSize[s] == 0) {
            return false;
        }
        long longAverage = position.averageAllInPriceRaw(shortLeg.other());
        if (ask[s] + fees.feePerShareCeilRaw(ask[s]) + longAverage >= config.hedgeLimitRaw()) {
            return false;
        }
        long shares = roundDown(Math.min(Math.abs(delta), askSize[s]));
        return shares > 0 && emit(shortLeg, true, ask[s], shares);
    }

    /** Leg-risk unwind: sell the long leg's excess over the short leg at its bid. */
    public boolean unwind(long nowMillis, PairPosition position, boolean longLegWorking) {
        long delta = position.deltaRaw();
        if (delta == 0 || longLegWorking) {
            return false;
        }
        PairLeg longLeg = delta > 0 ? PairLeg.YES : PairLeg.NO;
        int l = longLeg.ordinal();
        if (!fresh(longLeg, nowMillis) || bid[l] == 0 || bidSize[l] == 0) {
            return false;
        }
        long shares = roundDown(Math.min(Math.abs(delta), bidSize[l]));
        return shares > 0 && emit(longLeg, false, bid[l], shares);
    }

    /** Liquidation: sell what is held of {@code side} at its bid, as much as the bid shows. */
    public boolean liquidate(PairLeg side, PairPosition position, boolean working) {
        int i = side.ordinal();
        if (working || bid[i] == 0 || bidSize[i] == 0) {
            return false;
        }
        long shares = roundDown(Math.min(position.sharesRaw(side), bidSize[i]));
        return shares > 0 && emit(side, false, bid[i], shares);
    }

    /**
     * Mark-to-market P&amp;L of {@code position} at the bids (a leg without a bid is worth 0), raw collateral.
     */
    public long markToMarketRaw(PairPosition position) {
        long value = 0;
        for (PairLeg side : PairLeg.values()) {
            value = Math.addExact(value, FixedMath.multiplyDivide(position.sharesRaw(side), bid[side.ordinal()],
                    ONE, RoundingMode.DOWN));
        }
        return Math.subtractExact(value, position.totalCostRaw());
    }

    private static long roundDown(long shares) {
        return shares <= 0 ? 0 : shares - shares % SHARE_STEP;
    }

    private boolean emit(PairLeg side, boolean isBuy, long price, long shares) {
        this.leg = side;
        this.buy = isBuy;
        this.priceRaw = price;
        this.sharesRaw = shares;
        return true;
    }

    public PairLeg leg() {
        return leg;
    }

    public boolean buy() {
        return buy;
    }

    public long priceRaw() {
        return priceRaw;
    }

    public long sharesRaw() {
        return sharesRaw;
    }
}
