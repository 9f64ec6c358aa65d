package dev.tradingsdk.benchmarks;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.ExerciseStyle;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.InstrumentId;
import dev.tradingsdk.core.instrument.OptionRight;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import dev.tradingsdk.core.options.AccountGreeks;
import dev.tradingsdk.core.options.Black76;
import dev.tradingsdk.core.options.BlackScholesMerton;
import dev.tradingsdk.core.options.Greeks;
import dev.tradingsdk.core.options.GreeksBook;
import dev.tradingsdk.core.options.OptionChain;
import dev.tradingsdk.core.order.ClientOrderId;
import dev.tradingsdk.core.order.Fill;
import dev.tradingsdk.core.order.Side;
import dev.tradingsdk.core.portfolio.AccountView;
import dev.tradingsdk.core.portfolio.Position;
import dev.tradingsdk.core.time.EpochNanos;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full greeks evaluation (price, delta, gamma, vega, theta, rho) of a European option: ours fills a reused
 * {@link Greeks} holder ({@link Black76#greeks}, {@link BlackScholesMerton#greeks}); the baseline is the
 * textbook way, one function per greek, each recomputing d1, d2 and its normal terms, returning a record.
 * Inputs (futures price, strike, time, volatility, right) come from seeded precomputed arrays of 4,096 options
 * so branch prediction cannot learn one case.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GreeksBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class GreeksBenchmark {

    private static final int N = 1 << 12;
    private static final int MASK = N - 1;
    private static final double RATE = 0.045;

    private final double[] forward = new double[N];
    private final double[] strike = new double[N];
    private final double[] years = new double[N];
    private final double[] volatility = new double[N];
    private final OptionRight[] right = new OptionRight[N];
    private final Greeks out = new Greeks();
    private int index;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        for (int i = 0; i < N; i++) {
            forward[i] = 4000 + random.nextDouble() * 2000;
            strike[i] = forward[i] * Math.exp((random.nextDouble() - 0.5) * 0.4);
            years[i] = 1.0 / 365 + random.nextDouble();
            volatility[i] = 0.08 + random.nextDouble() * 0.5;
            right[i] = random.nextBoolean() ? OptionRight.CALL : OptionRight.PUT;
        }
        for (int i = 0; i < N; i++) {
            // The baseline computes the same figures (to its normal approximation's 1e-7).
            StraightforwardBlack76.Result expected = StraightforwardBlack76.greeks(right[i], forward[i], strike[i],
                    years[i], RATE, volatility[i]);
            Black76.greeks(right[i], forward[i], strike[i], years[i], RATE, volatility[i], out);
            if (Math.abs(expected.delta() - out.delta()) > 1e-6 || Math.abs(expected.price() - out.price())
                    > 1e-6 * forward[i]) {
                throw new IllegalStateException("baseline and ours disagree at " + i + ": " + expected + " " + out);
            }
        }
    }

    @Benchmark
    @ZeroAllocation
    public Greeks black76InPlace() {
        int i = index++ & MASK;
        return Black76.greeks(right[i], forward[i], strike[i], years[i], RATE, volatility[i], out);
    }

    @Benchmark
    @ZeroAllocation
    public Greeks blackScholesMertonInPlace() {
        int i = index++ & MASK;
        return BlackScholesMerton.greeks(right[i], forward[i], strike[i], years[i], RATE, 0.015, volatility[i], out);
    }

    @Benchmark
    public StraightforwardBlack76.Result black76Straightforward() {
        int i = index++ & MASK;
        return StraightforwardBlack76.greeks(right[i], forward[i], strike[i], years[i], RATE, volatility[i]);
    }

    /**
     * The hot path around the formulas: a futures price update re-pricing the ten options of a chain in a
     * {@link GreeksBook}, and an account's per-underlying greeks recomputed from its positions.
     */
    @State(Scope.Thread)
    public static class Book {
        private static final int PRICES = 1 << 10;
        final long[] futurePrices = new long[PRICES];
        Instrument future;
        GreeksBook book;
        AccountGreeks greeks;
        AccountView account;
        int index;

        @Setup
        public void setUp() {
            Instant expiry = Instant.parse("2026-12-18T14:30:00Z");
            Instant now = Instant.parse("2026-11-20T15:00:00Z");
            future = Instrument.builder("ESZ6", Venue.of("CME")).assetClass(AssetClass.FUTURE)
                    .quoteCurrency(Currency.USD).pricePrecision(2).tickSize("0.25").sizePrecision(0)
                    .multiplier("50").underlying("ES").expiry(expiry)
                    .future(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 18)).build();
            List<Instrument> options = new ArrayList<>();
            List<Position> positions = new ArrayList<>();
            for (int strike = 4900; strike <= 5100; strike += 50) {
                for (OptionRight right : OptionRight.values()) {
                    Instrument option = Instrument.builder("ESZ6 " + right + strike, Venue.of("CME"))
                            .assetClass(AssetClass.OPTION).quoteCurrency(Currency.USD).pricePrecision(2)
                            .sizePrecision(0).multiplier("50").expiry(expiry)
                            .option(future, right, Integer.toString(strike)).exerciseStyle(ExerciseStyle.AMERICAN)
                            .build();
                    options.add(option);
                    Position position = new Position(option);
                    position.apply(new Fill(ClientOrderId.of("o-" + option.symbol().replace(' ', '-')), "t",
                            option, strike % 100 == 0 ? Side.SELL : Side.BUY, Price.of("50.00"),
                            Quantity.of("10"), Money.zero(Currency.USD), now));
                    positions.add(position);
                }
            }
            book = GreeksBook.builder().rate(RATE).chain(OptionChain.of(options)).build();
            book.time(EpochNanos.of(now));
            book.price(future, 500_000);
            book.volatilityOfAll(future, 0.2);
            greeks = new AccountGreeks(book);
            account = new CachedAccount(List.copyOf(positions));
            Random random = new Random(7);
            for (int i = 0; i < PRICES; i++) {
                futurePrices[i] = 500_000 + (random.nextInt(401) - 200) * 25;
            }
        }
    }

    @Benchmark
    @ZeroAllocation
    public GreeksBook bookRepricesTenOptionsOnAPriceUpdate(Book state) {
        state.book.price(state.future, state.futurePrices[state.index++ & (Book.PRICES - 1)]);
        return state.book;
    }

    @Benchmark
    @ZeroAllocation
    public double accountGreeksOfTenPositions(Book state) {
        state.greeks.recompute(state.account, 0);
        return state.greeks.netDelta(0);
    }

    /** An account view over a fixed position list, as a venue client holding its last account update is. */
    private record CachedAccount(List<Position> positions) implements AccountView {
        @Override
        public String accountId() {
            return "bench";
        }

        @Override
        public Currency currency() {
            return Currency.USD;
        }

        @Override
        public Money cash() {
            return Money.zero(Currency.USD);
        }

        @Override
        public Money equity() {
            return Money.zero(Currency.USD);
        }

        @Override
        public Money marginUsed() {
            return Money.zero(Currency.USD);
        }

        @Override
        public Money marginAvailable() {
            return Money.zero(Currency.USD);
        }

        @Override
        public Money realizedPnl() {
            return Money.zero(Currency.USD);
        }

        @Override
        public Money unrealizedPnl() {
            return Money.zero(Currency.USD);
        }

        @Override
        public Optional<Position> position(InstrumentId instrument) {
            return positions.stream().filter(p -> p.instrument().id().equals(instrument)).findFirst();
        }
    }

    /** The textbook Black-76: one method per greek, each from scratch, and an immutable result. */
    static final class StraightforwardBlack76 {

        record Result(double price, double delta, double gamma, double vega, double theta, double rho) {
        }

        static Result greeks(OptionRight right, double f, double k, double t, double r, double sigma) {
            boolean call = right == OptionRight.CALL;
            return new Result(price(call, f, k, t, r, sigma), delta(call, f, k, t, r, sigma),
                    gamma(f, k, t, r, sigma), vega(f, k, t, r, sigma), theta(call, f, k, t, r, sigma),
                    -t * price(call, f, k, t, r, sigma));
        }

        static double d1(double f, double k, double t, double sigma) {
            return (Math.log(f / k) + 0.5 * sigma * sigma * t) / (sigma * Math.sqrt(t));
        }

        static double d2(double f, double k, double t, double sigma) {
            return d1(f, k, t, sigma) - sigma * Math.sqrt(t);
        }

        static double price(boolean call, double f, double k, double t, double r, double sigma) {
            double d1 = d1(f, k, t, sigma);
            double d2 = d2(f, k, t, sigma);
            return call ? Math.exp(-r * t) * (f * cdf(d1) - k * cdf(d2))
                    : Math.exp(-r * t) * (k * cdf(-d2) - f * cdf(-d1));
        }

        static double delta(boolean call, double f, double k, double t, double r, double sigma) {
            double d1 = d1(f, k, t, sigma);
            return call ? Math.exp(-r * t) * cdf(d1) : -Math.exp(-r * t) * cdf(-d1);
        }

        static double gamma(double f, double k, double t, double r, double sigma) {
            return Math.exp(-r * t) * pdf(d1(f, k, t, sigma)) / (f * sigma * Math.sqrt(t));
        }

        static double vega(double f, double k, double t, double r, double sigma) {
            return f * Math.exp(-r * t) * pdf(d1(f, k, t, sigma)) * Math.sqrt(t);
        }

        static double theta(boolean call, double f, double k, double t, double r, double sigma) {
            return -f * Math.exp(-r * t) * pdf(d1(f, k, t, sigma)) * sigma / (2 * Math.sqrt(t))
                    + r * price(call, f, k, t, r, sigma);
        }

        static double pdf(double x) {
            return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
        }

        /** Φ(x) = erfc(−x/√2)/2 with the Chebyshev erfc of Numerical Recipes (fractional error below 1.2e-7). */
        static double cdf(double x) {
            double z = Math.abs(x / Math.sqrt(2));
            double t = 1 / (1 + 0.5 * z);
            double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
                    + t * 0.17087277)))))))));
            return 0.5 * (x >= 0 ? 2 - erfc : erfc);
        }
    }
}
