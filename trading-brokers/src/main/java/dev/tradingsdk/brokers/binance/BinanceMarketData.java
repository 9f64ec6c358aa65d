package dev.tradingsdk.brokers.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.tradingsdk.brokers.BarInterval;
import dev.tradingsdk.brokers.BrokerException;
import dev.tradingsdk.brokers.MarketDataSource;
import dev.tradingsdk.brokers.internal.ApiErrors;
import dev.tradingsdk.brokers.internal.Fields;
import dev.tradingsdk.brokers.internal.HttpOptions;
import dev.tradingsdk.core.http.ApiException;
import dev.tradingsdk.core.http.ErrorMapper;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.market.Bar;
import dev.tradingsdk.core.market.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * Binance's public spot market data, no key needed: klines, the 24-hour ticker and the price ticker. Every
 * answer is cached (Caffeine, expiring a configurable time after it was fetched, 60 s by default), so agents
 * that ask for the same price every few seconds cost one request a minute; failures are not cached.
 *
 * <p>Data only, no trading. Requests count against Binance's weight limit (klines weigh 2, a one-symbol
 * ticker 2, a price 2); a 429 or 418 becomes {@link BrokerException.Type#RATE_LIMITED} with Binance's
 * {@code Retry-After}.
 */
public final class BinanceMarketData implements MarketDataSource {

    public static final String DEFAULT_URL = "https://api.binance.com";
    /** Binance's market-data-only host. */
    public static final String DATA_ONLY_URL = "https://data-api.binance.vision";
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9\\-_.]{1,20}");
    private static final Set<String> INTERVALS = Set.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h",
            "6h", "8h", "12h", "1d", "3d", "1w", "1M");
    private static final int MAX_KLINES = 1000;

    private record Key(String endpoint, String symbol, String interval, long start, long end, int limit) {
    }

    private final RestClient client;
    private final Cache<Key, Object> cache;

    private BinanceMarketData(Builder b) {
        this.client = b.http.client("binance", b.baseUrl, ErrorMapper.standard()).build();
        Caffeine<Object, Object> caffeine = Caffeine.newBuilder().expireAfterWrite(b.ttl).maximumSize(b.maximumSize)
                .recordStats();
        if (b.ticker != null) {
            caffeine.ticker(b.ticker);
        }
        this.cache = caffeine.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "binance";
    }

    /**
     * Candles of {@code symbol} at {@code interval} ({@code 1m}, {@code 1h}, {@code 1d}, ...), oldest first;
     * {@code start} and {@code end} may be null; at most {@code limit} (1..1000).
     */
    public List<Kline> klines(String symbol, String interval, Instant start, Instant end, int limit) {
        checkSymbol(symbol);
        if (!INTERVALS.contains(interval)) {
            throw new IllegalArgumentException("interval must be one of " + new java.util.TreeSet<>(INTERVALS)
                    + ", was \"" + interval + "\"");
        }
        if (limit < 1 || limit > MAX_KLINES) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_KLINES + ", was " + limit);
        }
        Long startMs = start == null ? null : start.toEpochMilli();
        Long endMs = end == null ? null : end.toEpochMilli();
        Key key = new Key("klines", symbol, interval, startMs == null ? -1 : startMs, endMs == null ? -1 : endMs,
                limit);
        @SuppressWarnings("unchecked")
        List<Kline> klines = (List<Kline>) cached(key, "klines", () -> {
            JsonNode rows = client.get("/api/v3/klines").operation("klines").weight(2).query("symbol", symbol)
                    .query("interval", interval).query("startTime", startMs).query("endTime", endMs)
                    .query("limit", limit).executeJson();
            List<Kline> out = new ArrayList<>();
            for (JsonNode row : rows) {
                if (!row.isArray() || row.size() < 11) {
                    throw new IllegalArgumentException("a kline must be an array of at least 11 fields, was " + row);
                }
                out.add(new Kline(Instant.ofEpochMilli(row.get(0).asLong()), decimal(row, 1), decimal(row, 2),
                        decimal(row, 3), decimal(row, 4), decimal(row, 5), Instant.ofEpochMilli(row.get(6).asLong()),
                        decimal(row, 7), row.get(8).asLong(), decimal(row, 9), decimal(row, 10)));
            }
            return List.copyOf(out);
        });
        return klines;
    }

    private static BigDecimal decimal(JsonNode row, int index) {
        JsonNode v = row.get(index);
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kline field " + index + " is not a decimal: " + v, e);
        }
    }

    /** The rolling 24-hour statistics of {@code symbol}. */
    public Ticker24h ticker24h(String symbol) {
        checkSymbol(symbol);
        return (Ticker24h) cached(new Key("ticker24h", symbol, "", 0, 0, 0), "ticker24h", () -> {
            JsonNode t = client.get("/api/v3/ticker/24hr").operation("ticker24h").weight(2).query("symbol", symbol)
                    .executeJson();
            return new Ticker24h(Fields.text(t, "symbol"), Fields.decimal(t, "priceChange"),
                    Fields.decimal(t, "priceChangePercent"), Fields.decimal(t, "weightedAvgPrice"),
                    Fields.decimal(t, "prevClosePrice"), Fields.decimal(t, "lastPrice"), Fields.decimal(t, "lastQty"),
                    Fields.decimal(t, "bidPrice"), Fields.decimal(t, "bidQty"), Fields.decimal(t, "askPrice"),
                    Fields.decimal(t, "askQty"), Fields.decimal(t, "openPrice"), Fields.decimal(t, "highPrice"),
                    Fields.decimal(t, "lowPrice"), Fields.decimal(t, "volume"), Fields.decimal(t, "quoteVolume"),
                    Instant.ofEpochMilli(t.path("openTime").asLong()),
                    Instant.ofEpochMilli(t.path("closeTime").asLong()), t.path("count").asLong());
        });
    }

    /** The latest price of {@code symbol}, exactly as Binance sends it. */
    public BigDecimal price(String symbol) {
        checkSymbol(symbol);
        return (BigDecimal) cached(new Key("price", symbol, "", 0, 0, 0), "price", () -> Fields.decimal(
                client.get("/api/v3/ticker/price").operation("price").weight(2).query("symbol", symbol)
                        .executeJson(), "price"));
    }

    /** Hits, misses and evictions of the cache so far. */
    public CacheStats cacheStats() {
        return cache.stats();
    }

    /** Drops every cached answer. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public boolean supportsBars() {
        return true;
    }

    @Override
    public boolean supportsQuotes() {
        return true;
    }

    /** Bars from klines; {@code instrument.symbol()} is the Binance symbol. At most 1000 bars per call. */
    @Override
    public List<Bar> bars(Instrument instrument, BarInterval interval, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        List<Bar> out = new ArrayList<>();
        for (Kline k : klines(instrument.symbol(), interval(interval), from, to.minusMillis(1), MAX_KLINES)) {
            Instant close = k.openTime().plus(interval.length());
            out.add(new Bar(instrument, k.openTime(), close, price(instrument, k.open()), price(instrument, k.high()),
                    price(instrument, k.low()), price(instrument, k.close()),
                    Fields.quantity(k.volume(), instrument.sizePrecision())));
        }
        return out;
    }

    /** The best bid and ask from the 24-hour ticker (cached like it). */
    @Override
    public Optional<Quote> quote(Instrument instrument) {
        Ticker24h t = ticker24h(instrument.symbol());
        if (t.bidPrice().signum() <= 0 || t.askPrice().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Quote(instrument, t.closeTime(), price(instrument, t.bidPrice()),
                Fields.quantity(t.bidQty(), instrument.sizePrecision()), price(instrument, t.askPrice()),
                Fields.quantity(t.askQty(), instrument.sizePrecision())));
    }

    private static dev.tradingsdk.core.num.Price price(Instrument instrument, BigDecimal value) {
        return Fields.price(value, instrument.pricePrecision());
    }

    private static String interval(BarInterval interval) {
        return switch (interval) {
            case MINUTE_1 -> "1m";
            case MINUTE_5 -> "5m";
            case MINUTE_15 -> "15m";
            case HOUR_1 -> "1h";
            case DAY_1 -> "1d";
        };
    }

    private Object cached(Key key, String operation, Supplier<Object> load) {
        try {
            return cache.get(key, k -> load.get());
        } catch (ApiException e) {
            throw ApiErrors.builder(e, name(), operation).context("symbol", key.symbol()).build();
        } catch (IllegalArgumentException e) {
            throw BrokerException.builder(BrokerException.Type.UNKNOWN, name(), operation)
                    .message("unexpected response: " + e.getMessage()).context("symbol", key.symbol()).cause(e)
                    .build();
        }
    }

    private static void checkSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must be 1-20 of [A-Z0-9-_.], was \"" + symbol + "\"");
        }
    }

    /** Settings; all optional, each taking one value: a second throws {@link IllegalStateException} naming both. */
    public static final class Builder {
        private final HttpOptions http = new HttpOptions();
        private String baseUrl = DEFAULT_URL;
        private Duration ttl = DEFAULT_TTL;
        private long maximumSize = 10_000;
        private Ticker ticker;

        private Builder() {
        }

        public Builder baseUrl(String url) {
            if (url == null || okhttp3.HttpUrl.parse(url) == null) {
                throw new IllegalArgumentException("baseUrl is not an http(s) URL: \"" + url + "\"");
            }
            http.once("baseUrl", baseUrl, url);
            this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return this;
        }

        /** How long an answer is served from the cache after it was fetched; default 60 s. */
        public Builder ttl(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("ttl must be positive, was " + value);
            }
            http.once("ttl", ttl, value);
            this.ttl = value;
            return this;
        }

        public Builder maximumSize(long entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("maximumSize must be positive, was " + entries);
            }
            http.once("maximumSize", maximumSize, entries);
            this.maximumSize = entries;
            return this;
        }

        /** The cache's time source; tests pass one they advance by hand. */
        public Builder ticker(Ticker source) {
            http.once("ticker", "a Ticker", "a Ticker");
            this.ticker = Objects.requireNonNull(source, "ticker");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            http.retryPolicy(policy);
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            http.timeouts(connect, read);
            return this;
        }

        public Builder okHttpClient(OkHttpClient client) {
            http.okHttpClient(client);
            return this;
        }

        public BinanceMarketData build() {
            return new BinanceMarketData(this);
        }
    }
}
