package dev.tradingsdk.kalshi;

import dev.tradingsdk.core.instrument.AssetClass;
import dev.tradingsdk.core.instrument.Instrument;
import dev.tradingsdk.core.instrument.Venue;
import dev.tradingsdk.core.num.Currency;
import java.time.Instant;
import java.util.Objects;

/**
 * Core {@link Instrument}s for Kalshi markets, priced as the YES contract in dollars. Prices carry 4 decimals
 * (Kalshi's grids go down to $0.001) and sizes 2 (fractional contracts down to 0.01).
 */
public final class KalshiInstruments {

    public static final Venue VENUE = Venue.of("KALSHI");
    public static final int PRICE_PRECISION = 4;
    public static final int SIZE_PRECISION = 2;
    /** Fees, balances and costs: responses carry up to 6 decimals. */
    public static final int MONEY_PRECISION = 6;

    private KalshiInstruments() {
    }

    /** The YES contract of {@code ticker} on a grid of {@code tick} (e.g. {@code "0.01"}), expiring at {@code expiry}. */
    public static Instrument yesContract(String ticker, String tick, Instant expiry) {
        Objects.requireNonNull(ticker, "ticker");
        Instrument.Builder builder = Instrument.builder(ticker, VENUE)
            .assetClass(AssetClass.BINARY_OUTCOME)
            .quoteCurrency(Currency.USD)
            .pricePrecision(PRICE_PRECISION)
            .sizePrecision(SIZE_PRECISION)
            .tickSize(tick)
            .lotSize("0.01");
        if (expiry != null) {
            builder.expiry(expiry);
        }
        return builder.build();
    }

    /** The YES contract of {@code ticker} on the finest grid Kalshi uses ($0.0001 steps accepted, nothing enforced). */
    public static Instrument yesContract(String ticker) {
        return yesContract(ticker, "0.0001", null);
    }
}
