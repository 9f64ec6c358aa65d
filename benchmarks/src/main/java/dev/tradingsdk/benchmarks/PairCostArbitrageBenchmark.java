package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.polymarket.arb.PairCostConfig;
import dev.tradingsdk.polymarket.arb.PairCostDecision;
import dev.tradingsdk.polymarket.arb.PairLeg;
import dev.tradingsdk.polymarket.arb.PairPosition;
import dev.tradingsdk.polymarket.arb.PairPosition.FeeCollection;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pair-cost bot's hot decision: one book update of a leg, then "an order or nothing" from
 * {@link PairCostDecision#accumulate} (fees priced in, delta bound, liquidity multiple), on raw longs. Two cases:
 * books that sum above the target (the common case: nothing) and a cheap pair (an order is chosen); and, for the
 * default maker mode, both legs' post-only bids after a book update. Should allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PairCostArbitrageBenchmark {
    private static final long START = Instant.parse("2026-12-01T12:00:00Z").toEpochMilli();

    private PairCostDecision decision;
    private PairPosition holdingYes;
    private long now;
    private long askWobble;

    @Setup
    public void setUp() {
        decision = new PairCostDecision(PairCostConfig.builder().build());
        decision.reset(START + 900_000, 1_000);
        holdingYes = PairPosition.empty().apply(PairLeg.YES, Side.BUY, Quantity.of("10"), Price.of("0.4"),
                Money.of("0.168", Currency.PUSD), FeeCollection.COLLATERAL);
        now = START + 1_000;
        decision.onBook(PairLeg.YES, 480_000, 2_131_250_000L, 500_000, 470_280_000L, now);
    }

    /** NO ask 0.52 against YES ask 0.50: 1.02 + fees, nothing to do. */
    @Benchmark
    @ZeroAllocation
    public boolean bookUpdateNothingToDo() {
        askWobble ^= 10_000;
        decision.onBook(PairLeg.NO, 480_000, 470_280_000L, 520_000 + askWobble, 2_131_250_000L, now);
        return decision.accumulate(now, PairPosition.empty(), false, false);
    }

    /** Holding 10 YES at 0.4168 all-in, NO ask 0.50: the NO order is chosen. */
    @Benchmark
    @ZeroAllocation
    public long bookUpdateOrderChosen() {
        askWobble ^= 10_000;
        decision.onBook(PairLeg.NO, 480_000, 100_000_000L, 500_000 - askWobble, 100_000_000L, now);
        return decision.accumulate(now, holdingYes, false, false) ? decision.sharesRaw() : -1;
    }

    /**
     * Maker mode (the default): the same kind of book update, then the post-only bid of each leg
     * ({@link PairCostDecision#quote}: the pair cap from the other leg's average, the tick grid, the delta bound).
     */
    @Benchmark
    @ZeroAllocation
    public long bookUpdateQuotes() {
        askWobble ^= 10_000;
        decision.onBook(PairLeg.NO, 480_000 - askWobble, 470_280_000L, 520_000, 2_131_250_000L, now);
        long yes = decision.quote(PairLeg.YES, now, holdingYes, 0, false) ? decision.priceRaw() : 0;
        return decision.quote(PairLeg.NO, now, holdingYes, 0, false) ? yes + decision.priceRaw() : yes;
    }
}
