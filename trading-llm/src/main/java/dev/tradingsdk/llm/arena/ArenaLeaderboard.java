package dev.tradingsdk.llm.arena;

import dev.tradingsdk.core.analytics.ReturnMetrics;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The leaderboard of a competition between agents, with an automatic buy-and-hold baseline row. Every participant
 * gives its equity sampled at the same steps; Sharpe is computed on the per-step returns (core's
 * {@link ReturnMetrics}) and its 95% confidence interval by a seeded bootstrap of those returns, so the same
 * inputs give the same board.
 */
public final class ArenaLeaderboard {

    private final List<ArenaRow> rows;

    private ArenaLeaderboard(List<ArenaRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public static Builder builder(Money initialCapital, int periodsPerYear) {
        return new Builder(initialCapital, periodsPerYear);
    }

    public List<ArenaRow> rows() {
        return rows;
    }

    public ArenaRow row(String participant) {
        return rows.stream().filter(r -> r.participant().equals(participant)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no row for " + participant));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArenaLeaderboard b && rows.equals(b.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    /** A plain-text table. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
            "%-4s %-16s %-28s %14s %9s %8s %17s %8s %10s %6s %7s %8s %12s %9s%n", "rank", "participant", "agent",
            "equity", "return%", "sharpe", "sharpe 95% CI", "maxDD%", "fees", "trades", "win%", "tokens", "LLM cost",
            "net%"));
        for (ArenaRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%-4d %-16s %-28s %14s %9s %8.3f [%7.3f,%7.3f] %8s %10s %6d %7s %8d %12s %9s%n",
                r.rank(), r.participant(), r.agent(), r.equity().toBigDecimal().toPlainString(),
                r.returnPercent().toPlainString(), r.sharpe(), r.sharpeLow(), r.sharpeHigh(),
                r.maxDrawdownPercent().toPlainString(), r.fees().toBigDecimal().toPlainString(), r.trades(),
                r.winRatePercent() == null ? "n/a" : r.winRatePercent().toPlainString(), r.tokens(),
                r.llmCost().toBigDecimal().stripTrailingZeros().toPlainString(), r.returnNetOfLlmPercent().toPlainString()));
        }
        return sb.toString();
    }

    /** Collects participants; names must be unique. */
    public static final class Builder {
        private final Money initial;
        private final int periodsPerYear;
        private int resamples = 1000;
        private long seed = 1;
        private final List<Entry> entries = new ArrayList<>();

        private record Entry(String name, String agent, boolean baseline, List<Money> equity, Money fees, long trades,
                             BigDecimal winRatePercent, long tokens, Money llmCost) {
        }

        private Builder(Money initialCapital, int periodsPerYear) {
            this.initial = Objects.requireNonNull(initialCapital, "initialCapital");
            if (!initial.isPositive()) {
                throw new IllegalArgumentException("initialCapital must be positive, was " + initial);
            }
            if (periodsPerYear < 1) {
                throw new IllegalArgumentException("periodsPerYear must be >= 1, was " + periodsPerYear);
            }
            this.periodsPerYear = periodsPerYear;
        }

        /** Bootstrap resamples (default 1000) and seed (default 1). */
        public Builder bootstrap(int count, long randomSeed) {
            if (count < 100 || count > 100_000) {
                throw new IllegalArgumentException("bootstrap resamples must be in 100..100000, was " + count);
            }
            this.resamples = count;
            this.seed = randomSeed;
            return this;
        }

        /**
         * A participant: its equity at each step (the initial capital first), fees, fills, win rate of its closed
         * trades (null when none closed), tokens and LLM cost in USD.
         */
        public Builder participant(String name, String agent, List<Money> equity, Money fees, long trades,
                                   BigDecimal winRatePercent, long tokens, Money llmCost) {
            if (trades < 0 || tokens < 0 || (winRatePercent != null && (winRatePercent.signum() < 0
                || winRatePercent.compareTo(BigDecimal.valueOf(100)) > 0))) {
                throw new IllegalArgumentException("participant " + name + ": need trades, tokens >= 0 and win rate in "
                    + "0..100, were trades=" + trades + " tokens=" + tokens + " winRate=" + winRatePercent);
            }
            add(new Entry(name, agent, false, List.copyOf(equity), fees, trades, winRatePercent, tokens, llmCost));
            return this;
        }

        /**
         * The automatic baseline: the initial capital in {@code prices}' instrument at its first price, held to the
         * end (fractional units, no fees), valued at each step's price.
         */
        public Builder buyAndHold(String name, List<Price> prices) {
            if (prices.isEmpty()) {
                throw new IllegalArgumentException("buy-and-hold " + name + " needs prices");
            }
            BigDecimal units = initial.toBigDecimal().divide(prices.get(0).toBigDecimal(), 12, RoundingMode.DOWN);
            List<Money> equity = new ArrayList<>();
            for (Price p : prices) {
                equity.add(Money.of(units.multiply(p.toBigDecimal()), initial.precision(), RoundingMode.HALF_EVEN,
                    initial.currency()));
            }
            Money zero = Money.zero(initial.currency());
            add(new Entry(name, "buy-and-hold", true, equity, zero, 1, null, 0, Money.zero(Currency.USD)));
            return this;
        }

        private void add(Entry e) {
            Objects.requireNonNull(e.name(), "name");
            if (e.equity().isEmpty()) {
                throw new IllegalArgumentException("participant " + e.name() + " has no equity samples");
            }
            for (Entry other : entries) {
                if (other.name().equals(e.name())) {
                    throw new IllegalArgumentException("participant " + e.name() + " added twice");
                }
                if (other.equity().size() != e.equity().size()) {
                    throw new IllegalArgumentException("participant " + e.name() + " has " + e.equity().size()
                        + " equity samples, " + other.name() + " has " + other.equity().size());
                }
            }
            entries.add(e);
        }

        public ArenaLeaderboard build() {
            List<ArenaRow> unranked = new ArrayList<>();
            for (Entry e : entries) {
                unranked.add(row(e));
            }
            unranked.sort(Comparator.comparing(ArenaRow::equity).reversed().thenComparing(ArenaRow::participant));
            List<ArenaRow> ranked = new ArrayList<>();
            for (int i = 0; i < unranked.size(); i++) {
                ArenaRow r = unranked.get(i);
                ranked.add(new ArenaRow(i + 1, r.participant(), r.agent(), r.baseline(), r.equity(), r.returnPercent(),
                    r.sharpe(), r.sharpeLow(), r.sharpeHigh(), r.maxDrawdownPercent(), r.fees(), r.trades(),
                    r.winRatePercent(), r.tokens(), r.llmCost(), r.returnNetOfLlmPercent()));
            }
            return new ArenaLeaderboard(ranked);
        }

        private ArenaRow row(Entry e) {
            List<Money> eq = e.equity();
            Money last = eq.get(eq.size() - 1);
            double[] returns = returns(eq);
            double sharpe = ReturnMetrics.of(returns, periodsPerYear).sharpe();
            double[] ci = bootstrap(returns, e.name());
            BigDecimal hundred = BigDecimal.valueOf(100);
            BigDecimal ret = last.minus(initial).toBigDecimal().multiply(hundred)
                .divide(initial.toBigDecimal(), 4, RoundingMode.HALF_EVEN);
            BigDecimal net = last.minus(e.llmCost()).minus(initial).toBigDecimal().multiply(hundred)
                .divide(initial.toBigDecimal(), 4, RoundingMode.HALF_EVEN);
            return new ArenaRow(0, e.name(), e.agent(), e.baseline(), last, ret, sharpe, ci[0], ci[1], drawdown(eq),
                e.fees(), e.trades(), e.winRatePercent(), e.tokens(), e.llmCost(), net);
        }

        private static double[] returns(List<Money> eq) {
            double[] r = new double[eq.size() - 1];
            int n = 0;
            for (int i = 1; i < eq.size(); i++) {
                double prev = eq.get(i - 1).toDouble();
                if (prev > 0) {
                    r[n++] = eq.get(i).toDouble() / prev - 1.0;
                }
            }
            return Arrays.copyOf(r, n);
        }

        private static BigDecimal drawdown(List<Money> eq) {
            Money peak = eq.get(0);
            BigDecimal worst = BigDecimal.ZERO;
            for (Money m : eq) {
                peak = Money.max(peak, m);
                if (peak.isPositive()) {
                    BigDecimal dd = peak.minus(m).toBigDecimal().multiply(BigDecimal.valueOf(100))
                        .divide(peak.toBigDecimal(), 4, RoundingMode.HALF_EVEN);
                    worst = worst.max(dd);
                }
            }
            return worst;
        }

        /** The 2.5th and 97.5th percentiles of Sharpe over resampled returns; NaN when it is undefined. */
        private double[] bootstrap(double[] returns, String name) {
            if (returns.length < 2) {
                return new double[] {Double.NaN, Double.NaN};
            }
            // One stream per participant, derived from the seed and the name, so adding a row changes no other row.
            SplittableRandom random = new SplittableRandom(seed ^ name.hashCode());
            double[] sharpes = new double[resamples];
            double[] sample = new double[returns.length];
            int defined = 0;
            for (int b = 0; b < resamples; b++) {
                for (int i = 0; i < sample.length; i++) {
                    sample[i] = returns[random.nextInt(returns.length)];
                }
                double s = ReturnMetrics.of(sample, periodsPerYear).sharpe();
                if (!Double.isNaN(s)) {
                    sharpes[defined++] = s;
                }
            }
            if (defined == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double[] sorted = Arrays.copyOf(sharpes, defined);
            Arrays.sort(sorted);
            return new double[] {sorted[(int) Math.floor(0.025 * (defined - 1))],
                sorted[(int) Math.ceil(0.975 * (defined - 1))]};
        }
    }
}
