package dev.tradingsdk.llm.cost;

import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.llm.Usage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Dated model prices. Prices change: every entry has the day it takes effect, and a lookup for a call on a given
 * day takes the longest matching model prefix, then the newest entry in effect that day. The
 * {@link #defaults()} are a snapshot (see each entry's {@code source}); pass your own for billing-grade numbers.
 */
public final class PriceTable {

    private final List<ModelPrice> prices;

    private PriceTable(List<ModelPrice> prices) {
        this.prices = List.copyOf(prices);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An empty table: every lookup fails, so a dollar budget refuses every call. */
    public static PriceTable empty() {
        return new PriceTable(List.of());
    }

    /**
     * Anthropic list prices from the platform.claude.com pricing page as stored in early to mid 2026, OpenAI prices
     * from secondary rate cards of 2025-2026 (not checked against openai.com), and zero for local servers
     * ({@code ollama}, {@code llamacpp}, {@code openai-compatible}) and {@code scripted} replays.
     */
    public static PriceTable defaults() {
        LocalDate anthropicDate = LocalDate.of(2026, 3, 1);
        String anthropic = "platform.claude.com/docs/en/about-claude/pricing, snapshot listing Opus 4.6 and Sonnet 4.6";
        LocalDate openAiDate = LocalDate.of(2025, 6, 1);
        String openAi = "secondary rate cards citing openai.com/api/pricing, 2025-2026; unverified";
        Builder b = builder()
            .price("anthropic", "claude-opus-4", anthropicDate, "5", "25", "0.50", "6.25", anthropic)
            .price("anthropic", "claude-sonnet-4", anthropicDate, "3", "15", "0.30", "3.75", anthropic)
            .price("anthropic", "claude-haiku-4", anthropicDate, "1", "5", "0.10", "1.25", anthropic)
            .price("anthropic", "claude-3-5-haiku", anthropicDate, "0.80", "4", "0.08", "1", anthropic)
            .price("openai", "gpt-4o", openAiDate, "2.50", "10", "1.25", "2.50", openAi)
            .price("openai", "gpt-4o-mini", openAiDate, "0.15", "0.60", "0.075", "0.15", openAi)
            .price("openai", "gpt-4.1", openAiDate, "2.00", "8.00", "0.50", "2.00", openAi)
            .price("openai", "gpt-4.1-mini", openAiDate, "0.40", "1.60", "0.10", "0.40", openAi)
            .price("openai", "o4-mini", openAiDate, "1.10", "4.40", "0.275", "1.10", openAi)
            .price("openai", "gpt-5", openAiDate, "1.25", "10", "0.125", "1.25", openAi);
        for (String local : List.of("ollama", "llamacpp", "openai-compatible", "scripted")) {
            b.price(local, "", LocalDate.of(2000, 1, 1), "0", "0", "0", "0", "local or replayed: no charge");
        }
        return b.build();
    }

    /** The price for {@code model} of {@code provider} in effect on {@code day}. */
    public Optional<ModelPrice> lookup(String provider, String model, LocalDate day) {
        return prices.stream()
            .filter(p -> p.provider().equals(provider) && model.startsWith(p.modelPrefix())
                && !p.effectiveFrom().isAfter(day))
            .max(Comparator.<ModelPrice>comparingInt(p -> p.modelPrefix().length())
                .thenComparing(ModelPrice::effectiveFrom));
    }

    /** The cost of a call, or empty when the table has no price for it. */
    public Optional<Money> cost(String provider, String model, LocalDate day, Usage usage) {
        return lookup(provider, model, day).map(p -> p.cost(usage));
    }

    public List<ModelPrice> prices() {
        return prices;
    }

    /** Collects prices; the same provider, prefix and date twice is refused naming both. */
    public static final class Builder {
        private final List<ModelPrice> prices = new ArrayList<>();

        public Builder price(ModelPrice price) {
            Objects.requireNonNull(price, "price");
            for (ModelPrice p : prices) {
                if (p.provider().equals(price.provider()) && p.modelPrefix().equals(price.modelPrefix())
                    && p.effectiveFrom().equals(price.effectiveFrom())) {
                    throw new IllegalArgumentException("two prices for " + price.provider() + " \""
                        + price.modelPrefix() + "\" from " + price.effectiveFrom() + ": " + p + " and " + price);
                }
            }
            prices.add(price);
            return this;
        }

        /** A price in USD per million tokens, given as decimal strings. */
        public Builder price(String provider, String modelPrefix, LocalDate effectiveFrom, String input,
                             String output, String cacheRead, String cacheWrite, String source) {
            return price(new ModelPrice(provider, modelPrefix, effectiveFrom, new BigDecimal(input),
                new BigDecimal(output), new BigDecimal(cacheRead), new BigDecimal(cacheWrite), source));
        }

        public PriceTable build() {
            return new PriceTable(prices);
        }
    }
}
