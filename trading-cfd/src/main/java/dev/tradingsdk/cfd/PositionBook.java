package dev.tradingsdk.cfd;

import dev.tradingsdk.core.num.FixedMath;
import java.util.Arrays;

/**
 * Many accounts' positions in flat primitive arrays, for marking them all to new prices at once (a competition
 * host revaluing every participant each tick, say). All prices share one price precision and all sizes one size
 * precision; money is raw at their sum, so {@code (mark − entry) × size} needs no rounding and the whole
 * revaluation is exact. Sizes are in units of the underlying (contract multiplier already applied).
 *
 * <p>{@link #revalue} is a single loop over the positions that allocates nothing: longs are valued at the bid,
 * shorts at the ask, and each account's equity is its cash plus the P&L of its positions. Overflow throws
 * {@link ArithmeticException}. Not thread-safe.
 */
public final class PositionBook {

    private final int pricePrecision;
    private final int sizePrecision;
    private final int instrumentCount;
    private final int[] instrument;
    private final int[] account;
    private final long[] size;
    private final long[] entry;
    private final long[] cash;
    private final long[] equity;
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
        this.instrument = new int[capacity];
        this.account = new int[capacity];
        this.size = new long[capacity];
        this.entry = new long[capacity];
        this.cash = new long[accounts];
        this.equity = new long[accounts];
    }

    /** Adds a position (signed size: positive long, negative short) and returns its index. */
    public int add(int accountIndex, int instrumentIndex, long signedSizeRaw, long entryPriceRaw) {
        checkIndex("account", accountIndex, cash.length);
        checkIndex("instrument", instrumentIndex, instrumentCount);
        if (entryPriceRaw <= 0) {
            throw new IllegalArgumentException("entryPriceRaw must be positive, was " + entryPriceRaw);
        }
        if (count == instrument.length) {
            throw new IllegalStateException("position book is full at " + count + " positions");
        }
        instrument[count] = instrumentIndex;
        account[count] = accountIndex;
        size[count] = signedSizeRaw;
        entry[count] = entryPriceRaw;
        return count++;
    }

    /** Sets an account's cash, raw at {@link #moneyPrecision()}. */
    public void setCash(int accountIndex, long cashRaw) {
        checkIndex("account", accountIndex, cash.length);
        cash[accountIndex] = cashRaw;
    }

    /**
     * Marks every position to {@code bidRaw}/{@code askRaw} (indexed by instrument, at the price precision) and
     * recomputes every account's equity.
     */
    public void revalue(long[] bidRaw, long[] askRaw) {
        if (bidRaw.length < instrumentCount || askRaw.length < instrumentCount) {
            throw new IllegalArgumentException("need prices for " + instrumentCount + " instruments, got "
                    + bidRaw.length + " bids and " + askRaw.length + " asks");
        }
        long[] eq = equity;
        System.arraycopy(cash, 0, eq, 0, eq.length);
        int[] ins = instrument;
        int[] acc = account;
        long[] sz = size;
        long[] en = entry;
        for (int i = 0, n = count; i < n; i++) {
            long s = sz[i];
            long mark = s >= 0 ? bidRaw[ins[i]] : askRaw[ins[i]];
            long pnl = Math.multiplyExact(Math.subtractExact(mark, en[i]), s);
            int a = acc[i];
            eq[a] = Math.addExact(eq[a], pnl);
        }
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
