package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The greeks of one account's positions, per underlying: net delta (units of the underlying), gamma (change
 * of that delta per one point of the underlying), vega (quote currency per 1.00 of volatility) and theta (quote
 * currency per year), each Σ net size × multiplier × the per-unit figure from a {@link GreeksBook}.
 *
 * <p>{@link #recompute} refills primitive arrays in place and allocates nothing when the account's position
 * list does not (call it after the book's prices move); {@link #snapshot()} copies the figures into an immutable
 * {@link GreeksSnapshot} for agents and status pages. An underlying with a position the book cannot price is
 * reported incomplete, never silently as zero. Not thread-safe.
 */
public final class AccountGreeks {

    private final GreeksBook book;
    private final String[] underlyings;
    private final int[] underlyingOfSlot;
    private final double[] delta;
    private final double[] gamma;
    private final double[] vega;
    private final double[] theta;
    private final int[] unpriced;
    private String accountId = "";
    private int positionsOutsideBook;
    private long computedAtNanos;

    /** Figures for positions in {@code book}'s instruments; positions in others are counted, not valued. */
    public AccountGreeks(GreeksBook book) {
        this.book = book;
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Instrument> instruments = book.instruments();
        underlyingOfSlot = new int[instruments.size()];
        for (int i = 0; i < instruments.size(); i++) {
            String u = instruments.get(i).underlying();
            Integer at = index.get(u);
            if (at == null) {
                at = index.size();
                index.put(u, at);
            }
            underlyingOfSlot[i] = at;
        }
        underlyings = index.keySet().toArray(new String[0]);
        int n = underlyings.length;
        delta = new double[n];
        gamma = new double[n];
        vega = new double[n];
        theta = new double[n];
        unpriced = new int[n];
    }

    /** Recomputes every figure from {@code account}'s open positions, stamped with {@code nowNanos}. */
    public void recompute(AccountView account, long nowNanos) {
        for (int u = 0; u < underlyings.length; u++) {
            delta[u] = 0;
            gamma[u] = 0;
            vega[u] = 0;
            theta[u] = 0;
            unpriced[u] = 0;
        }
        int outside = 0;
        List<Position> positions = account.positions();
        for (int i = 0, n = positions.size(); i < n; i++) {
            Position p = positions.get(i);
            Instrument instrument = p.instrument();
            int slot = book.slotOrMinusOne(instrument.id());
            if (slot < 0) {
                outside++;
                continue;
            }
            int u = underlyingOfSlot[slot];
            if (!book.known(slot)) {
                unpriced[u]++;
                continue;
            }
            double units = (double) p.netRaw() / FixedMath.powerOfTen(instrument.sizePrecision())
                    * instrument.multiplier().toDouble();
            delta[u] += units * book.delta(slot);
            gamma[u] += units * book.gamma(slot);
            vega[u] += units * book.vega(slot);
            theta[u] += units * book.theta(slot);
        }
        positionsOutsideBook = outside;
        accountId = account.accountId();
        computedAtNanos = nowNanos;
    }

    /** The index of {@code underlying} for the per-index reads, or -1 when no instrument of the book has it. */
    public int indexOf(String underlying) {
        for (int u = 0; u < underlyings.length; u++) {
            if (underlyings[u].equals(underlying)) {
                return u;
            }
        }
        return -1;
    }

    public int underlyingCount() {
        return underlyings.length;
    }

    public String underlying(int index) {
        return underlyings[index];
    }

    public double netDelta(int index) {
        return delta[index];
    }

    public double gamma(int index) {
        return gamma[index];
    }

    public double vega(int index) {
        return vega[index];
    }

    public double theta(int index) {
        return theta[index];
    }

    /** True when every position on the underlying was priced. */
    public boolean complete(int index) {
        return unpriced[index] == 0;
    }

    /** Open positions in instruments the book does not hold, at the last {@link #recompute}. */
    public int positionsOutsideBook() {
        return positionsOutsideBook;
    }

    /** An immutable copy of the figures of the last {@link #recompute}, for agents and status (allocates). */
    public GreeksSnapshot snapshot() {
        List<GreeksSnapshot.Underlying> rows = new ArrayList<>(underlyings.length);
        for (int u = 0; u < underlyings.length; u++) {
            rows.add(new GreeksSnapshot.Underlying(underlyings[u], delta[u], gamma[u], vega[u], theta[u],
                    unpriced[u] == 0));
        }
        return new GreeksSnapshot(accountId, computedAtNanos, rows, positionsOutsideBook);
    }
}
