package dev.tradingsdk.polymarket;

import dev.tradingsdk.core.http.NotFoundException;
import dev.tradingsdk.core.http.RateLimit;
import dev.tradingsdk.core.http.RestClient;
import dev.tradingsdk.core.http.RetryPolicy;
import dev.tradingsdk.core.time.Clock;
import dev.tradingsdk.polymarket.dto.GammaEvent;
import dev.tradingsdk.polymarket.dto.GammaMarket;
import dev.tradingsdk.polymarket.dto.UpDownWindow;
import dev.tradingsdk.polymarket.internal.GammaParser;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Market discovery on the public Gamma API: events and markets by slug, and the current/next 15-minute crypto
 * up/down markets ({@code btc-updown-15m-<start>}).
 */
public final class GammaClient {
    public static final String DEFAULT_URL = "https://gamma-api.polymarket.com";

    private static final String EVENTS = "events";
    private static final String MARKETS = "markets";

    private final RestClient rest;
    private final GammaParser parser;
    private final Clock clock;

    private GammaClient(Builder b) {
        RestClient.Builder rb = RestClient.builder("polymarket-gamma", b.baseUrl)
                .retryPolicy(b.retryPolicy)
                .rateLimit(new RateLimit(4_000, Duration.ofSeconds(10), 400))
                .rateLimit(EVENTS, new RateLimit(500, Duration.ofSeconds(10), 50))
                .rateLimit(MARKETS, new RateLimit(300, Duration.ofSeconds(10), 30));
        if (b.okHttp != null) {
            rb.okHttpClient(b.okHttp);
        }
        this.rest = rb.build();
        this.parser = new GammaParser(rest.objectMapper());
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The event with this slug, if it exists. */
    public Optional<GammaEvent> eventBySlug(String slug) {
        List<GammaEvent> events = rest.get("/events").operation("eventsBySlug").endpointGroup(EVENTS)
                .query("slug", requireSlug(slug)).executeJson(parser::events);
        return events.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    /** The market with this slug, if it exists. */
    public Optional<GammaMarket> marketBySlug(String slug) {
        List<GammaMarket> markets = rest.get("/markets").operation("marketsBySlug")
                .endpointGroup(MARKETS).query("slug", requireSlug(slug)).executeJson(parser::markets);
        return markets.stream().filter(m -> m.slug().equals(slug)).findFirst();
    }

    /**
     * The market with this slug among closed markets. Gamma's {@code /markets} lists open markets only unless
     * asked (since 2026-04-09), so a resolved market is looked up here, not with {@link #marketBySlug}.
     */
    public Optional<GammaMarket> closedMarketBySlug(String slug) {
        List<GammaMarket> markets = rest.get("/markets").operation("closedMarketsBySlug").endpointGroup(MARKETS)
                .query("slug", requireSlug(slug)).query("closed", true).executeJson(parser::markets);
        return markets.stream().filter(m -> m.slug().equals(slug)).findFirst();
    }

    /** Active, open events, newest first by the API's default order; {@code limit} 1..500. */
    public List<GammaEvent> activeEvents(int limit, int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new IllegalArgumentException("limit must be 1..500 and offset >= 0, got " + limit + "/" + offset);
        }
        return rest.get("/events").operation("activeEvents").endpointGroup(EVENTS).query("active", true)
                .query("closed", false).query("limit", limit).query("offset", offset)
                .executeJson(parser::events);
    }

    /** The up/down market of the 15-minute window containing now (asset e.g. "btc", "eth"). */
    public Optional<GammaMarket> currentUpDown(String asset) {
        return upDown(UpDownWindow.current(asset, clock.now()));
    }

    /** The up/down market of the window after the current one (created about a day ahead). */
    public Optional<GammaMarket> nextUpDown(String asset) {
        return upDown(UpDownWindow.current(asset, clock.now()).next());
    }

    public Optional<GammaMarket> upDown(UpDownWindow window) {
        try {
            return eventBySlug(window.slug()).flatMap(event -> event.markets().stream().findFirst());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String requireSlug(String slug) {
        if (slug == null || !slug.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("slug must be lowercase letters, digits and '-', got " + slug);
        }
        return slug;
    }

    @Override
    public String toString() {
        return "GammaClient[" + rest + "]";
    }

    /** Configures a {@link GammaClient}; a second value for an option throws {@link IllegalStateException}. */
    public static final class Builder {
        private final Set<String> given = new HashSet<>();
        private String baseUrl = DEFAULT_URL;
        private Clock clock = Clock.system();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private OkHttpClient okHttp;

        private Builder() {
        }

        private void once(String option, Object previous, Object next) {
            if (!given.add(option)) {
                throw new IllegalStateException(option + " set twice: " + previous + " and " + next);
            }
        }

        public Builder baseUrl(String url) {
            once("baseUrl", baseUrl, url);
            this.baseUrl = Objects.requireNonNull(url, "baseUrl");
            return this;
        }

        public Builder clock(Clock source) {
            once("clock", "a Clock", "a Clock");
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            once("retryPolicy", retryPolicy, policy);
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder okHttpClient(OkHttpClient client) {
            once("okHttpClient", "an OkHttpClient", "an OkHttpClient");
            this.okHttp = Objects.requireNonNull(client, "okHttpClient");
            return this;
        }

        public GammaClient build() {
            return new GammaClient(this);
        }
    }
}
