package dev.tradingsdk.polymarket.dto;

import dev.tradingsdk.polymarket.order.TickSize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A market from the Gamma API. {@code outcomes.get(i)} pairs with {@code clobTokenIds.get(i)} and
 * {@code outcomePrices.get(i)}. Optional fields Gamma leaves out are null.
 */
public record GammaMarket(
        String id,
        String conditionId,
        String question,
        String slug,
        List<String> outcomes,
        List<BigDecimal> outcomePrices,
        List<String> clobTokenIds,
        Instant startDate,
        Instant endDate,
        boolean active,
        boolean closed,
        boolean acceptingOrders,
        boolean negRisk,
        TickSize tickSize,
        BigDecimal minOrderSize) {

    public GammaMarket {
        Objects.requireNonNull(slug, "slug");
        outcomes = List.copyOf(outcomes);
        outcomePrices = List.copyOf(outcomePrices);
        clobTokenIds = List.copyOf(clobTokenIds);
        if (!clobTokenIds.isEmpty() && clobTokenIds.size() != outcomes.size()) {
            throw new IllegalArgumentException("market " + slug + " has " + outcomes.size() + " outcomes but "
                    + clobTokenIds.size() + " clobTokenIds");
        }
    }

    /**
     * The index of the winning outcome once the market is resolved: closed, with its outcome prices collapsed to
     * exactly 1 for one outcome and 0 for every other. Empty before that (a closed market still priced 0.9995 /
     * 0.0005 is not resolved yet).
     */
    public OptionalInt winningOutcome() {
        if (!closed || outcomePrices.size() != outcomes.size() || outcomePrices.isEmpty()) {
            return OptionalInt.empty();
        }
        int winner = -1;
        for (int i = 0; i < outcomePrices.size(); i++) {
            BigDecimal price = outcomePrices.get(i);
            if (price.compareTo(BigDecimal.ONE) == 0 && winner < 0) {
                winner = i;
            } else if (price.signum() != 0) {
                return OptionalInt.empty();
            }
        }
        return winner < 0 ? OptionalInt.empty() : OptionalInt.of(winner);
    }

    /** The CLOB token id of an outcome such as "Yes", "Up" (case-insensitive). */
    public String tokenId(String outcome) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).equalsIgnoreCase(outcome)) {
                return clobTokenIds.get(i);
            }
        }
        throw new IllegalArgumentException("market " + slug + " has no outcome '" + outcome + "'; outcomes are "
                + outcomes);
    }
}
