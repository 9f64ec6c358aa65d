package dev.tradingsdk.core.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The declared ranges of a sweep's parameters, from which {@link #grid()} enumerates every combination and
 * {@link #random(int, long)} draws a seeded sample. Ranges are exact decimals, so {@code 0.1} steps never drift.
 * <pre>{@code
 * ParameterSpace space = ParameterSpace.builder()
 *         .integers("fast", 5, 50, 5)
 *         .integers("slow", 20, 200, 10)
 *         .build();
 * List<ParameterSet> all = space.grid();               // 10 × 19 = 190 configurations
 * List<ParameterSet> some = space.random(40, 7L);      // 40 distinct ones, the same for seed 7 on every machine
 * }</pre>
 */
public final class ParameterSpace {

    private final Map<String, List<String>> dimensions;

    private ParameterSpace(Map<String, List<String>> dimensions) {
        this.dimensions = dimensions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The number of combinations in the grid; throws when it does not fit a long. */
    public long size() {
        long n = 1;
        for (List<String> values : dimensions.values()) {
            n = Math.multiplyExact(n, values.size());
        }
        return n;
    }

    /** The parameter names, in declaration order. */
    public List<String> names() {
        return List.copyOf(dimensions.keySet());
    }

    /**
     * Every combination, the last declared parameter varying fastest; refuses grids of more than
     * {@code Integer.MAX_VALUE - 8} configurations, naming the size.
     */
    public List<ParameterSet> grid() {
        long size = size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the grid has " + size + " configurations, too many for one list; use"
                    + " random(count, seed)");
        }
        List<ParameterSet> out = new ArrayList<>((int) size);
        for (long i = 0; i < size; i++) {
            out.add(at(i));
        }
        return out;
    }

    /**
     * {@code count} distinct combinations drawn uniformly with {@code seed}, in the order drawn; the same seed gives
     * the same list on every machine. Refuses a count above {@link #size()}.
     */
    public List<ParameterSet> random(int count, long seed) {
        if (count < 0 || count > size()) {
            throw new IllegalArgumentException("count must be between 0 and the grid size " + size() + ", was "
                    + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> drawn = new LinkedHashSet<>();
        long size = size();
        while (drawn.size() < count) {
            drawn.add(random.nextLong(size));
        }
        List<ParameterSet> out = new ArrayList<>(count);
        for (long index : drawn) {
            out.add(at(index));
        }
        return out;
    }

    private ParameterSet at(long index) {
        List<String> names = new ArrayList<>(dimensions.keySet());
        String[] pairs = new String[names.size() * 2];
        long rest = index;
        for (int d = names.size() - 1; d >= 0; d--) {
            List<String> values = dimensions.get(names.get(d));
            pairs[2 * d] = names.get(d);
            pairs[2 * d + 1] = values.get((int) (rest % values.size()));
            rest /= values.size();
        }
        return ParameterSet.of(pairs);
    }

    /** Declares dimensions; a name declared twice or an empty or inverted range is refused at once. */
    public static final class Builder {
        private final Map<String, List<String>> dimensions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Whole numbers {@code from, from + step, …} up to and including {@code to} when it is on the step. */
        public Builder integers(String name, long from, long to, long step) {
            return decimals(name, BigDecimal.valueOf(from), BigDecimal.valueOf(to), BigDecimal.valueOf(step));
        }

        /** Exact decimals {@code from, from + step, …} up to and including {@code to} when it is on the step. */
        public Builder decimals(String name, String from, String to, String step) {
            return decimals(name, decimal(name, "from", from), decimal(name, "to", to), decimal(name, "step", step));
        }

        private static BigDecimal decimal(String name, String field, String text) {
            try {
                return new BigDecimal(Objects.requireNonNull(text, name + "." + field));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "." + field + " is not a decimal: \"" + text + "\"", e);
            }
        }

        private Builder decimals(String name, BigDecimal from, BigDecimal to, BigDecimal step) {
            if (step.signum() <= 0) {
                throw new IllegalArgumentException(name + ".step must be positive, was " + step.toPlainString());
            }
            if (from.compareTo(to) > 0) {
                throw new IllegalArgumentException(name + ".from " + from.toPlainString() + " is above " + name
                        + ".to " + to.toPlainString());
            }
            List<String> values = new ArrayList<>();
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                values.add(v.stripTrailingZeros().toPlainString());
            }
            return put(name, values);
        }

        /** Named choices, in the order given; duplicates are refused. */
        public Builder choices(String name, String... values) {
            List<String> list = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String v : values) {
                if (!seen.add(v)) {
                    throw new IllegalArgumentException(name + " lists the choice \"" + v + "\" twice");
                }
                list.add(v);
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException(name + " must list at least one choice");
            }
            return put(name, list);
        }

        private Builder put(String name, List<String> values) {
            ParameterSet.checkName(name);
            if (dimensions.containsKey(name)) {
                throw new IllegalStateException("parameter " + name + " is declared twice");
            }
            ParameterSet.of(name, values.get(0));
            dimensions.put(name, Collections.unmodifiableList(values));
            return this;
        }

        public ParameterSpace build() {
            if (dimensions.isEmpty()) {
                throw new IllegalStateException("a parameter space needs at least one parameter");
            }
            return new ParameterSpace(new LinkedHashMap<>(dimensions));
        }
    }
}
