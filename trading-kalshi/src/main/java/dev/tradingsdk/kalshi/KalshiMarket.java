package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.num.Price;
import dev.tradingsdk.core.num.Quantity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One market ({@code Market} schema): a yes/no question with its quote, volume and price grid. Prices are the
 * dollar strings of the 2026 API; old recordings with integer cents are read as a fallback.
 *
 * @param status        the response vocabulary: initialized, inactive, active, closed, determined, disputed,
 *                      amended, finalized
 * @param result        {@code yes}, {@code no}, {@code scalar} or empty until determined
 * @param exchangeIndex the matching-engine shard, -1 when the payload did not say
 */
public record KalshiMarket(String ticker, String eventTicker, String marketType, String status, String title,
                           Optional<Instant> openTime, Optional<Instant> closeTime, Optional<Price> yesBid,
                           Optional<Price> yesAsk, Optional<Price> noBid, Optional<Price> noAsk,
                           Optional<Price> lastPrice, Quantity yesBidSize, Quantity yesAskSize, Quantity volume,
                           Quantity volume24h, Quantity openInterest, String result,
                           Optional<Price> settlementValue, String priceLevelStructure, List<PriceRange> priceRanges,
                           int exchangeIndex) {

    public KalshiMarket {
        Objects.requireNonNull(ticker, "ticker");
        priceRanges = List.copyOf(priceRanges);
    }

    /** The midpoint of the YES bid and ask, when both are quoted. */
    public Optional<Price> mid() {
        if (yesBid.isEmpty() || yesAsk.isEmpty()) {
            return Optional.empty();
        }
        long sum = Math.addExact(yesBid.get().raw(), yesAsk.get().rawAt(yesBid.get().precision()));
        if (sum % 2 != 0) {
            return Optional.of(Price.ofRaw(sum * 5, yesBid.get().precision() + 1));
        }
        return Optional.of(Price.ofRaw(sum / 2, yesBid.get().precision()));
    }

    /** Whether {@code price} is on this market's grid ({@code price_ranges}); true when the market gave none. */
    public boolean isOnGrid(Price price) {
        return priceRanges.isEmpty() || priceRanges.stream().anyMatch(range -> range.contains(price));
    }

    /** The finest step of the grid ($0.01 when the market gave none). */
    public Price finestStep() {
        return priceRanges.stream().map(PriceRange::step).min(Comparator.naturalOrder())
            .orElse(Price.of("0.01"));
    }

    /** The YES contract as a core instrument on the finest step, expiring at the close time. */
    public Instrument instrument() {
        return KalshiInstruments.yesContract(ticker, finestStep().toBigDecimal().stripTrailingZeros().toPlainString(),
            closeTime.orElse(null));
    }
}
