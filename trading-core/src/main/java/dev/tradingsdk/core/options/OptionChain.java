package dev.tradingsdk.core.options;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.instrument.OptionTerms;
import dev.tradingsdk.core.num.Price;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The options of one underlying contract and one expiry, by strike: calls and puts, with the strike nearest the
 * money and the option nearest a target delta. Immutable.
 */
public final class OptionChain {

    private final Instrument underlying;
    private final Instant expiry;
    private final TreeMap<Price, Instrument> calls = new TreeMap<>();
    private final TreeMap<Price, Instrument> puts = new TreeMap<>();
    private final List<Price> strikes;
    private final TreeSet<Price> strikeSet = new TreeSet<>();
    private final List<Instrument> options;

    private OptionChain(Collection<Instrument> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one option");
        }
        Instrument first = options.iterator().next();
        OptionTerms firstTerms = terms(first);
        this.underlying = firstTerms.underlying();
        this.expiry = first.expiryOrNull();
        for (Instrument option : options) {
            OptionTerms terms = terms(option);
            if (!terms.underlying().equals(underlying)) {
                throw new IllegalArgumentException(option + " is on " + terms.underlying() + ", not on " + underlying
                        + " like " + first);
            }
            if (!option.expiryOrNull().equals(expiry)) {
                throw new IllegalArgumentException(option + " expires at " + option.expiryOrNull() + ", not at "
                        + expiry + " like " + first);
            }
            Map<Price, Instrument> side = terms.right() == OptionRight.CALL ? calls : puts;
            Instrument previous = side.putIfAbsent(terms.strike(), option);
            if (previous != null) {
                throw new IllegalArgumentException(option + " and " + previous + " are both the " + terms.right()
                        + " at strike " + terms.strike());
            }
            strikeSet.add(terms.strike());
        }
        this.strikes = List.copyOf(strikeSet);
        this.options = List.copyOf(options);
    }

    /** A chain of {@code options}: all on the same underlying contract with the same expiry, no strike twice per right. */
    public static OptionChain of(Collection<Instrument> options) {
        return new OptionChain(options);
    }

    private static OptionTerms terms(Instrument option) {
        OptionTerms terms = option.optionOrNull();
        if (terms == null) {
            throw new IllegalArgumentException(option + " has no option terms");
        }
        return terms;
    }

    public Instrument underlying() {
        return underlying;
    }

    public Instant expiry() {
        return expiry;
    }

    /** Every strike with a call or a put, ascending. */
    public List<Price> strikes() {
        return strikes;
    }

    /** Every option, in the order given. */
    public List<Instrument> options() {
        return options;
    }

    public Optional<Instrument> call(Price strike) {
        return Optional.ofNullable(calls.get(strike));
    }

    public Optional<Instrument> put(Price strike) {
        return Optional.ofNullable(puts.get(strike));
    }

    public Optional<Instrument> option(OptionRight right, Price strike) {
        return right == OptionRight.CALL ? call(strike) : put(strike);
    }

    /** The strike nearest {@code underlyingPrice}; of two equally near, the lower. */
    public Price atTheMoney(Price underlyingPrice) {
        Price below = strikeSet.floor(underlyingPrice);
        Price above = strikeSet.ceiling(underlyingPrice);
        if (below == null || above == null) {
            return below == null ? above : below;
        }
        return underlyingPrice.minus(below).compareTo(above.minus(underlyingPrice)) <= 0 ? below : above;
    }

    /**
     * The {@code right} option whose delta in {@code book} is nearest {@code targetDelta} (e.g. 0.25 for a
     * 25-delta call, −0.25 for a 25-delta put); of two equally near, the lower strike. Options the book does
     * not price yet are skipped; empty when none is priced.
     */
    public Optional<Instrument> nearestDelta(OptionRight right, double targetDelta, GreeksBook book) {
        Greeks g = new Greeks();
        Instrument best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Instrument option : (right == OptionRight.CALL ? calls : puts).values()) {
            if (book.greeks(option, g)) {
                double distance = Math.abs(g.delta() - targetDelta);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = option;
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
