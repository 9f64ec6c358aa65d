package dev.tradingsdk.llm.cost;

import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.core.num.FixedMath;
import dev.tradingsdk.core.num.Money;
import dev.tradingsdk.llm.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a model costs from a date on, in US dollars per million tokens for each usage category.
 *
 * @param provider      provider name as {@link dev.tradingsdk.llm.LlmClient#provider()} reports it
 * @param modelPrefix   the model id or a prefix of it ({@code "claude-sonnet-4-5"} covers
 *                      {@code "claude-sonnet-4-5-20250929"}); the longest matching prefix wins; empty covers all
 * @param effectiveFrom first day (UTC) this price applies
 * @param input         uncached input
 * @param output        output, reasoning included
 * @param cacheRead     cached input read
 * @param cacheWrite    input written to the cache
 * @param source        where the numbers come from (a page and its date)
 */
public record ModelPrice(String provider, String modelPrefix, LocalDate effectiveFrom, BigDecimal input,
                         BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite, String source) {

    /** Prices are kept in micro-dollars per million tokens, so a cost is exact at nano-dollars. */
    static final int PRICE_PRECISION = 6;
    /** Costs are nano-dollar exact before any rounding to cents. */
    public static final int COST_PRECISION = 9;

    public ModelPrice {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("provider must not be blank, was \"" + provider + "\"");
        }
        Objects.requireNonNull(modelPrefix, "modelPrefix");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        check("input", input);
        check("output", output);
        check("cacheRead", cacheRead);
        check("cacheWrite", cacheWrite);
        Objects.requireNonNull(source, "source");
    }

    private static void check(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > PRICE_PRECISION
            || value.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw new IllegalArgumentException(field + " price must be 0..1000000 USD per million tokens with at most "
                + PRICE_PRECISION + " decimals, was " + value);
        }
    }

    /** The cost of {@code usage} at this price, in USD at nano-dollar precision (rounded half-up once). */
    public Money cost(Usage usage) {
        long total = 0;
        total = Math.addExact(total, Math.multiplyExact(usage.inputTokens(), micros(input)));
        total = Math.addExact(total, Math.multiplyExact(usage.outputTokens(), micros(output)));
        total = Math.addExact(total, Math.multiplyExact(usage.cacheReadTokens(), micros(cacheRead)));
        total = Math.addExact(total, Math.multiplyExact(usage.cacheWriteTokens(), micros(cacheWrite)));
        // tokens x micro-dollars per 10^6 tokens = 10^-12 dollars; at 10^-9 that is a division by 1000.
        return Money.ofRaw(FixedMath.divide(total, 1000, RoundingMode.HALF_UP), COST_PRECISION, Currency.USD);
    }

    /** The dearest a call of {@code inputTokens} uncached input and {@code outputTokens} output can cost. */
    public Money worstCase(long inputTokens, long outputTokens) {
        BigDecimal dearestInput = input.max(cacheWrite).max(cacheRead);
        ModelPrice flat = new ModelPrice(provider, modelPrefix, effectiveFrom, dearestInput, output, cacheRead,
            cacheWrite, source);
        return flat.cost(new Usage(inputTokens, outputTokens, 0, 0, 0));
    }

    private static long micros(BigDecimal perMillion) {
        return FixedMath.fromBigDecimal(perMillion, PRICE_PRECISION, RoundingMode.UNNECESSARY);
    }
}
