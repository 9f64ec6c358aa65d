package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.instrument.OptionTerms;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.risk.DeltaSource;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-unit greeks of a fixed set of instruments, kept current in place: set the underlying prices, the
 * options' volatilities and the time, and every option on a changed underlying is re-priced into primitive
 * arrays ({@link OptionPricer}'s models: Black-76 on futures, Black-Scholes-Merton on spot). As a
 * {@link DeltaSource} it gives {@link dev.tradingsdk.core.risk.rules.MaxNetDeltaRule} and the {@link DeltaHedger}
 * real option deltas: 1 for futures and spot instruments, the model delta for options, and
 * {@link DeltaSource#UNKNOWN} for an option whose underlying price, volatility or the time is not known yet
 * (or that is not in the book).
 *
 * <p>Updates and reads allocate nothing. Not thread-safe: update it and check orders from one thread (the
 * engine loop), or under one lock.
 */
public final class GreeksBook implements DeltaSource {

    private static final double DELTA_SCALE = FixedMath.powerOfTen(DELTA_PRECISION);

    private final double rate;
    private final Map<InstrumentId, Integer> slots;
    private final Instrument[] instruments;
    /** For an option the slot of its underlying contract, for anything else -1. */
    private final int[] underlyingSlot;
    /** For each slot, the option slots written on it. */
    private final int[][] optionsOn;
    private final boolean[] call;
    private final boolean[] onFuture;
    private final double[] strike;
    private final long[] expiryNanos;
    private final double[] dividendYield;
    private final double[] lastPrice;
    private final boolean[] priced;
    private final double[] volatility;
    private final boolean[] hasVolatility;
    private final boolean[] known;
    private final double[] value;
    private final double[] delta;
    private final double[] gamma;
    private final double[] vega;
    private final double[] theta;
    private final double[] rho;
    private final long[] deltaRaw;
    private final Greeks scratch = new Greeks();
    private long nowNanos;
    private boolean timeKnown;

    private GreeksBook(Builder b) {
        this.rate = b.rate;
        int n = b.instruments.size();
        this.instruments = b.instruments.values().toArray(new Instrument[0]);
        Map<InstrumentId, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(instruments[i].id(), i);
        }
        this.slots = Map.copyOf(index);
        underlyingSlot = new int[n];
        call = new boolean[n];
        onFuture = new boolean[n];
        strike = new double[n];
        expiryNanos = new long[n];
        dividendYield = new double[n];
        lastPrice = new double[n];
        priced = new boolean[n];
        volatility = new double[n];
        hasVolatility = new boolean[n];
        known = new boolean[n];
        value = new double[n];
        delta = new double[n];
        gamma = new double[n];
        vega = new double[n];
        theta = new double[n];
        rho = new double[n];
        deltaRaw = new long[n];
        List<List<Integer>> on = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            on.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Instrument instrument = instruments[i];
            OptionTerms terms = instrument.optionOrNull();
            Double q = b.dividendYields.get(instrument.id());
            dividendYield[i] = q == null ? 0 : q;
            if (terms == null) {
                // Linear: delta 1 whether or not a price is known yet.
                underlyingSlot[i] = -1;
                delta[i] = 1;
                deltaRaw[i] = FixedMath.powerOfTen(DELTA_PRECISION);
                continue;
            }
            int u = index.get(terms.underlying().id());
            underlyingSlot[i] = u;
            on.get(u).add(i);
            call[i] = terms.right() == OptionRight.CALL;
            onFuture[i] = terms.onFuture();
            strike[i] = terms.strike().toDouble();
            Instant expiry = instrument.expiryOrNull();
            expiryNanos[i] = EpochNanos.of(expiry);
        }
        optionsOn = new int[n][];
        for (int i = 0; i < n; i++) {
            optionsOn[i] = on.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The instruments in the book, options' underlying contracts included, in slot order. */
    public List<Instrument> instruments() {
        return Collections.unmodifiableList(Arrays.asList(instruments));
    }

    /** True when {@code instrument} is in the book. */
    public boolean contains(Instrument instrument) {
        return slots.containsKey(instrument.id());
    }

    /** Sets the time and re-prices every option (theta decay, expiry). */
    public void time(long nowNanos) {
        this.nowNanos = nowNanos;
        this.timeKnown = true;
        for (int i = 0; i < instruments.length; i++) {
            recompute(i);
        }
    }

    /**
     * Sets the price of {@code contract} (a future or spot instrument in the book), raw at its price
     * precision, and re-prices the options on it. A price that is not positive is refused.
     */
    public void price(Instrument contract, long priceRaw) {
        int slot = slot(contract);
        if (priceRaw <= 0) {
            throw new IllegalArgumentException("price of " + contract + " must be positive, was raw " + priceRaw);
        }
        if (underlyingSlot[slot] >= 0) {
            throw new IllegalArgumentException(contract + " is an option: set its volatility, not its price");
        }
        lastPrice[slot] = (double) priceRaw / FixedMath.powerOfTen(contract.pricePrecision());
        priced[slot] = true;
        recompute(slot);
        int[] options = optionsOn[slot];
        for (int i = 0; i < options.length; i++) {
            recompute(options[i]);
        }
    }

    /** Sets the volatility (per year, e.g. 0.2 for 20%) of {@code option} and re-prices it. */
    public void volatility(Instrument option, double volatility) {
        int slot = slot(option);
        if (underlyingSlot[slot] < 0) {
            throw new IllegalArgumentException(option + " is not an option: it has no volatility to set");
        }
        if (!(volatility >= 0) || volatility == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("volatility of " + option + " must be zero or positive and finite, was "
                    + volatility);
        }
        this.volatility[slot] = volatility;
        hasVolatility[slot] = true;
        recompute(slot);
    }

    /** Sets one volatility for every option in the book on {@code contract}. */
    public void volatilityOfAll(Instrument contract, double volatility) {
        int[] options = optionsOn[slot(contract)];
        for (int i = 0; i < options.length; i++) {
            volatility(instruments[options[i]], volatility);
        }
    }

    private void recompute(int i) {
        int u = underlyingSlot[i];
        if (u < 0) {
            known[i] = priced[i];
            value[i] = lastPrice[i];
            return;
        }
        known[i] = timeKnown && priced[u] && hasVolatility[i];
        if (!known[i]) {
            return;
        }
        double years = OptionPricer.yearsBetween(nowNanos, expiryNanos[i]);
        OptionRight right = call[i] ? OptionRight.CALL : OptionRight.PUT;
        Greeks g = onFuture[i]
                ? Black76.greeks(right, lastPrice[u], strike[i], years, rate, volatility[i], scratch)
                : BlackScholesMerton.greeks(right, lastPrice[u], strike[i], years, rate, dividendYield[u],
                        volatility[i], scratch);
        value[i] = g.price();
        delta[i] = g.delta();
        gamma[i] = g.gamma();
        vega[i] = g.vega();
        theta[i] = g.theta();
        rho[i] = g.rho();
        deltaRaw[i] = Math.round(g.delta() * DELTA_SCALE);
    }

    /**
     * The delta of one unit, raw at {@link #DELTA_PRECISION} (rounded to nearest): 1 for an instrument that is
     * not an option (in the book or not), the model delta for a priced option, else {@link #UNKNOWN}.
     */
    @Override
    public long deltaRaw(Instrument instrument) {
        Integer slot = slots.get(instrument.id());
        if (slot == null) {
            return instrument.assetClass() == AssetClass.OPTION ? UNKNOWN : FixedMath.powerOfTen(DELTA_PRECISION);
        }
        int i = slot;
        return underlyingSlot[i] < 0 || known[i] ? deltaRaw[i] : UNKNOWN;
    }

    /**
     * Fills {@code out} with the greeks of one unit of {@code instrument} (price, 1 and zeros for a future or
     * spot) and returns true, or returns false when they are not known (out is then unchanged).
     */
    public boolean greeks(Instrument instrument, Greeks out) {
        Integer slot = slots.get(instrument.id());
        if (slot == null || !known[slot]) {
            return false;
        }
        int i = slot;
        out.set(value[i], delta[i], gamma[i], vega[i], theta[i], rho[i]);
        return true;
    }

    /** The slot of {@code id}, or -1 when it is not in the book. */
    int slotOrMinusOne(InstrumentId id) {
        Integer slot = slots.get(id);
        return slot == null ? -1 : slot;
    }

    Instrument instrument(int slot) {
        return instruments[slot];
    }

    boolean known(int slot) {
        return known[slot];
    }

    double delta(int slot) {
        return delta[slot];
    }

    double gamma(int slot) {
        return gamma[slot];
    }

    double vega(int slot) {
        return vega[slot];
    }

    double theta(int slot) {
        return theta[slot];
    }

    private int slot(Instrument instrument) {
        Integer slot = slots.get(instrument.id());
        if (slot == null) {
            throw new IllegalArgumentException(instrument + " is not in this greeks book");
        }
        return slot;
    }

    /** Fluent builder: the instruments, the rate and the dividend yields are fixed when built. */
    public static final class Builder {
        private final Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
        private final Map<InstrumentId, Double> dividendYields = new HashMap<>();
        private double rate = Double.NaN;

        private Builder() {
        }

        /** The continuously compounded risk-free rate per year used to discount every option. Required. */
        public Builder rate(double rate) {
            if (!Double.isFinite(rate)) {
                throw new IllegalArgumentException("rate must be finite, was " + rate);
            }
            if (!Double.isNaN(this.rate)) {
                throw new IllegalStateException("rate set twice: " + this.rate + " and " + rate);
            }
            this.rate = rate;
            return this;
        }

        /** The continuous dividend yield of a spot underlying; 0 when not set. Refused for a future. */
        public Builder dividendYield(Instrument spot, double yield) {
            if (!Double.isFinite(yield)) {
                throw new IllegalArgumentException("dividend yield of " + spot + " must be finite, was " + yield);
            }
            if (spot.assetClass() == AssetClass.FUTURE || spot.assetClass() == AssetClass.OPTION) {
                throw new IllegalArgumentException("dividend yield applies to a spot underlying, not to "
                        + spot.assetClass() + " " + spot);
            }
            Double previous = dividendYields.putIfAbsent(spot.id(), yield);
            if (previous != null) {
                throw new IllegalStateException("dividend yield of " + spot + " set twice: " + previous + " and "
                        + yield);
            }
            add(spot);
            return this;
        }

        /**
         * Adds instruments: futures, spot instruments and options built with option terms (their underlying
         * contracts are added with them). An option without terms cannot be priced and is refused.
         */
        public Builder instruments(Instrument... instruments) {
            for (Instrument instrument : instruments) {
                OptionTerms terms = instrument.optionOrNull();
                if (terms != null) {
                    add(terms.underlying());
                } else if (instrument.assetClass() == AssetClass.OPTION) {
                    throw new IllegalArgumentException(instrument + " is an option without option terms: build it "
                            + "with Instrument.Builder.option to price it");
                }
                add(instrument);
            }
            return this;
        }

        /** Adds every option of {@code chain} (and its underlying). */
        public Builder chain(OptionChain chain) {
            return instruments(chain.options().toArray(new Instrument[0]));
        }

        private void add(Instrument instrument) {
            Instrument previous = instruments.putIfAbsent(instrument.id(), instrument);
            if (previous != null && previous != instrument && !sameDefinition(previous, instrument)) {
                throw new IllegalArgumentException("two different definitions of " + instrument.id());
            }
        }

        private static boolean sameDefinition(Instrument a, Instrument b) {
            return a.underlying().equals(b.underlying()) && a.multiplier().equals(b.multiplier())
                    && a.option().equals(b.option()) && a.expiry().equals(b.expiry());
        }

        public GreeksBook build() {
            if (Double.isNaN(rate)) {
                throw new IllegalStateException("rate is required");
            }
            return new GreeksBook(this);
        }
    }
}
