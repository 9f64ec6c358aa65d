package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.http.RateLimit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate-limit groups of the CLOB with the published limits (docs.polymarket.com, per 10 s; Cloudflare throttles
 * rather than rejects). Override one with {@link ClobClient.Builder#rateLimit(String, RateLimit)}.
 */
public final class ClobEndpoints {
    public static final String BOOK = "book";
    public static final String BOOKS = "books";
    public static final String PRICE = "price";
    public static final String MIDPOINT = "midpoint";
    public static final String TICK_SIZE = "tick-size";
    public static final String DATA_ORDERS = "data-orders";
    public static final String DATA_TRADES = "data-trades";
    public static final String AUTH = "auth";
    public static final String POST_ORDER = "post-order";
    public static final String POST_ORDERS = "post-orders";
    public static final String CANCEL = "cancel";

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    static final RateLimit GENERAL_LIMIT = per10s(9_000);
    static final Map<String, RateLimit> DEFAULT_LIMITS = defaults();

    private ClobEndpoints() {
    }

    private static RateLimit per10s(long permits) {
        // Burst of a tenth of the window: smooth enough for a sliding window, still allows short bursts.
        return new RateLimit(permits, TEN_SECONDS, Math.max(1, permits / 10));
    }

    private static Map<String, RateLimit> defaults() {
        Map<String, RateLimit> limits = new LinkedHashMap<>();
        limits.put(BOOK, per10s(1_500));
        limits.put(BOOKS, per10s(500));
        limits.put(PRICE, per10s(1_500));
        limits.put(MIDPOINT, per10s(1_500));
        limits.put(TICK_SIZE, per10s(200));
        limits.put(DATA_ORDERS, per10s(500));
        limits.put(DATA_TRADES, per10s(500));
        limits.put(AUTH, per10s(100));
        limits.put(POST_ORDER, per10s(3_500));
        limits.put(POST_ORDERS, per10s(1_000));
        limits.put(CANCEL, per10s(3_000));
        return Map.copyOf(limits);
    }

    /** The default limit of a group. */
    public static RateLimit defaultLimit(String group) {
        RateLimit limit = DEFAULT_LIMITS.get(group);
        if (limit == null) {
            throw new IllegalArgumentException("unknown endpoint group " + group + "; known: " + DEFAULT_LIMITS.keySet());
        }
        return limit;
    }
}
