package dev.tradingsdk.polymarket.arb;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import dev.tradingsdk.polymarket.dto.GammaMarket;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One binary market window the bot trades: its slug, the YES (Up) and NO (Down) token instruments and when it
 * resolves. Token instruments are priced at 3 decimals (the 0.001 tick these markets use near the extremes),
 * sized at 2 (the CLOB's share precision) and expire at the window's end, so core's expiry-buffer rule applies.
 */
public record PairMarket(String slug, Instrument yes, Instrument no, Instant end) {
    public static final Venue VENUE = Venue.of("POLYMARKET");
    public static final int PRICE_DECIMALS = 3;
    public static final int SIZE_DECIMALS = 2;

    public PairMarket {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(yes, "yes");
        Objects.requireNonNull(no, "no");
        Objects.requireNonNull(end, "end");
        if (yes.equals(no)) {
            throw new IllegalArgumentException("yes and no must be different instruments, both are " + yes);
        }
    }

    /** A market whose tokens are named {@code yesToken} and {@code noToken} (CLOB token ids, or any symbol). */
    public static PairMarket of(String slug, String yesToken, String noToken, Instant end) {
        return new PairMarket(slug, token(yesToken, end), token(noToken, end), end);
    }

    /** The market of a Gamma up/down window: the first token is Up (YES), the second Down (NO). */
    public static PairMarket of(GammaMarket market) {
        if (market.clobTokenIds().size() != 2) {
            throw new IllegalArgumentException("market " + market.slug() + " has " + market.clobTokenIds().size()
                    + " tokens, a pair market needs 2");
        }
        return of(market.slug(), market.clobTokenIds().get(0), market.clobTokenIds().get(1), market.endDate());
    }

    public static Instrument token(String symbol, Instant end) {
        return Instrument.builder(symbol, VENUE).assetClass(AssetClass.BINARY_OUTCOME).quoteCurrency(Currency.PUSD)
                .pricePrecision(PRICE_DECIMALS).sizePrecision(SIZE_DECIMALS).tickSize("0.001").expiry(end).build();
    }

    /** Instrument → CLOB token id (the instruments' symbols), for the feed and gateway adapters. */
    public Map<Instrument, String> tokens() {
        return Map.of(yes, yes.symbol(), no, no.symbol());
    }

    public Instrument instrument(PairLeg leg) {
        return leg == PairLeg.YES ? yes : no;
    }

    /** The leg of {@code instrument}, or null when it is not one of this market's tokens. */
    public PairLeg legOf(Instrument instrument) {
        return instrument.equals(yes) ? PairLeg.YES : instrument.equals(no) ? PairLeg.NO : null;
    }
}
