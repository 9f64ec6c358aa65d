package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.http.RateLimit;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Kalshi's token buckets as configuration: every call costs tokens (default 10) from a Read or a Write bucket,
 * refilled per second, holding up to a capacity. The numbers change (2026-05..09 alone moved the legacy costs
 * three times and the tiers once), so they are values here, not constants in the client: take the current ones
 * from {@code GET /account/limits} and {@code GET /account/endpoint_costs}.
 *
 * <p>Defaults (rate_limits.md @ac2acb3d): V2 create, amend, decrease 10; cancel 2; batch create 10 and batch
 * cancel 2 <em>per order</em>; cancel-all as one cancel. The cancel/amend/decrease figures are derived from
 * Kalshi's "legacy costs are 10x V2" statement, not read from the endpoint-costs list.
 */
public final class KalshiRateLimits {

    public static final String CREATE_ORDER = "createOrder";
    public static final String CANCEL_ORDER = "cancelOrder";
    public static final String AMEND_ORDER = "amendOrder";
    public static final String DECREASE_ORDER = "decreaseOrder";
    public static final String BATCH_CREATE_PER_ORDER = "batchCreateOrders";
    public static final String BATCH_CANCEL_PER_ORDER = "batchCancelOrders";
    public static final String CANCEL_ALL = "cancelAllOrders";

    private final long readPerSecond;
    private final long readCapacity;
    private final long writePerSecond;
    private final long writeCapacity;
    private final int defaultCost;
    private final Map<String, Integer> costs;

    private KalshiRateLimits(long readPerSecond, long readCapacity, long writePerSecond, long writeCapacity,
                             int defaultCost, Map<String, Integer> costs) {
        this.readPerSecond = positive("readTokensPerSecond", readPerSecond);
        this.readCapacity = positive("readCapacity", readCapacity);
        this.writePerSecond = positive("writeTokensPerSecond", writePerSecond);
        this.writeCapacity = positive("writeCapacity", writeCapacity);
        this.defaultCost = (int) positive("defaultCost", defaultCost);
        this.costs = Map.copyOf(costs);
    }

    /** Tokens per second and bucket capacities in tokens, with the default endpoint costs. */
    public static KalshiRateLimits of(long readTokensPerSecond, long readCapacity, long writeTokensPerSecond,
                                      long writeCapacity) {
        Map<String, Integer> costs = new HashMap<>();
        costs.put(CREATE_ORDER, 10);
        costs.put(CANCEL_ORDER, 2);
        costs.put(AMEND_ORDER, 10);
        costs.put(DECREASE_ORDER, 10);
        costs.put(BATCH_CREATE_PER_ORDER, 10);
        costs.put(BATCH_CANCEL_PER_ORDER, 2);
        costs.put(CANCEL_ALL, 2);
        return new KalshiRateLimits(readTokensPerSecond, readCapacity, writeTokensPerSecond, writeCapacity, 10, costs);
    }

    /** The Basic tier: 200 read tokens/s (3 s bucket), 100 write tokens/s (1 s bucket). */
    public static KalshiRateLimits basic() {
        return of(200, 600, 100, 100);
    }

    /** The Advanced tier: 300 read and 300 write tokens/s, both buckets 3 s. */
    public static KalshiRateLimits advanced() {
        return of(300, 900, 300, 900);
    }

    /** The same limits with {@code operation} (one of the constants, or a read's operation name) costing {@code tokens}. */
    public KalshiRateLimits withCost(String operation, int tokens) {
        Objects.requireNonNull(operation, "operation");
        positive("cost of " + operation, tokens);
        Map<String, Integer> copy = new HashMap<>(costs);
        copy.put(operation, tokens);
        return new KalshiRateLimits(readPerSecond, readCapacity, writePerSecond, writeCapacity, defaultCost, copy);
    }

    public KalshiRateLimits withDefaultCost(int tokens) {
        return new KalshiRateLimits(readPerSecond, readCapacity, writePerSecond, writeCapacity, tokens, costs);
    }

    /** Tokens one call of {@code operation} takes. */
    public int cost(String operation) {
        return costs.getOrDefault(operation, defaultCost);
    }

    public long writeCapacity() {
        return writeCapacity;
    }

    RateLimit readLimit() {
        return new RateLimit(readPerSecond, Duration.ofSeconds(1), readCapacity);
    }

    RateLimit writeLimit() {
        return new RateLimit(writePerSecond, Duration.ofSeconds(1), writeCapacity);
    }

    private static long positive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "KalshiRateLimits[read " + readPerSecond + "/s (capacity " + readCapacity + "), write " + writePerSecond
            + "/s (capacity " + writeCapacity + "), default cost " + defaultCost + ", costs " + costs + "]";
    }
}
