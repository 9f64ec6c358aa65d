package dev.tradingsdk.llm.decision;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What code allows a decision to be, worked out before the model answers (ai-hedge-fund's split: the model
 * chooses, code bounds): the tradable instruments by exact symbol, the current price and net position of each,
 * the largest quantity, percent of equity and leverage, and whether shorting is allowed.
 */
public final class DecisionRules {

    private final Map<String, Instrument> instruments;
    private final Map<String, Price> prices;
    private final Map<String, BigDecimal> positions;
    private final Map<String, Quantity> maxQuantity;
    private final BigDecimal maxPercentOfEquity;
    private final int maxLeverage;
    private final boolean shortingAllowed;

    private DecisionRules(Builder b) {
        this.instruments = Map.copyOf(b.instruments);
        this.prices = Map.copyOf(b.prices);
        this.positions = Map.copyOf(b.positions);
        this.maxQuantity = Map.copyOf(b.maxQuantity);
        this.maxPercentOfEquity = b.maxPercentOfEquity;
        this.maxLeverage = b.maxLeverage;
        this.shortingAllowed = b.shortingAllowed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Instrument> instrument(String symbol) {
        return Optional.ofNullable(instruments.get(symbol));
    }

    public Map<String, Instrument> instruments() {
        return instruments;
    }

    public Optional<Price> price(String symbol) {
        return Optional.ofNullable(prices.get(symbol));
    }

    /** Signed net position in units (positive long, negative short, 0 flat). */
    public BigDecimal position(String symbol) {
        return positions.getOrDefault(symbol, BigDecimal.ZERO);
    }

    public Optional<Quantity> maxQuantity(String symbol) {
        return Optional.ofNullable(maxQuantity.get(symbol));
    }

    public BigDecimal maxPercentOfEquity() {
        return maxPercentOfEquity;
    }

    public int maxLeverage() {
        return maxLeverage;
    }

    public boolean shortingAllowed() {
        return shortingAllowed;
    }

    /** Fluent builder; at least one instrument. */
    /**
     * Each option, and each symbol's price, position and maximum quantity, takes one value: a second throws
     * {@link IllegalStateException} naming both (a position from {@code positionsFrom} counts).
     */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private final Map<String, Instrument> instruments = new LinkedHashMap<>();
        private final Map<String, Price> prices = new LinkedHashMap<>();
        private final Map<String, BigDecimal> positions = new LinkedHashMap<>();
        private final Map<String, Quantity> maxQuantity = new LinkedHashMap<>();
        private BigDecimal maxPercentOfEquity = BigDecimal.valueOf(100);
        private int maxLeverage = 1;
        private boolean shortingAllowed;

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        /** A tradable instrument, known by its exact symbol. */
        public Builder instrument(Instrument instrument) {
            Objects.requireNonNull(instrument, "instrument");
            Instrument previous = instruments.putIfAbsent(instrument.symbol(), instrument);
            if (previous != null && !previous.equals(instrument)) {
                throw new IllegalArgumentException("two instruments share the symbol " + instrument.symbol() + ": "
                    + previous + " and " + instrument);
            }
            return this;
        }

        /** The price stops and targets are judged against (the mid, or the last trade). */
        public Builder price(Instrument instrument, Price price) {
            instrument(instrument);
            once("price of " + instrument.symbol(), prices.get(instrument.symbol()), price);
            prices.put(instrument.symbol(), Objects.requireNonNull(price, "price"));
            return this;
        }

        /** The net positions of {@code account}, for instruments already added or added later. */
        public Builder positionsFrom(AccountView account) {
            for (Position p : account.positions()) {
                once("position of " + p.instrument().symbol(), positions.get(p.instrument().symbol()), p.netQuantity());
                positions.put(p.instrument().symbol(), p.netQuantity());
            }
            return this;
        }

        public Builder position(Instrument instrument, BigDecimal signedNet) {
            instrument(instrument);
            once("position of " + instrument.symbol(), positions.get(instrument.symbol()), signedNet);
            positions.put(instrument.symbol(), Objects.requireNonNull(signedNet, "signedNet"));
            return this;
        }

        /** The largest quantity one decision may trade in {@code instrument}. */
        public Builder maxQuantity(Instrument instrument, Quantity max) {
            instrument(instrument);
            Objects.requireNonNull(max, "maxQuantity");
            if (max.isLessThan(Quantity.zero(max.precision())) || max.equals(Quantity.zero(max.precision()))) {
                throw new IllegalArgumentException("maxQuantity of " + instrument.symbol() + " must be positive, was "
                    + max);
            }
            once("maxQuantity of " + instrument.symbol(), maxQuantity.get(instrument.symbol()), max);
            maxQuantity.put(instrument.symbol(), max);
            return this;
        }

        public Builder maxPercentOfEquity(BigDecimal percent) {
            if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                throw new IllegalArgumentException("maxPercentOfEquity must be in (0, 10000], was " + percent);
            }
            once("maxPercentOfEquity", maxPercentOfEquity, percent);
            this.maxPercentOfEquity = percent;
            return this;
        }

        public Builder maxLeverage(int leverage) {
            if (leverage < 1 || leverage > 1000) {
                throw new IllegalArgumentException("maxLeverage must be in [1, 1000], was " + leverage);
            }
            once("maxLeverage", maxLeverage, leverage);
            this.maxLeverage = leverage;
            return this;
        }

        public Builder shortingAllowed(boolean allowed) {
            once("shortingAllowed", shortingAllowed, allowed);
            this.shortingAllowed = allowed;
            return this;
        }

        public DecisionRules build() {
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException("decision rules need at least one tradable instrument");
            }
            positions.keySet().retainAll(instruments.keySet());
            return new DecisionRules(this);
        }
    }
}
