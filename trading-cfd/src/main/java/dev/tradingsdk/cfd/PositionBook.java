package dev.tradingsdk.cfd;

import dev.tradingsdk.core.num.FixedMath;
import java.util.Arrays;

/**
 * Many accounts' positions in flat primitive arrays, for marking them all to new prices at once (a competition
 * host revaluing every participant each tick, say). All prices share one price precision and all sizes one size
 * precision; money is raw at their sum, so {@code mark × size − entry × size} needs no rounding and the whole
 * revaluation is exact. Sizes are in units of the underlying (contract multiplier already applied).
 *
 * <p>{@link #revalue} is a single branch-light loop over the positions that allocates nothing: longs are valued at
 * the bid, shorts at the ask, and each account's equity is its cash plus the P&amp;L of its positions. Positions added
 * consecutively for the same account form a run whose entry cost {@code Σ entry × size} is summed once when the
 * positions are added, so per position the loop reads only a mark index and a size; adding positions grouped by
 * account is fastest (any order is correct). Overflow throws {@link ArithmeticException}, including a single
 * position whose notional does not fit a {@code long} at the money precision. Not thread-safe.
 */
public final class PositionBook {

    private final int pricePrecision;
    private final int sizePrecision;
    private final int instrumentCount;
    /** Per position: index into {@link #marks}, {@code 2 × instrument} for a long, {@code + 1} for a short. */
    private final int[] markIndex;
    /**
     * Runs of consecutive positions of one account: run {@code r} covers positions
     * {@code [runStart[r], runStart[r + 1])} of account {@code runAccount[r]}; {@code runStart[runs]} is the count.
     * The loop then reads no account index per position.
     */
    private final int[] runStart;
    private final int[] runAccount;
    /** Per run: {@code Σ entry × size} of its positions, raw at the money precision. */
    private final long[] runCost;
    private int runs;
    /** Bid and ask of each instrument, interleaved, so picking a position's mark needs no branch. */
    private final long[] marks;
    private final long[] size;
    private final long[] cash;
    private long[] equity;
    /** Where {@link #revalue} computes, swapped with {@link #equity} once it succeeds. */
    private long[] nextEquity;
    private int count;

    /**
     * An empty book for {@code accounts} accounts, {@code instruments} instruments and up to {@code capacity}
     * positions; {@code pricePrecision + sizePrecision} must not exceed {@value FixedMath#MAX_PRECISION}.
     */
    public PositionBook(int accounts, int instruments, int capacity, int pricePrecision, int sizePrecision) {
        positive("accounts", accounts);
        positive("instruments", instruments);
        positive("capacity", capacity);
        FixedMath.checkPrecision(pricePrecision);
        FixedMath.checkPrecision(sizePrecision);
        if (pricePrecision + sizePrecision > FixedMath.MAX_PRECISION) {
            throw new IllegalArgumentException("pricePrecision + sizePrecision must not exceed "
                    + FixedMath.MAX_PRECISION + ", was " + pricePrecision + " + " + sizePrecision);
        }
        this.pricePrecision = pricePrecision;
        this.sizePrecision = sizePrecision;
        this.instrumentCount = instruments;
        this.markIndex = new int[capacity];
        this.runStart = new int[capacity + 1];
        this.runAccount = new int[capacity];
        this.marks = new long[2 * instruments];
        this.size = new long[capacity];
        this.runCost = new long[capacity];
        this.cash = new long[accounts];
        this.equity = new long[accounts];
        this.nextEquity = new long[accounts];
    }

    /** Adds a position (signed size: positive long, negative short) and returns its index. */
    public int add(int accountIndex, int instrumentIndex, long signedSizeRaw, long entryPriceRaw) {
        checkIndex("account", accountIndex, cash.length);
        checkIndex("instrument", instrumentIndex, instrumentCount);
        if (entryPriceRaw <= 0) {
            throw new IllegalArgumentException("entryPriceRaw must be positive, was " + entryPriceRaw);
        }
        if (count == markIndex.length) {
            throw new IllegalStateException("position book is full at " + count + " positions");
        }
        long cost = Math.multiplyExact(entryPriceRaw, signedSizeRaw);
        boolean newRun = runs == 0 || runAccount[runs - 1] != accountIndex;
        long runTotal = newRun ? cost : Math.addExact(runCost[runs - 1], cost);
        markIndex[count] = 2 * instrumentIndex + (signedSizeRaw < 0 ? 1 : 0);
        size[count] = signedSizeRaw;
        if (newRun) {
            runAccount[runs] = accountIndex;
            runStart[runs] = count;
            runs++;
        }
        runCost[runs - 1] = runTotal;
        runStart[runs] = count + 1;
        return count++;
    }

    /** Sets an account's cash, raw at {@link #moneyPrecision()}. */
    public void setCash(int accountIndex, long cashRaw) {
        checkIndex("account", accountIndex, cash.length);
        cash[accountIndex] = cashRaw;
    }

    /**
     * Marks every position to {@code bidRaw}/{@code askRaw} (indexed by instrument, at the price precision, each
     * {@code 0 < bid <= ask}) and recomputes every account's equity. Refused prices or an overflow change nothing.
     */
    public void revalue(long[] bidRaw, long[] askRaw) {
        if (bidRaw.length < instrumentCount || askRaw.length < instrumentCount) {
            throw new IllegalArgumentException("need prices for " + instrumentCount + " instruments, got "
                    + bidRaw.length + " bids and " + askRaw.length + " asks");
        }
        for (int k = 0; k < instrumentCount; k++) {
            if (bidRaw[k] <= 0 || askRaw[k] < bidRaw[k]) {
                throw new IllegalArgumentException("prices of instrument " + k + " need 0 < bid <= ask, were bid="
                        + bidRaw[k] + " ask=" + askRaw[k]);
            }
        }
        long[] mk = marks;
        for (int k = 0; k < instrumentCount; k++) {
            mk[2 * k] = bidRaw[k];
            mk[2 * k + 1] = askRaw[k];
        }
        long[] eq = nextEquity;
        System.arraycopy(cash, 0, eq, 0, eq.length);
        int[] mi = markIndex;
        long[] sz = size;
        int[] starts = runStart;
        int[] owners = runAccount;
        long[] costs = runCost;
        for (int r = 0, n = runs; r < n; r++) {
            long value = 0;
            for (int i = starts[r], end = starts[r + 1]; i < end; i++) {
                value = Math.addExact(value, Math.multiplyExact(mk[mi[i]], sz[i]));
            }
            int a = owners[r];
            eq[a] = Math.addExact(eq[a], Math.subtractExact(value, costs[r]));
        }
        nextEquity = equity;
        equity = eq;
    }

    /** An account's equity after the last {@link #revalue}, raw at {@link #moneyPrecision()}. */
    public long equityRaw(int accountIndex) {
        checkIndex("account", accountIndex, equity.length);
        return equity[accountIndex];
    }

    /** A copy of every account's equity after the last {@link #revalue}. */
    public long[] equitiesRaw() {
        return Arrays.copyOf(equity, equity.length);
    }

    /** Decimal places of cash and equity: price precision + size precision. */
    public int moneyPrecision() {
        return pricePrecision + sizePrecision;
    }

    public int pricePrecision() {
        return pricePrecision;
    }

    public int sizePrecision() {
        return sizePrecision;
    }

    /** Number of positions. */
    public int size() {
        return count;
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    private static void checkIndex(String field, int index, int bound) {
        if (index < 0 || index >= bound) {
            throw new IndexOutOfBoundsException(field + " index " + index + " outside 0.." + (bound - 1));
        }
    }
}
