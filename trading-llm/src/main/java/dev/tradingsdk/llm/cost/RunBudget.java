package dev.tradingsdk.llm.cost;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.llm.LlmClient;
import dev.tradingsdk.llm.LlmException;
import dev.tradingsdk.llm.LlmRequest;
import dev.tradingsdk.llm.LlmResponse;
import dev.tradingsdk.llm.Usage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A per-run cap on tokens, dollars and calls that fails closed: before every attempt (retries included) the
 * worst case of that attempt (estimated input plus the request's {@code maxTokens} at the dearest input rate) is
 * reserved, and if what is spent plus what is reserved would pass a limit the attempt is not sent and
 * {@link LlmException.BudgetExceeded} is thrown. After the attempt the reservation is replaced by the actual usage.
 * With a dollar limit, a model the price table does not know is refused rather than counted as free.
 *
 * <p>Thread-safe; share one per run across every client of the run.
 */
public final class RunBudget {

    private final PriceTable prices;
    private final Clock clock;
    private final TokenEstimator estimator;
    private final Long maxTokens;
    private final Money maxCost;
    private final Integer maxCalls;

    private long attempts;
    private Usage used = Usage.ZERO;
    private Money spent = Money.ofRaw(0, ModelPrice.COST_PRECISION, Currency.USD);
    private long reservedTokens;
    private Money reservedCost = Money.ofRaw(0, ModelPrice.COST_PRECISION, Currency.USD);

    private RunBudget(Builder b) {
        this.prices = b.prices;
        this.clock = b.clock;
        this.estimator = b.estimator;
        this.maxTokens = b.maxTokens;
        this.maxCost = b.maxCost;
        this.maxCalls = b.maxCalls;
    }

    public static Builder builder(PriceTable prices, Clock clock) {
        return new Builder(prices, clock);
    }

    /** What one attempt holds until {@link #settle} or {@link #release}. */
    public record Reservation(String provider, String model, long tokens, Money cost) {
    }

    /** What the run has used so far: attempts (failed ones too), tokens and dollars. */
    public record Spent(long attempts, Usage usage, Money cost) {
    }

    /** Reserves one attempt's worst case, or throws {@link LlmException.BudgetExceeded} and reserves nothing. */
    public synchronized Reservation reserve(String provider, LlmRequest request) {
        long tokens = Math.addExact(estimator.estimateInputTokens(request), request.maxTokens());
        Money cost = Money.ofRaw(0, ModelPrice.COST_PRECISION, Currency.USD);
        if (maxCost != null) {
            ModelPrice price = prices.lookup(provider, request.model(), today()).orElseThrow(() ->
                new LlmException.BudgetExceeded(provider, "no price for " + provider + " model " + request.model()
                    + " on " + today() + " and the run has a dollar budget of " + maxCost + ": refused"));
            cost = price.worstCase(estimator.estimateInputTokens(request), request.maxTokens());
        }
        if (maxCalls != null && attempts + 1 > maxCalls) {
            throw new LlmException.BudgetExceeded(provider, "call budget of " + maxCalls + " attempts used up");
        }
        if (maxTokens != null && used.totalTokens() + reservedTokens + tokens > maxTokens) {
            throw new LlmException.BudgetExceeded(provider, "token budget " + maxTokens + ": used "
                + used.totalTokens() + ", reserved " + reservedTokens + ", this call may take " + tokens);
        }
        if (maxCost != null && spent.plus(reservedCost).plus(cost).isGreaterThan(maxCost)) {
            throw new LlmException.BudgetExceeded(provider, "dollar budget " + maxCost + ": spent " + spent
                + ", reserved " + reservedCost + ", this call may cost " + cost);
        }
        attempts++;
        reservedTokens += tokens;
        reservedCost = reservedCost.plus(cost);
        return new Reservation(provider, request.model(), tokens, cost);
    }

    /** Replaces the reservation by what the attempt actually used; returns its cost (zero if no price known). */
    public synchronized Money settle(Reservation reservation, String answeringModel, Usage usage) {
        release(reservation);
        Money cost = costOf(reservation.provider(), answeringModel, reservation.model(), usage);
        used = used.plus(usage);
        spent = spent.plus(cost);
        return cost;
    }

    /** Drops a reservation of an attempt that used nothing (it still counts as an attempt). */
    public synchronized void release(Reservation reservation) {
        reservedTokens -= reservation.tokens();
        reservedCost = reservedCost.minus(reservation.cost());
    }

    private Money costOf(String provider, String answeringModel, String requestedModel, Usage usage) {
        LocalDate day = today();
        Optional<Money> cost = prices.cost(provider, answeringModel, day, usage);
        if (cost.isEmpty()) {
            cost = prices.cost(provider, requestedModel, day, usage);
        }
        return cost.orElse(Money.ofRaw(0, ModelPrice.COST_PRECISION, Currency.USD));
    }

    public synchronized Spent spent() {
        return new Spent(attempts, used, spent);
    }

    /** {@code client} with this budget around each of its calls (one attempt per call, e.g. a scripted model). */
    public LlmClient guard(LlmClient client) {
        Objects.requireNonNull(client, "client");
        return new LlmClient() {
            @Override
            public String provider() {
                return client.provider();
            }

            @Override
            public LlmResponse complete(LlmRequest request) {
                Reservation r = reserve(client.provider(), request);
                LlmResponse response;
                try {
                    response = client.complete(request);
                } catch (RuntimeException e) {
                    release(r);
                    throw e;
                }
                settle(r, response.model(), response.usage());
                return response;
            }

            @Override
            public String toString() {
                return client + " within " + RunBudget.this;
            }
        };
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    }

    @Override
    public synchronized String toString() {
        return "RunBudget[tokens " + used.totalTokens() + "/" + (maxTokens == null ? "-" : maxTokens) + ", cost "
            + spent + "/" + (maxCost == null ? "-" : maxCost) + ", attempts " + attempts + "/"
            + (maxCalls == null ? "-" : maxCalls) + "]";
    }

    /** At least one limit is required; each takes one value: a second throws {@link IllegalStateException}. */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private final PriceTable prices;
        private final Clock clock;
        private TokenEstimator estimator = TokenEstimator.utf8Bytes();
        private Long maxTokens;
        private Money maxCost;
        private Integer maxCalls;

        private Builder(PriceTable prices, Clock clock) {
            this.prices = Objects.requireNonNull(prices, "prices");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        /** Most tokens (input of every kind plus output) the run may use. */
        public Builder maxTokens(long tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("maxTokens must be >= 1, was " + tokens);
            }
            once("maxTokens", maxTokens, tokens);
            this.maxTokens = tokens;
            return this;
        }

        /** Most US dollars the run may spend. */
        public Builder maxCost(Money cost) {
            Objects.requireNonNull(cost, "maxCost");
            if (!cost.currency().code().equals("USD") || !cost.isPositive()) {
                throw new IllegalArgumentException("maxCost must be a positive USD amount, was " + cost);
            }
            once("maxCost", maxCost, cost);
            this.maxCost = cost;
            return this;
        }

        /** Most HTTP attempts (retries included) the run may make. */
        public Builder maxCalls(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("maxCalls must be >= 1, was " + calls);
            }
            once("maxCalls", maxCalls, calls);
            this.maxCalls = calls;
            return this;
        }

        public Builder estimator(TokenEstimator tokenEstimator) {
            once("estimator", "a TokenEstimator", "a TokenEstimator");
            this.estimator = Objects.requireNonNull(tokenEstimator, "estimator");
            return this;
        }

        public RunBudget build() {
            if (maxTokens == null && maxCost == null && maxCalls == null) {
                throw new IllegalArgumentException("a budget needs maxTokens, maxCost or maxCalls");
            }
            return new RunBudget(this);
        }
    }
}
